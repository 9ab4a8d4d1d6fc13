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

QByteArray CleanRecord::storedJsonBytes() const
{
    QByteArray out;
    out.reserve(768);
    JsonWriter w(out);
    w.beginObject();
    if (groupKey.isEmpty() && dedupKey.contains(u'|')) {
        w.key("group_key"_L1); // stated empty: withColumns() would otherwise take it from dedup_key
        w.value(QString());
    } else if (groupKey.contains(u'|') || !dedupKey.startsWith(groupKey + u'|')) {
        w.field("group_key"_L1, groupKey);
    }
    w.field("clinical_status"_L1, clinicalStatus);
    w.field("verification_status"_L1, verificationStatus);
    w.items("codings"_L1, codings);
    w.field("categories"_L1, categories);
    w.field("effective_end"_L1, effectiveEnd);
    w.field("recorded_at"_L1, recordedAt);
    w.field("local_date"_L1, localDate);
    w.key("value"_L1);
    value.write(w);
    writeParts(w, *this);
    w.flag("has_conflict"_L1, hasConflict);
    w.field("conflicts"_L1, conflicts);
    const bool primaryIsFirst = !sources.isEmpty() && !sources.first().rawId.isEmpty() && provenance.size() == 1
        && provenance.value("primary"_L1) == QJsonValue(sources.first().rawId);
    if (!primaryIsFirst && !sources.isEmpty() && provenance.isEmpty()) {
        w.key("provenance"_L1); // stated empty: withColumns() would otherwise name the first source
        w.value(QJsonValue(QJsonObject()));
    } else if (!primaryIsFirst) {
        w.field("provenance"_L1, provenance);
    }
    w.endObject();
    return out;
}

CleanRecord::Columns CleanRecord::columns() const
{
    return Columns{resourceType, dedupKey, status, canonicalSystem, canonicalCode, display, effectiveAt,
                   sourcesJsonBytes()};
}

QJsonObject CleanRecord::withColumns(QJsonObject stored, const Columns& columns)
{
    if (stored.contains("sources"_L1))
        return stored;
    auto put = [&stored](QLatin1StringView key, const QString& value) {
        if (!value.isEmpty())
            stored.insert(key, value);
    };
    put("resource_type"_L1, columns.resourceType);
    put("dedup_key"_L1, columns.dedupKey);
    if (!stored.contains("group_key"_L1))
        put("group_key"_L1, columns.dedupKey.contains(u'|') ? columns.dedupKey.section(u'|', 0, 0) : QString());
    else if (stored.value("group_key"_L1).toString().isEmpty())
        stored.remove("group_key"_L1);
    put("status"_L1, columns.status);
    put("canonical_system"_L1, columns.canonicalSystem);
    put("canonical_code"_L1, columns.canonicalCode);
    put("display"_L1, columns.display);
    put("effective_at"_L1, columns.effectiveAt);
    const QJsonArray sources = QJsonDocument::fromJson(columns.sources).array();
    stored.insert("sources"_L1, sources);
    const auto provenance = stored.constFind("provenance"_L1);
    if (provenance == stored.constEnd()) {
        const QString primary = sources.isEmpty() ? QString() : sources.first().toObject().value("raw_id"_L1).toString();
        if (!primary.isEmpty())
            stored.insert("provenance"_L1, QJsonObject{{"primary"_L1, primary}});
    } else if (provenance->toObject().isEmpty()) {
        stored.remove("provenance"_L1);
    }
    return stored;
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
