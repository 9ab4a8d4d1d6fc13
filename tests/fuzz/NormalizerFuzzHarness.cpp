#include "fuzz/NormalizerFuzzHarness.h"

#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryBuilder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace hh::clinical::fuzz {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxResources = 256;

void collect(const QJsonValue& v, QList<QJsonObject>& out, QHash<QString, QJsonObject>& byRef)
{
    if (out.size() >= kMaxResources)
        return;
    if (v.isArray()) {
        for (const QJsonValue& e : v.toArray())
            collect(e, out, byRef);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.value("resourceType"_L1).toString() == u"Bundle") {
        for (const QJsonValue& e : o.value("entry"_L1).toArray()) {
            const QJsonObject entry = e.toObject();
            const QJsonObject r = entry.value("resource"_L1).toObject();
            if (r.isEmpty())
                continue;
            const QString fullUrl = entry.value("fullUrl"_L1).toString();
            if (!fullUrl.isEmpty())
                byRef.insert(fullUrl, r);
            byRef.insert(r.value("resourceType"_L1).toString() + u'/' + r.value("id"_L1).toString(), r);
            if (out.size() < kMaxResources)
                out.append(r);
        }
        return;
    }
    byRef.insert(o.value("resourceType"_L1).toString() + u'/' + o.value("id"_L1).toString(), o);
    out.append(o);
}

} // namespace

QString runNormalizerPipeline(const uint8_t* data, size_t size)
{
    if (size > 1'000'000)
        return {};
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (doc.isNull())
        return {};
    QList<QJsonObject> resources;
    QHash<QString, QJsonObject> byRef;
    collect(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), resources, byRef);

    QList<NormalizedRecord> records;
    for (int copy = 0; copy < 2; ++copy) {
        NormalizeContext ctx;
        ctx.provider = copy == 0 ? u"epic"_s : u"athena"_s;
        ctx.endpointId = u"fuzz-"_s + ctx.provider;
        ctx.connectionId = u"conn-"_s + ctx.provider;
        ctx.resolve = [&byRef](const QString& ref) -> std::optional<QJsonObject> {
            const auto it = byRef.constFind(ref);
            if (it == byRef.cend())
                return std::nullopt;
            return *it;
        };
        qsizetype i = 0;
        for (const QJsonObject& r : resources) {
            ctx.rawId = QString::number(copy) + u'-' + QString::number(i++);
            NormalizedRecord n = normalize(r, ctx);
            const QByteArray json = n.toJsonBytes();
            QJsonParseError perr;
            const QJsonDocument parsed = QJsonDocument::fromJson(json, &perr);
            if (perr.error != QJsonParseError::NoError || !parsed.isObject())
                return u"normalized_json does not parse"_s;
            const NormalizedRecord back = NormalizedRecord::fromJson(parsed.object());
            if (back.toJsonBytes() != json)
                return u"NormalizedRecord JSON round trip differs"_s;
            if (Deduplicator::groupKey(back) != Deduplicator::groupKey(n))
                return u"group key changes after JSON round trip"_s;
            records.append(std::move(n));
        }
    }

    const QList<CleanRecord> clean = deduplicate(records);
    QSet<QString> keys;
    for (const CleanRecord& c : clean) {
        if (c.sources.isEmpty())
            return u"clean record without sources"_s;
        if (!c.dedupKey.startsWith(Deduplicator::dedupKeyPrefix(c.groupKey)))
            return u"dedup key outside its group range"_s;
        const QString k = c.resourceType + u'\n' + c.dedupKey;
        if (keys.contains(k))
            return u"duplicate dedup key"_s;
        keys.insert(k);
        const QByteArray json = c.toJsonBytes();
        const QJsonDocument parsed = QJsonDocument::fromJson(json);
        if (!parsed.isObject())
            return u"clean_json does not parse"_s;
        if (CleanRecord::fromJson(parsed.object()).toJsonBytes() != json)
            return u"CleanRecord JSON round trip differs"_s;
        if (!QJsonDocument::fromJson(c.sourcesJsonBytes()).isArray())
            return u"sources JSON does not parse"_s;
        // The stored clean_json and the row's columns give the whole document back (db/CleanDocument.h).
        if (CleanRecord::withColumns(QJsonDocument::fromJson(c.storedJsonBytes()).object(), c.columns())
            != parsed.object())
            return u"stored clean_json with its columns differs from the whole document"_s;
    }

    SummaryOptions options;
    options.nowMs = 1'700'000'000'000;
    const QJsonObject summary = buildSummary(clean, {ConnectionInfo{u"conn-epic"_s, u"epic"_s, u"fuzz-epic"_s,
                                                                    u"Fuzz"_s, u"needs_reauth"_s, {}, {}}},
                                             options);
    for (const char* key : {"conditions", "medications", "allergies", "immunizations", "labs", "vitals",
                            "encounters", "alerts"})
        if (!summary.value(QLatin1StringView(key)).isArray())
            return u"summary key missing"_s;
    return {};
}

} // namespace hh::clinical::fuzz
