#include "core/clinical/CleanRecord.h"

#include "core/clinical/RecordJson.h"

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
    w.items(sources);
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
    writeCodeAndTime(w, *this);
    w.key("value"_L1);
    value.write(w);
    writeParts(w, *this);
    w.flag("has_conflict"_L1, hasConflict);
    w.field("conflicts"_L1, conflicts);
    w.key("sources"_L1);
    w.items(sources);
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
    readShared(r, o);
    r.groupKey = str(o, "group_key"_L1);
    r.dedupKey = str(o, "dedup_key"_L1);
    r.hasConflict = boolean(o, "has_conflict"_L1);
    r.conflicts = arr(o, "conflicts"_L1);
    r.sources = list<SourceRef>(o, "sources"_L1);
    r.provenance = obj(o, "provenance"_L1);
    return r;
}

} // namespace hh::clinical
