#pragma once

// Small FHIR R4 resources written by hand for the views' tests (no corpus data).

#include <QByteArray>
#include <QList>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace hh::test::fhir {

using namespace Qt::StringLiterals;

inline QJsonObject coding(const QString& system, const QString& code, const QString& display)
{
    return QJsonObject{{"system"_L1, system}, {"code"_L1, code}, {"display"_L1, display}};
}

inline QJsonObject codeable(const QString& system, const QString& code, const QString& display)
{
    return QJsonObject{{"coding"_L1, QJsonArray{coding(system, code, display)}}, {"text"_L1, display}};
}

inline const QString kSnomed = u"http://snomed.info/sct"_s;
inline const QString kLoinc = u"http://loinc.org"_s;
inline const QString kRxNorm = u"http://www.nlm.nih.gov/research/umls/rxnorm"_s;
inline const QString kCvx = u"http://hl7.org/fhir/sid/cvx"_s;
inline const QString kUcum = u"http://unitsofmeasure.org"_s;

inline QJsonObject subject(const QString& patientId)
{
    return QJsonObject{{"reference"_L1, u"Patient/"_s + patientId}};
}

inline QJsonObject patient(const QString& id, const QString& family, const QString& given, const QString& birthDate,
                           const QString& gender)
{
    return QJsonObject{
        {"resourceType"_L1, u"Patient"_s},
        {"id"_L1, id},
        {"identifier"_L1, QJsonArray{QJsonObject{{"system"_L1, u"urn:oid:1.2.3.4"_s}, {"value"_L1, u"MRN-"_s + id}}}},
        {"name"_L1, QJsonArray{QJsonObject{{"family"_L1, family}, {"given"_L1, QJsonArray{given}}}}},
        {"birthDate"_L1, birthDate},
        {"gender"_L1, gender},
    };
}

inline QJsonObject condition(const QString& id, const QString& patientId, const QString& code, const QString& display,
                             const QString& onset, const QString& clinicalStatus = u"active"_s)
{
    return QJsonObject{
        {"resourceType"_L1, u"Condition"_s},
        {"id"_L1, id},
        {"clinicalStatus"_L1,
         QJsonObject{{"coding"_L1, QJsonArray{coding(u"http://terminology.hl7.org/CodeSystem/condition-clinical"_s,
                                                     clinicalStatus, clinicalStatus)}}}},
        {"verificationStatus"_L1,
         QJsonObject{{"coding"_L1, QJsonArray{coding(u"http://terminology.hl7.org/CodeSystem/condition-ver-status"_s,
                                                     u"confirmed"_s, u"Confirmed"_s)}}}},
        {"category"_L1, QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/condition-category"_s,
                                           u"problem-list-item"_s, u"Problem List Item"_s)}},
        {"code"_L1, codeable(kSnomed, code, display)},
        {"subject"_L1, subject(patientId)},
        {"onsetDateTime"_L1, onset},
    };
}

inline QJsonObject medicationRequest(const QString& id, const QString& patientId, const QString& rxnorm,
                                     const QString& display, const QString& authoredOn,
                                     const QString& status = u"active"_s, const QString& dosage = {})
{
    QJsonObject o{
        {"resourceType"_L1, u"MedicationRequest"_s},
        {"id"_L1, id},
        {"status"_L1, status},
        {"intent"_L1, u"order"_s},
        {"medicationCodeableConcept"_L1, codeable(kRxNorm, rxnorm, display)},
        {"subject"_L1, subject(patientId)},
        {"authoredOn"_L1, authoredOn},
        {"requester"_L1, QJsonObject{{"reference"_L1, u"Practitioner/dr-1"_s}, {"display"_L1, u"Dr. Ada Lovelace"_s}}},
    };
    if (!dosage.isEmpty())
        o.insert("dosageInstruction"_L1, QJsonArray{QJsonObject{{"text"_L1, dosage}}});
    return o;
}

inline QJsonObject allergy(const QString& id, const QString& patientId, const QString& code, const QString& display,
                           const QString& criticality = u"high"_s)
{
    return QJsonObject{
        {"resourceType"_L1, u"AllergyIntolerance"_s},
        {"id"_L1, id},
        {"clinicalStatus"_L1,
         QJsonObject{{"coding"_L1, QJsonArray{coding(
                                       u"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"_s,
                                       u"active"_s, u"Active"_s)}}}},
        {"code"_L1, codeable(kSnomed, code, display)},
        {"criticality"_L1, criticality},
        {"patient"_L1, subject(patientId)},
        {"reaction"_L1, QJsonArray{QJsonObject{
                            {"manifestation"_L1, QJsonArray{codeable(kSnomed, u"247472004"_s, u"Hives"_s)}}}}},
    };
}

inline QJsonObject immunization(const QString& id, const QString& patientId, const QString& cvx,
                                const QString& display, const QString& date)
{
    return QJsonObject{
        {"resourceType"_L1, u"Immunization"_s},
        {"id"_L1, id},
        {"status"_L1, u"completed"_s},
        {"vaccineCode"_L1, codeable(kCvx, cvx, display)},
        {"patient"_L1, subject(patientId)},
        {"occurrenceDateTime"_L1, date},
    };
}

inline QJsonObject quantity(double value, const QString& unit)
{
    return QJsonObject{{"value"_L1, value}, {"unit"_L1, unit}, {"system"_L1, kUcum}, {"code"_L1, unit}};
}

inline QJsonObject observation(const QString& id, const QString& patientId, const QString& loinc,
                               const QString& display, double value, const QString& unit, const QString& when,
                               std::optional<double> low = std::nullopt, std::optional<double> high = std::nullopt,
                               const QString& interpretation = {}, const QString& category = u"laboratory"_s)
{
    QJsonObject o{
        {"resourceType"_L1, u"Observation"_s},
        {"id"_L1, id},
        {"status"_L1, u"final"_s},
        {"category"_L1, QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/observation-category"_s, category,
                                           category)}},
        {"code"_L1, codeable(kLoinc, loinc, display)},
        {"subject"_L1, subject(patientId)},
        {"effectiveDateTime"_L1, when},
        {"valueQuantity"_L1, quantity(value, unit)},
        {"encounter"_L1, QJsonObject{{"reference"_L1, u"Encounter/enc-1"_s}}},
    };
    if (low || high) {
        QJsonObject range;
        if (low)
            range.insert("low"_L1, quantity(*low, unit));
        if (high)
            range.insert("high"_L1, quantity(*high, unit));
        o.insert("referenceRange"_L1, QJsonArray{range});
    }
    if (!interpretation.isEmpty())
        o.insert("interpretation"_L1,
                 QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s,
                                    interpretation, interpretation)});
    return o;
}

inline QJsonObject bloodPressure(const QString& id, const QString& patientId, double systolic, double diastolic,
                                 const QString& when)
{
    auto component = [](const QString& code, const QString& display, double v) {
        return QJsonObject{{"code"_L1, codeable(kLoinc, code, display)}, {"valueQuantity"_L1, quantity(v, u"mm[Hg]"_s)}};
    };
    return QJsonObject{
        {"resourceType"_L1, u"Observation"_s},
        {"id"_L1, id},
        {"status"_L1, u"final"_s},
        {"category"_L1, QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/observation-category"_s,
                                           u"vital-signs"_s, u"Vital Signs"_s)}},
        {"code"_L1, codeable(kLoinc, u"85354-9"_s, u"Blood pressure panel"_s)},
        {"subject"_L1, subject(patientId)},
        {"effectiveDateTime"_L1, when},
        {"component"_L1, QJsonArray{component(u"8480-6"_s, u"Systolic blood pressure"_s, systolic),
                                    component(u"8462-4"_s, u"Diastolic blood pressure"_s, diastolic)}},
    };
}

inline QJsonObject encounter(const QString& id, const QString& patientId, const QString& display, const QString& start,
                             const QString& end, const QString& status = u"finished"_s)
{
    return QJsonObject{
        {"resourceType"_L1, u"Encounter"_s},
        {"id"_L1, id},
        {"status"_L1, status},
        {"class"_L1, coding(u"http://terminology.hl7.org/CodeSystem/v3-ActCode"_s, u"AMB"_s, u"ambulatory"_s)},
        {"type"_L1, QJsonArray{codeable(kSnomed, u"185349003"_s, display)}},
        {"subject"_L1, subject(patientId)},
        {"period"_L1, QJsonObject{{"start"_L1, start}, {"end"_L1, end}}},
        {"serviceProvider"_L1, QJsonObject{{"display"_L1, u"Riverside Clinic"_s}}},
    };
}

inline QJsonObject documentInline(const QString& id, const QString& patientId, const QString& title,
                                  const QString& contentType, const QByteArray& data, const QString& date)
{
    return QJsonObject{
        {"resourceType"_L1, u"DocumentReference"_s},
        {"id"_L1, id},
        {"status"_L1, u"current"_s},
        {"type"_L1, codeable(kLoinc, u"11506-3"_s, title)},
        {"subject"_L1, subject(patientId)},
        {"date"_L1, date},
        {"description"_L1, title},
        {"content"_L1, QJsonArray{QJsonObject{{"attachment"_L1, QJsonObject{{"contentType"_L1, contentType},
                                                                           {"data"_L1, QString::fromLatin1(data.toBase64())},
                                                                           {"title"_L1, title}}}}}},
    };
}

inline QJsonObject documentBinary(const QString& id, const QString& patientId, const QString& title,
                                  const QString& contentType, const QString& binaryId, const QString& date)
{
    return QJsonObject{
        {"resourceType"_L1, u"DocumentReference"_s},
        {"id"_L1, id},
        {"status"_L1, u"current"_s},
        {"type"_L1, codeable(kLoinc, u"18842-5"_s, title)},
        {"subject"_L1, subject(patientId)},
        {"date"_L1, date},
        {"content"_L1, QJsonArray{QJsonObject{{"attachment"_L1, QJsonObject{{"contentType"_L1, contentType},
                                                                           {"url"_L1, u"Binary/"_s + binaryId},
                                                                           {"title"_L1, title}}}}}},
    };
}

inline QJsonObject binary(const QString& id, const QString& contentType, const QByteArray& data)
{
    return QJsonObject{{"resourceType"_L1, u"Binary"_s}, {"id"_L1, id}, {"contentType"_L1, contentType},
                       {"data"_L1, QString::fromLatin1(data.toBase64())}};
}

// A one-page PDF with the text "Discharge letter", written by hand (valid xref offsets).
inline QByteArray tinyPdf()
{
    QByteArray body;
    QList<qsizetype> offsets;
    auto obj = [&](const QByteArray& text) {
        offsets.append(body.size());
        body += text;
    };
    body = "%PDF-1.4\n";
    obj("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    obj("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    obj("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
    const QByteArray stream = "BT /F1 18 Tf 20 100 Td (Discharge letter) Tj ET";
    obj("4 0 obj\n<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream\nendobj\n");
    obj("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
    const qsizetype xref = body.size();
    body += "xref\n0 6\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        body += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    body += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return body;
}

} // namespace hh::test::fhir
