#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace hh::records {

// The sections of an International Patient Summary (HL7 IPS, LOINC section codes).
enum class IpsSection { Problems, Allergies, Medications, Immunizations, Results, VitalSigns, Procedures };

// One resource listed in a section, as the narrative shows it.
struct IpsEntry {
    QString exportId;  // the bundle entry (its resource id)
    QString display;
    QString date;      // as stored (ISO), may be empty
    QString detail;    // value, strength, status ... may be empty
};

// Builds the IPS Composition: status final, type LOINC 60591-5, the patient as subject, the
// application (a Device) as author, and every section with a generated XHTML narrative and its
// entries. Problems, allergies and medications are required by IPS: without data they carry an
// emptyReason. Optional sections are left out when empty. Pure.
class IpsComposer
{
public:
    struct Input {
        QString compositionId;
        QString patientId;
        QString authorId;
        QDateTime date;
        QList<std::pair<IpsSection, QList<IpsEntry>>> sections;
    };
    [[nodiscard]] static QJsonObject composition(const Input& input);

    [[nodiscard]] static QString sectionCode(IpsSection section);
    [[nodiscard]] static QString sectionTitle(IpsSection section);
    [[nodiscard]] static bool isRequired(IpsSection section);
};

} // namespace hh::records
