#include "core/records/FhirResourceExporter.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace hh::records {

namespace {

// Namespace of the name-based UUIDs made for non-UUID record ids.
const QUuid kIdNamespace = QUuid::fromString(u"6f1c2a8e-53d4-4f7b-9a51-2f4e8d7c0b13"_s);

QString str(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

QJsonObject obj(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isObject() ? v.toObject() : QJsonObject();
}

QJsonArray arr(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isArray() ? v.toArray() : QJsonArray();
}

void put(QJsonObject& o, QLatin1StringView key, const QString& v)
{
    if (!v.isEmpty())
        o.insert(key, v);
}

// "Type/id" from the forms a health system writes: relative, absolute, with _history.
bool splitReference(const QString& reference, QString* type, QString* id)
{
    QString ref = reference;
    const qsizetype hist = ref.indexOf(u"/_history/"_s);
    if (hist >= 0)
        ref.truncate(hist);
    const qsizetype q = ref.indexOf(u'?');
    if (q >= 0)
        return false; // a search URL, not a resource
    const QStringList parts = ref.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return false;
    const QString& t = parts.at(parts.size() - 2);
    if (t.isEmpty() || !t.at(0).isUpper())
        return false;
    *type = t;
    *id = parts.last();
    return true;
}

enum class RefResult { Keep, Drop };

// Rewrites every Reference inside `value` (recursively). A Reference that cannot be resolved keeps
// only its display/identifier; one left with nothing is dropped from its parent.
QJsonValue rewrite(const QJsonValue& value, const QString& connectionId, const ReferenceIndex& refs, bool* drop);

QJsonObject rewriteObject(QJsonObject o, const QString& connectionId, const ReferenceIndex& refs, bool* drop)
{
    *drop = false;
    const QJsonValue refValue = o.value("reference"_L1);
    if (refValue.isString()) {
        const QString reference = refValue.toString();
        if (reference.startsWith(u'#')) {
            // A contained resource: resolves inside its own resource.
        } else {
            const QString resolved = refs.resolve(connectionId, reference);
            if (!resolved.isEmpty()) {
                o.insert("reference"_L1, resolved);
            } else {
                o.remove("reference"_L1);
                o.remove("type"_L1);
                if (!o.contains("display"_L1) && !o.contains("identifier"_L1)) {
                    *drop = true;
                    return {};
                }
            }
        }
    }
    for (auto it = o.begin(); it != o.end();) {
        if (it.key() == "reference"_L1 || it.key() == "contained"_L1) {
            ++it;
            continue;
        }
        const QJsonValue v = it.value();
        if (v.isObject() || v.isArray()) {
            bool childDrop = false;
            const QJsonValue nv = rewrite(v, connectionId, refs, &childDrop);
            if (childDrop) {
                it = o.erase(it);
                continue;
            }
            it.value() = nv;
        }
        ++it;
    }
    return o;
}

QJsonValue rewrite(const QJsonValue& value, const QString& connectionId, const ReferenceIndex& refs, bool* drop)
{
    *drop = false;
    if (value.isObject())
        return rewriteObject(value.toObject(), connectionId, refs, drop);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray()) {
            bool childDrop = false;
            const QJsonValue nv = rewrite(v, connectionId, refs, &childDrop);
            if (!childDrop)
                out.append(nv);
        }
        if (out.isEmpty()) {
            *drop = true; // FHIR JSON has no empty arrays
            return {};
        }
        return out;
    }
    return value;
}

QJsonObject patientRef(const ReferenceIndex& refs)
{
    return QJsonObject{{"reference"_L1, u"urn:uuid:"_s + refs.patient()}};
}

QJsonObject codingObject(const QString& system, const QString& code, const QString& display = {})
{
    QJsonObject c;
    put(c, "system"_L1, system);
    put(c, "code"_L1, code);
    put(c, "display"_L1, display);
    return c;
}

QJsonObject statusConcept(const QString& system, const QString& code)
{
    return QJsonObject{{"coding"_L1, QJsonArray{codingObject(system, code)}}};
}

QJsonObject quantity(double value, const QString& unit, bool ucum)
{
    QJsonObject q;
    q.insert("value"_L1, value);
    if (!unit.isEmpty()) {
        q.insert("unit"_L1, unit);
        if (ucum) {
            q.insert("system"_L1, u"http://unitsofmeasure.org"_s);
            q.insert("code"_L1, unit);
        }
    }
    return q;
}

// value[x], interpretation and referenceRange of an Observation (or component) from a clean Measurement.
void putMeasurement(QJsonObject& target, const QJsonObject& m, bool withRange)
{
    const QJsonValue v = m.value("value"_L1);
    const QString unit = str(m, "unit"_L1);
    const bool ucum = m.value("ucum"_L1).toBool();
    if (v.isDouble()) {
        QJsonObject q = quantity(v.toDouble(), unit, ucum);
        put(q, "comparator"_L1, str(m, "comparator"_L1));
        target.insert("valueQuantity"_L1, q);
    } else if (!obj(m, "coded"_L1).isEmpty()) {
        const QJsonObject coded = obj(m, "coded"_L1);
        QJsonObject cc{{"coding"_L1, QJsonArray{codingObject(str(coded, "system"_L1), str(coded, "code"_L1),
                                                             str(coded, "display"_L1))}}};
        put(cc, "text"_L1, str(m, "text"_L1));
        target.insert("valueCodeableConcept"_L1, cc);
    } else if (!str(m, "text"_L1).isEmpty()) {
        target.insert("valueString"_L1, str(m, "text"_L1));
    }
    const QString abnormal = str(m, "abnormal"_L1);
    if (!abnormal.isEmpty())
        target.insert("interpretation"_L1,
                      QJsonArray{statusConcept(u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s,
                                               abnormal)});
    if (withRange) {
        QJsonObject range;
        if (m.value("range_low"_L1).isDouble())
            range.insert("low"_L1, quantity(m.value("range_low"_L1).toDouble(), unit, ucum));
        if (m.value("range_high"_L1).isDouble())
            range.insert("high"_L1, quantity(m.value("range_high"_L1).toDouble(), unit, ucum));
        put(range, "text"_L1, str(m, "range_text"_L1));
        if (!range.isEmpty())
            target.insert("referenceRange"_L1, QJsonArray{range});
    }
}

} // namespace

void ReferenceIndex::add(const QString& connectionId, const QString& resourceType, const QString& resourceId,
                         const QString& exportId)
{
    if (resourceType.isEmpty() || resourceId.isEmpty() || exportId.isEmpty())
        return;
    m_map.insert(connectionId + u'\x1f' + resourceType + u'/' + resourceId, exportId);
    m_ids.insert(exportId, true);
}

QString ReferenceIndex::resolve(const QString& connectionId, const QString& reference) const
{
    if (reference.startsWith(u"urn:uuid:"_s)) {
        const QString id = reference.mid(9);
        return m_ids.contains(id) || id == m_patient ? reference : QString();
    }
    QString type;
    QString id;
    if (!splitReference(reference, &type, &id))
        return {};
    if (type == u"Patient")
        return m_patient.isEmpty() ? QString() : u"urn:uuid:"_s + m_patient;
    const auto it = m_map.constFind(connectionId + u'\x1f' + type + u'/' + id);
    return it == m_map.cend() ? QString() : u"urn:uuid:"_s + it.value();
}

QString FhirResourceExporter::exportId(const QString& recordId)
{
    const QUuid uuid = QUuid::fromString(recordId);
    if (!uuid.isNull())
        return uuid.toString(QUuid::WithoutBraces);
    return QUuid::createUuidV5(kIdNamespace, recordId).toString(QUuid::WithoutBraces);
}

QJsonObject FhirResourceExporter::codeableConcept(const QJsonObject& clean)
{
    QJsonObject cc;
    QJsonArray codings;
    QSet<QString> seen;
    for (const QJsonValue& v : arr(clean, "codings"_L1)) {
        const QJsonObject c = v.toObject();
        const QString key = str(c, "system"_L1) + u'|' + str(c, "code"_L1);
        if (str(c, "code"_L1).isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        codings.append(codingObject(str(c, "system"_L1), str(c, "code"_L1), str(c, "display"_L1)));
    }
    if (codings.isEmpty() && !str(clean, "canonical_code"_L1).isEmpty())
        codings.append(codingObject(str(clean, "canonical_system"_L1), str(clean, "canonical_code"_L1),
                                    str(clean, "display"_L1)));
    if (!codings.isEmpty())
        cc.insert("coding"_L1, codings);
    put(cc, "text"_L1, str(clean, "display"_L1));
    if (cc.isEmpty())
        cc.insert("text"_L1, u"Unknown"_s);
    return cc;
}

QJsonObject FhirResourceExporter::fromClean(const QString& type, const QJsonObject& clean)
{
    QJsonObject r;
    r.insert("resourceType"_L1, type);
    const QString status = str(clean, "status"_L1);
    const QString at = str(clean, "effective_at"_L1);
    const QString end = str(clean, "effective_end"_L1);
    const QJsonObject details = obj(clean, "details"_L1);
    const QJsonObject patient{{"reference"_L1, u"Patient/self"_s}}; // rewritten to the bundle's patient

    if (type == u"Condition") {
        static const QSet<QString> clinical = {u"active"_s,   u"recurrence"_s, u"relapse"_s,
                                               u"inactive"_s, u"remission"_s,  u"resolved"_s};
        if (clinical.contains(status))
            r.insert("clinicalStatus"_L1,
                     statusConcept(u"http://terminology.hl7.org/CodeSystem/condition-clinical"_s, status));
        const QString verification = str(clean, "verification_status"_L1);
        if (!verification.isEmpty())
            r.insert("verificationStatus"_L1,
                     statusConcept(u"http://terminology.hl7.org/CodeSystem/condition-ver-status"_s, verification));
        r.insert("code"_L1, codeableConcept(clean));
        r.insert("subject"_L1, patient);
        put(r, "onsetDateTime"_L1, at);
        put(r, "abatementDateTime"_L1, end);
        put(r, "recordedDate"_L1, str(clean, "recorded_at"_L1));
    } else if (type == u"AllergyIntolerance") {
        static const QSet<QString> clinical = {u"active"_s, u"inactive"_s, u"resolved"_s};
        if (clinical.contains(status))
            r.insert("clinicalStatus"_L1,
                     statusConcept(u"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"_s, status));
        const QString verification = str(clean, "verification_status"_L1);
        if (!verification.isEmpty())
            r.insert("verificationStatus"_L1,
                     statusConcept(u"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"_s,
                                   verification));
        static const QSet<QString> criticality = {u"low"_s, u"high"_s, u"unable-to-assess"_s};
        if (criticality.contains(str(details, "criticality"_L1)))
            r.insert("criticality"_L1, str(details, "criticality"_L1));
        r.insert("code"_L1, codeableConcept(clean));
        r.insert("patient"_L1, patient);
        put(r, "onsetDateTime"_L1, at);
        QJsonArray reactions;
        for (const QJsonValue& v : arr(details, "reactions"_L1)) {
            QJsonArray manifestations;
            if (v.isString()) {
                manifestations.append(QJsonObject{{"text"_L1, v.toString()}});
            } else {
                for (const QJsonValue& m : arr(v.toObject(), "manifestations"_L1))
                    if (m.isString() && !m.toString().isEmpty())
                        manifestations.append(QJsonObject{{"text"_L1, m.toString()}});
            }
            if (manifestations.isEmpty())
                continue;
            QJsonObject reaction{{"manifestation"_L1, manifestations}};
            static const QSet<QString> severities = {u"mild"_s, u"moderate"_s, u"severe"_s};
            if (v.isObject() && severities.contains(str(v.toObject(), "severity"_L1)))
                reaction.insert("severity"_L1, str(v.toObject(), "severity"_L1));
            reactions.append(reaction);
        }
        if (!reactions.isEmpty())
            r.insert("reaction"_L1, reactions);
    } else if (type == u"MedicationRequest" || type == u"MedicationStatement") {
        static const QSet<QString> requestStatus = {u"active"_s,  u"on-hold"_s,          u"cancelled"_s,
                                                    u"completed"_s, u"entered-in-error"_s, u"stopped"_s,
                                                    u"draft"_s,   u"unknown"_s};
        static const QSet<QString> statementStatus = {u"active"_s,   u"completed"_s, u"entered-in-error"_s,
                                                      u"intended"_s, u"stopped"_s,   u"on-hold"_s,
                                                      u"unknown"_s,  u"not-taken"_s};
        const bool request = type == u"MedicationRequest";
        const QSet<QString>& allowed = request ? requestStatus : statementStatus;
        r.insert("status"_L1, allowed.contains(status) ? status : u"unknown"_s);
        if (request)
            r.insert("intent"_L1, u"order"_s);
        r.insert("medicationCodeableConcept"_L1, codeableConcept(clean));
        r.insert("subject"_L1, patient);
        const QString dosage = str(details, "dosage"_L1);
        if (request) {
            put(r, "authoredOn"_L1, at);
            if (!dosage.isEmpty())
                r.insert("dosageInstruction"_L1, QJsonArray{QJsonObject{{"text"_L1, dosage}}});
        } else {
            put(r, "effectiveDateTime"_L1, at);
            if (!dosage.isEmpty())
                r.insert("dosage"_L1, QJsonArray{QJsonObject{{"text"_L1, dosage}}});
        }
    } else if (type == u"Immunization") {
        static const QSet<QString> allowed = {u"completed"_s, u"entered-in-error"_s, u"not-done"_s};
        r.insert("status"_L1, allowed.contains(status) ? status : u"completed"_s);
        r.insert("vaccineCode"_L1, codeableConcept(clean));
        r.insert("patient"_L1, patient);
        if (at.isEmpty())
            r.insert("occurrenceString"_L1, u"unknown"_s);
        else
            r.insert("occurrenceDateTime"_L1, at);
    } else if (type == u"Observation") {
        static const QSet<QString> allowed = {u"registered"_s, u"preliminary"_s, u"final"_s,
                                              u"amended"_s,    u"corrected"_s,   u"cancelled"_s,
                                              u"entered-in-error"_s, u"unknown"_s};
        r.insert("status"_L1, allowed.contains(status) ? status : u"final"_s);
        QJsonArray categories;
        for (const QJsonValue& c : arr(clean, "categories"_L1))
            if (c.isString() && !c.toString().isEmpty())
                categories.append(QJsonObject{
                    {"coding"_L1, QJsonArray{codingObject(
                                      u"http://terminology.hl7.org/CodeSystem/observation-category"_s, c.toString())}}});
        if (!categories.isEmpty())
            r.insert("category"_L1, categories);
        r.insert("code"_L1, codeableConcept(clean));
        r.insert("subject"_L1, patient);
        put(r, "effectiveDateTime"_L1, at);
        putMeasurement(r, obj(clean, "value"_L1), true);
        QJsonArray components;
        for (const QJsonValue& cv : arr(clean, "components"_L1)) {
            const QJsonObject c = cv.toObject();
            QJsonObject comp;
            QJsonObject code{{"coding"_L1, QJsonArray{codingObject(str(c, "system"_L1), str(c, "code"_L1),
                                                                   str(c, "display"_L1))}}};
            put(code, "text"_L1, str(c, "display"_L1));
            comp.insert("code"_L1, code);
            putMeasurement(comp, obj(c, "value"_L1), false);
            components.append(comp);
        }
        if (!components.isEmpty())
            r.insert("component"_L1, components);
    } else if (type == u"Encounter") {
        static const QSet<QString> allowed = {u"planned"_s, u"arrived"_s,   u"triaged"_s,
                                              u"in-progress"_s, u"onleave"_s, u"finished"_s,
                                              u"cancelled"_s, u"entered-in-error"_s, u"unknown"_s};
        r.insert("status"_L1, allowed.contains(status) ? status : u"unknown"_s);
        const QJsonObject cls = obj(details, "class"_L1);
        if (!str(cls, "code"_L1).isEmpty())
            r.insert("class"_L1, codingObject(str(cls, "system"_L1), str(cls, "code"_L1), str(cls, "display"_L1)));
        else
            r.insert("class"_L1, codingObject(u"http://terminology.hl7.org/CodeSystem/v3-ActCode"_s, u"AMB"_s,
                                              u"ambulatory"_s));
        if (!arr(clean, "codings"_L1).isEmpty() || !str(clean, "display"_L1).isEmpty())
            r.insert("type"_L1, QJsonArray{codeableConcept(clean)});
        r.insert("subject"_L1, patient);
        QJsonObject period;
        put(period, "start"_L1, at);
        put(period, "end"_L1, end);
        if (!period.isEmpty())
            r.insert("period"_L1, period);
        QJsonArray reasons;
        for (const QJsonValue& v : arr(details, "reasons"_L1))
            if (v.isString())
                reasons.append(QJsonObject{{"text"_L1, v.toString()}});
        if (!reasons.isEmpty())
            r.insert("reasonCode"_L1, reasons);
        if (!str(details, "service_provider"_L1).isEmpty())
            r.insert("serviceProvider"_L1, QJsonObject{{"display"_L1, str(details, "service_provider"_L1)}});
    } else if (type == u"Procedure") {
        static const QSet<QString> allowed = {u"preparation"_s, u"in-progress"_s, u"not-done"_s,
                                              u"on-hold"_s,     u"stopped"_s,     u"completed"_s,
                                              u"entered-in-error"_s, u"unknown"_s};
        r.insert("status"_L1, allowed.contains(status) ? status : u"completed"_s);
        r.insert("code"_L1, codeableConcept(clean));
        r.insert("subject"_L1, patient);
        put(r, "performedDateTime"_L1, at);
    } else if (type == u"DocumentReference") {
        static const QSet<QString> allowed = {u"current"_s, u"superseded"_s, u"entered-in-error"_s};
        r.insert("status"_L1, allowed.contains(status) ? status : u"current"_s);
        r.insert("type"_L1, codeableConcept(clean));
        r.insert("subject"_L1, patient);
        if (str(clean, "recorded_at"_L1).size() > 10) // an instant needs a time
            r.insert("date"_L1, str(clean, "recorded_at"_L1));
        put(r, "description"_L1, str(details, "description"_L1));
        QJsonObject attachment;
        const QJsonArray types = arr(details, "content_types"_L1);
        put(attachment, "contentType"_L1, types.isEmpty() ? QString() : types.first().toString());
        attachment.insert("title"_L1, str(clean, "display"_L1).isEmpty() ? u"Document"_s : str(clean, "display"_L1));
        r.insert("content"_L1, QJsonArray{QJsonObject{{"attachment"_L1, attachment}}});
    } else if (type == u"Practitioner") {
        if (str(clean, "display"_L1).isEmpty())
            return {};
        r.insert("name"_L1, QJsonArray{QJsonObject{{"text"_L1, str(clean, "display"_L1)}}});
    } else if (type == u"Organization" || type == u"Location") {
        if (str(clean, "display"_L1).isEmpty())
            return {};
        r.insert("name"_L1, str(clean, "display"_L1));
    } else {
        return {}; // no faithful shape without the source
    }
    return r;
}

QJsonObject FhirResourceExporter::resource(const ExportRecord& record, const ReferenceIndex& refs)
{
    QJsonObject r;
    const bool haveRaw = !record.raw.isEmpty()
                         && record.raw.value("resourceType"_L1).toString() == record.resourceType;
    r = haveRaw ? record.raw : fromClean(record.resourceType, record.clean);
    if (r.isEmpty())
        return {};
    r.insert("id"_L1, exportId(record.id));
    r.remove("meta"_L1);

    // A medication the bundle does not hold becomes a concept (medication[x] is required).
    const QJsonValue medRef = r.value("medicationReference"_L1);
    if (medRef.isObject()) {
        const QString ref = str(medRef.toObject(), "reference"_L1);
        const bool contained = ref.startsWith(u'#');
        if (!contained && refs.resolve(record.connectionId, ref).isEmpty()) {
            QJsonObject cc = codeableConcept(record.clean);
            if (cc.value("text"_L1).toString() == u"Unknown" && !str(medRef.toObject(), "display"_L1).isEmpty())
                cc.insert("text"_L1, str(medRef.toObject(), "display"_L1));
            r.remove("medicationReference"_L1);
            r.insert("medicationCodeableConcept"_L1, cc);
        }
    }
    bool drop = false;
    r = rewriteObject(r, record.connectionId, refs, &drop);
    // Contained resources keep their own (#) references; their outward ones are rewritten too.
    if (r.value("contained"_L1).isArray()) {
        QJsonArray contained;
        for (const QJsonValue& v : r.value("contained"_L1).toArray()) {
            bool d = false;
            const QJsonObject c = rewriteObject(v.toObject(), record.connectionId, refs, &d);
            if (!d)
                contained.append(c);
        }
        if (contained.isEmpty())
            r.remove("contained"_L1);
        else
            r.insert("contained"_L1, contained);
    }
    // Required links to the patient survive even when the source wrote them oddly.
    static const QSet<QString> patientField = {u"AllergyIntolerance"_s, u"Immunization"_s};
    static const QSet<QString> subjectRequired = {u"Condition"_s, u"MedicationRequest"_s, u"MedicationStatement"_s,
                                                  u"Procedure"_s};
    if (patientField.contains(record.resourceType) && !r.contains("patient"_L1))
        r.insert("patient"_L1, patientRef(refs));
    if (subjectRequired.contains(record.resourceType) && !r.contains("subject"_L1))
        r.insert("subject"_L1, patientRef(refs));
    return r;
}

QJsonObject FhirResourceExporter::patient(const Profile& profile, const ExportRecord* stored, const ReferenceIndex& refs)
{
    QJsonObject r;
    if (stored && stored->raw.value("resourceType"_L1).toString() == u"Patient") {
        r = stored->raw;
        r.remove("meta"_L1);
        r.remove("link"_L1); // links to other Patient records of the health system
        bool drop = false;
        r = rewriteObject(r, stored->connectionId, refs, &drop);
    } else {
        r.insert("resourceType"_L1, u"Patient"_s);
        const QString name = profile.legalName.trimmed().isEmpty() ? profile.displayName : profile.legalName;
        QJsonObject humanName{{"text"_L1, name}};
        const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 2) {
            humanName.insert("family"_L1, words.last());
            QJsonArray given;
            for (qsizetype i = 0; i + 1 < words.size(); ++i)
                given.append(words.at(i));
            humanName.insert("given"_L1, given);
        }
        r.insert("name"_L1, QJsonArray{humanName});
        if (stored) {
            const QJsonObject details = obj(stored->clean, "details"_L1);
            static const QSet<QString> genders = {u"male"_s, u"female"_s, u"other"_s, u"unknown"_s};
            if (genders.contains(str(details, "gender"_L1)))
                r.insert("gender"_L1, str(details, "gender"_L1));
            put(r, "birthDate"_L1, str(details, "birth_date"_L1).left(10));
        }
    }
    r.insert("id"_L1, refs.patient());
    if (profile.dateOfBirth.isValid() && !r.contains("birthDate"_L1))
        r.insert("birthDate"_L1, profile.dateOfBirth.toString(Qt::ISODate));
    return r;
}

QJsonObject FhirResourceExporter::authorDevice(const QString& exportId)
{
#ifdef HH_VERSION
    const QString version = QString::fromUtf8(HH_VERSION);
#else
    const QString version = u"dev"_s;
#endif
    return QJsonObject{
        {"resourceType"_L1, u"Device"_s},
        {"id"_L1, exportId},
        {"deviceName"_L1, QJsonArray{QJsonObject{{"name"_L1, u"Health Hub"_s}, {"type"_L1, u"user-friendly-name"_s}}}},
        {"version"_L1, QJsonArray{QJsonObject{{"value"_L1, version}}}},
    };
}

} // namespace hh::records
