#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hh::records {

// One clean record on its way into an export bundle.
struct ExportRecord {
    QString id;               // profile_fhir_resources_clean.id
    QString resourceType;
    QJsonObject clean;        // clean_json
    QJsonObject raw;          // the resource as received from its main source (may be empty)
    QString connectionId;     // connection of `raw`: its relative references are resolved within it
};

// Maps the references a health system wrote ("Encounter/123", "https://base/Practitioner/9") to the
// entries of the bundle being written. Every "Patient/..." reference means the exported patient.
class ReferenceIndex
{
public:
    void setPatient(const QString& exportId) { m_patient = exportId; }
    [[nodiscard]] const QString& patient() const { return m_patient; }
    // The raw resource `resourceType/resourceId` of a connection is the bundle entry exportId.
    void add(const QString& connectionId, const QString& resourceType, const QString& resourceId,
             const QString& exportId);
    // "urn:uuid:<exportId>", or empty when the reference points outside the bundle.
    [[nodiscard]] QString resolve(const QString& connectionId, const QString& reference) const;
    [[nodiscard]] bool containsId(const QString& exportId) const { return m_ids.contains(exportId); }
    [[nodiscard]] qsizetype size() const { return m_map.size(); }

private:
    QString m_patient;
    QHash<QString, QString> m_map; // connection \x1f type/id -> export id
    QHash<QString, bool> m_ids;
};

// Turns clean records into FHIR R4 resources for export. Pure functions; thread-safe.
//
// A record is exported from the resource its main source sent (so nothing the health system said
// is lost), with a new id, no meta, and every reference rewritten: to the patient, to another
// entry of the bundle, or — when it points outside the bundle — reduced to its display text (a
// medicationReference becomes a medicationCodeableConcept). Without a stored source the resource
// is built from the clean record. Types that cannot be built that way give an empty object.
class FhirResourceExporter
{
public:
    // A UUID for a record id: the id itself when it is a UUID, else a name-based UUID (v5).
    [[nodiscard]] static QString exportId(const QString& recordId);

    [[nodiscard]] static QJsonObject resource(const ExportRecord& record, const ReferenceIndex& refs);

    // The patient: the stored Patient resource when there is one (identifiers, name, gender ...),
    // else built from the profile (legal or display name, date of birth).
    [[nodiscard]] static QJsonObject patient(const Profile& profile, const ExportRecord* stored,
                                             const ReferenceIndex& refs);

    // The application as a Device, the author of an IPS Composition.
    [[nodiscard]] static QJsonObject authorDevice(const QString& exportId);

    // A resource built from clean_json alone (no raw source).
    [[nodiscard]] static QJsonObject fromClean(const QString& resourceType, const QJsonObject& clean);

    // CodeableConcept from clean_json's codings and display.
    [[nodiscard]] static QJsonObject codeableConcept(const QJsonObject& clean);
};

} // namespace hh::records
