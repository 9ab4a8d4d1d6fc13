#include "core/clinical/CleanRecord.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/JsonWriter.h"

#include <QJsonDocument>

namespace hh::clinical {

using namespace Qt::StringLiterals;
using namespace json;

QString CleanRecord::valueText() const
{
    if (!value.text.isEmpty())
        return value.text;
    return value.coded.display;
}

bool CleanRecord::isAbnormal() const
{
    const QString& a = value.abnormal;
    return !a.isEmpty() && a != u"N" && a != u"NEG" && a != u"ND" && a != u"S";
}

QJsonArray CleanRecord::sourcesJson() const
{
    return QJsonDocument::fromJson(sourcesJsonBytes()).array();
}

QByteArray CleanRecord::sourcesJsonBytes() const
{
    QByteArray out;
    out.reserve(96 * sources.size() + 2);
    JsonWriter w(out);
    w.beginArray();
    for (const SourceRef& s : sources)
        s.write(w);
    w.endArray();
    return out;
}

QByteArray CleanRecord::toJsonBytes() const
{
    QByteArray out;
    out.reserve(1536);
    JsonWriter w(out);
    w.beginObject();
    w.field("resource_type"_L1, resourceType);
    w.field("group_key"_L1, groupKey);
    w.field("dedup_key"_L1, dedupKey);
    w.field("status"_L1, status);
    w.field("clinical_status"_L1, clinicalStatus);
    w.field("verification_status"_L1, verificationStatus);
    w.field("canonical_system"_L1, canonicalSystem);
    w.field("canonical_code"_L1, canonicalCode);
    w.field("display"_L1, display);
    if (!codings.isEmpty()) {
        w.key("codings"_L1);
        w.beginArray();
        for (const Coding& c : codings)
            c.write(w);
        w.endArray();
    }
    w.field("categories"_L1, categories);
    w.field("effective_at"_L1, effectiveAt);
    w.field("effective_end"_L1, effectiveEnd);
    w.field("recorded_at"_L1, recordedAt);
    w.field("local_date"_L1, localDate);
    w.key("value"_L1);
    value.write(w);
    if (!components.isEmpty()) {
        w.key("components"_L1);
        w.beginArray();
        for (const Component& c : components)
            c.write(w);
        w.endArray();
    }
    if (!medication.isEmpty()) {
        w.key("medication"_L1);
        medication.write(w);
    }
    w.field("details"_L1, details);
    w.flag("has_conflict"_L1, hasConflict);
    w.field("conflicts"_L1, conflicts);
    w.key("sources"_L1);
    w.beginArray();
    for (const SourceRef& s : sources)
        s.write(w);
    w.endArray();
    w.field("provenance"_L1, provenance);
    w.endObject();
    return out;
}

QJsonObject CleanRecord::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
}

CleanRecord CleanRecord::fromJson(const QJsonObject& o)
{
    CleanRecord r;
    r.resourceType = str(o, "resource_type"_L1);
    r.groupKey = str(o, "group_key"_L1);
    r.dedupKey = str(o, "dedup_key"_L1);
    r.status = str(o, "status"_L1);
    r.clinicalStatus = str(o, "clinical_status"_L1);
    r.verificationStatus = str(o, "verification_status"_L1);
    r.canonicalSystem = str(o, "canonical_system"_L1);
    r.canonicalCode = str(o, "canonical_code"_L1);
    r.display = str(o, "display"_L1);
    for (const QJsonValue& c : arr(o, "codings"_L1))
        r.codings.append(Coding::fromJson(c.toObject()));
    r.categories = strings(o, "categories"_L1);
    r.effectiveAt = str(o, "effective_at"_L1);
    r.effectiveEnd = str(o, "effective_end"_L1);
    r.recordedAt = str(o, "recorded_at"_L1);
    r.localDate = str(o, "local_date"_L1);
    if (!r.effectiveAt.isEmpty()) {
        const ClinicalTime t = ClinicalTimeParser::parse(r.effectiveAt);
        if (t.valid) {
            r.precision = t.precision;
            r.effectiveMs = t.utcMs;
            r.effectiveDay = t.localDay;
            const ClinicalTime d = ClinicalTimeParser::parse(r.localDate);
            if (d.valid)
                r.effectiveDay = d.localDay;
        }
    }
    r.value = Measurement::fromJson(obj(o, "value"_L1));
    for (const QJsonValue& c : arr(o, "components"_L1))
        r.components.append(Component::fromJson(c.toObject()));
    r.medication = MedicationInfo::fromJson(obj(o, "medication"_L1));
    r.details = obj(o, "details"_L1);
    r.hasConflict = boolean(o, "has_conflict"_L1);
    r.conflicts = arr(o, "conflicts"_L1);
    for (const QJsonValue& s : arr(o, "sources"_L1))
        r.sources.append(SourceRef::fromJson(s.toObject()));
    r.provenance = obj(o, "provenance"_L1);
    return r;
}

} // namespace hh::clinical
