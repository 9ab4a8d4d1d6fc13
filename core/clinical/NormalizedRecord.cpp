#include "core/clinical/NormalizedRecord.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/JsonWriter.h"

#include <QJsonDocument>

namespace hh::clinical {

using namespace Qt::StringLiterals;
using namespace json;

namespace {

QString precisionName(TimePrecision p)
{
    switch (p) {
    case TimePrecision::Year: return u"year"_s;
    case TimePrecision::Month: return u"month"_s;
    case TimePrecision::Day: return u"day"_s;
    case TimePrecision::Time: return u"time"_s;
    case TimePrecision::None: break;
    }
    return {};
}

} // namespace

QString NormalizedRecord::valueText() const
{
    if (!value.text.isEmpty())
        return value.text;
    if (!value.coded.display.isEmpty())
        return value.coded.display;
    return {};
}

SourceRef NormalizedRecord::source() const
{
    return SourceRef{provider, endpointId, connectionId, rawId, resourceId};
}

QByteArray NormalizedRecord::toJsonBytes() const
{
    QByteArray out;
    out.reserve(1024);
    JsonWriter w(out);
    w.beginObject();
    w.key("normalizer_version"_L1);
    w.value(normalizerVersion);
    w.field("raw_id"_L1, rawId);
    w.field("provider"_L1, provider);
    w.field("endpoint"_L1, endpointId);
    w.field("connection_id"_L1, connectionId);
    w.field("resource_type"_L1, resourceType);
    w.field("resource_id"_L1, resourceId);
    w.field("status"_L1, status);
    w.field("clinical_status"_L1, clinicalStatus);
    w.field("verification_status"_L1, verificationStatus);
    w.flag("hidden"_L1, hidden);
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
    w.field("precision"_L1, precisionName(precision));
    if (value.hasValue() || value.originalValue || !value.unit.isEmpty() || value.rangeLow || value.rangeHigh
        || !value.rangeText.isEmpty() || !value.abnormal.isEmpty()) {
        w.key("value"_L1);
        value.write(w);
    }
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
    w.field("warnings"_L1, warnings);
    w.field("error"_L1, error);
    w.endObject();
    return out;
}

QJsonObject NormalizedRecord::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
}

NormalizedRecord NormalizedRecord::fromJson(const QJsonObject& o)
{
    NormalizedRecord r;
    r.normalizerVersion = o.value("normalizer_version"_L1).toInt(0);
    r.rawId = str(o, "raw_id"_L1);
    r.provider = str(o, "provider"_L1);
    r.endpointId = str(o, "endpoint"_L1);
    r.connectionId = str(o, "connection_id"_L1);
    r.resourceType = str(o, "resource_type"_L1);
    r.resourceId = str(o, "resource_id"_L1);
    r.status = str(o, "status"_L1);
    r.clinicalStatus = str(o, "clinical_status"_L1);
    r.verificationStatus = str(o, "verification_status"_L1);
    r.hidden = boolean(o, "hidden"_L1);
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
            if (!r.localDate.isEmpty()) {
                const ClinicalTime d = ClinicalTimeParser::parse(r.localDate);
                if (d.valid)
                    r.effectiveDay = d.localDay;
            }
        }
    }
    r.value = Measurement::fromJson(obj(o, "value"_L1));
    for (const QJsonValue& c : arr(o, "components"_L1))
        r.components.append(Component::fromJson(c.toObject()));
    r.medication = MedicationInfo::fromJson(obj(o, "medication"_L1));
    r.details = obj(o, "details"_L1);
    r.warnings = strings(o, "warnings"_L1);
    r.error = str(o, "error"_L1);
    return r;
}

} // namespace hh::clinical
