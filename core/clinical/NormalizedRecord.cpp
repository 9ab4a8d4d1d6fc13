#include "core/clinical/NormalizedRecord.h"

#include "core/clinical/RecordJson.h"

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
    writeCodeAndTime(w, *this);
    w.field("precision"_L1, precisionName(precision));
    if (value.hasValue() || value.originalValue || !value.unit.isEmpty() || value.rangeLow || value.rangeHigh
        || !value.rangeText.isEmpty() || !value.abnormal.isEmpty()) {
        w.key("value"_L1);
        value.write(w);
    }
    writeParts(w, *this);
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
    readShared(r, o);
    r.resourceId = str(o, "resource_id"_L1);
    r.hidden = boolean(o, "hidden"_L1);
    r.warnings = strings(o, "warnings"_L1);
    r.error = str(o, "error"_L1);
    return r;
}

} // namespace hh::clinical
