// The clinical pipeline on the real-world corpus (../shared/fhir-corpus): every resource normalizes,
// coverage per type, the two IPS documents against their Synthea bundles, and measured throughput.
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryBuilder.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QtTest>

#include <map>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

const QString kCorpus = QStringLiteral(HH_CORPUS_DIR);

struct Source {
    QString name;                      // relative path of the file or recording directory
    QList<QJsonObject> resources;      // every resource of the file(s), bundles unpacked
    QHash<QString, QJsonObject> byRef; // fullUrl and Type/id -> resource, for references
};

void unpack(const QJsonObject& o, Source& s, const QString& fullUrl = {})
{
    const QString type = o.value("resourceType"_L1).toString();
    if (type.isEmpty())
        return; // SMART configuration and other non-FHIR documents
    if (type == u"Bundle") {
        for (const QJsonValue& e : o.value("entry"_L1).toArray()) {
            const QJsonObject entry = e.toObject();
            const QJsonObject r = entry.value("resource"_L1).toObject();
            if (!r.isEmpty())
                unpack(r, s, entry.value("fullUrl"_L1).toString());
        }
        return;
    }
    s.resources.append(o);
    if (!fullUrl.isEmpty())
        s.byRef.insert(fullUrl, o);
    s.byRef.insert(type + u'/' + o.value("id"_L1).toString(), o);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// One Source per recording directory (epic/<x>, athena/<x>), else one per file.
QList<Source> loadCorpus()
{
    QList<Source> out;
    QMap<QString, Source> recordings;
    QDirIterator it(kCorpus, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString& path : files) {
        const QString rel = QDir(kCorpus).relativeFilePath(path);
        if (rel.endsWith(u"/index.json"_s) || rel == u"MANIFEST.json")
            continue;
        const QJsonObject o = readJson(path);
        if (rel.startsWith(u"epic/"_s) || rel.startsWith(u"athena/"_s)) {
            const QString dir = rel.section(u'/', 0, 1);
            Source& s = recordings[dir];
            s.name = dir;
            unpack(o, s);
        } else {
            Source s;
            s.name = rel;
            unpack(o, s);
            if (!s.resources.isEmpty())
                out.append(std::move(s));
        }
    }
    for (auto r = recordings.begin(); r != recordings.end(); ++r) {
        // Recorded syncs repeat resources across pages and searches: keep one per Type/id.
        QSet<QString> seen;
        QList<QJsonObject> unique;
        for (const QJsonObject& o : r->resources) {
            const QString key = o.value("resourceType"_L1).toString() + u'/' + o.value("id"_L1).toString();
            if (o.value("id"_L1).toString().isEmpty() || !seen.contains(key)) {
                seen.insert(key);
                unique.append(o);
            }
        }
        r->resources = unique;
        out.append(*r);
    }
    return out;
}

QList<NormalizedRecord> normalizeSource(const Source& s, const QString& provider, const QString& endpoint)
{
    NormalizeContext ctx;
    ctx.provider = provider;
    ctx.endpointId = endpoint;
    ctx.connectionId = u"conn-"_s + endpoint;
    const QHash<QString, QJsonObject>* refs = &s.byRef;
    ctx.resolve = [refs](const QString& ref) -> std::optional<QJsonObject> {
        const auto it = refs->constFind(ref);
        return it == refs->cend() ? std::nullopt : std::optional<QJsonObject>(*it);
    };
    QList<NormalizedRecord> out;
    out.reserve(s.resources.size());
    qsizetype i = 0;
    for (const QJsonObject& o : s.resources) {
        ctx.rawId = endpoint + u'#' + QString::number(i++);
        out.append(normalize(o, ctx));
    }
    return out;
}

struct TypeStats {
    int total = 0;
    int errors = 0;
    int preferredCode = 0;
    int anyCode = 0;
    int withQuantity = 0;
    int ucum = 0;
    int converted = 0;
    int withDate = 0;
};

} // namespace

class TestClinicalCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyResourceNormalizes();
    void ipsAgainstBundle_data();
    void ipsAgainstBundle();
    void summaryOfLargestPatients();
    void throughput();

private:
    QList<Source> m_sources;
};

void TestClinicalCorpus::initTestCase()
{
    if (!QDir(kCorpus).exists())
        QSKIP("FHIR corpus not found at HH_CORPUS_DIR (../shared/fhir-corpus): corpus tests skipped");
    m_sources = loadCorpus();
    QVERIFY(m_sources.size() > 50);
}

void TestClinicalCorpus::everyResourceNormalizes()
{
    std::map<QString, TypeStats> stats;
    QStringList failures;
    int resources = 0;
    for (const Source& s : m_sources) {
        const QString provider = s.name.startsWith(u"epic/"_s) ? u"epic"_s
                                 : s.name.startsWith(u"athena/"_s) ? u"athena"_s : u"other"_s;
        const QList<NormalizedRecord> records = normalizeSource(s, provider, s.name);
        for (const NormalizedRecord& r : records) {
            ++resources;
            TypeStats& t = stats[r.resourceType];
            ++t.total;
            if (!r.ok()) {
                ++t.errors;
                if (Normalizer::isSupported(r.resourceType) && failures.size() < 20)
                    failures.append(s.name + u": "_s + r.resourceType + u'/' + r.resourceId + u": "_s + r.error);
                continue;
            }
            if (!r.canonicalCode.isEmpty())
                ++t.anyCode;
            if (CodeSystems::isPreferred(r.resourceType, r.canonicalSystem) && !r.canonicalCode.isEmpty())
                ++t.preferredCode;
            const bool quantity = r.value.originalValue.has_value() && !r.value.originalUnit.isEmpty();
            if (quantity) {
                ++t.withQuantity;
                t.ucum += r.value.ucum;
                t.converted += r.value.converted;
            }
            t.withDate += r.hasEffective();
            // Round trip through the stored JSON.
            const QByteArray bytes = r.toJsonBytes();
            const NormalizedRecord back = NormalizedRecord::fromJson(QJsonDocument::fromJson(bytes).object());
            if (back.toJsonBytes() != bytes && failures.size() < 20)
                failures.append(s.name + u": JSON round trip differs for "_s + r.resourceType);
        }
    }
    qInfo("corpus: %d resources normalized", resources);
    qInfo("%-26s %6s %6s %9s %9s %8s %8s %8s", "type", "total", "errors", "preferred", "any-code", "quantity",
          "ucum", "converted");
    for (const auto& [type, t] : stats) {
        auto pct = [](int n, int d) { return d ? 100.0 * n / d : 0.0; };
        qInfo("%-26s %6d %6d %8.1f%% %8.1f%% %8d %7.1f%% %7.1f%%", qPrintable(type), t.total, t.errors,
              pct(t.preferredCode, t.total - t.errors), pct(t.anyCode, t.total - t.errors), t.withQuantity,
              pct(t.ucum, t.withQuantity), pct(t.converted, t.withQuantity));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    // Only unsupported types carry an error.
    for (const auto& [type, t] : stats)
        if (Normalizer::isSupported(type))
            QVERIFY2(t.errors == 0, qPrintable(type));
    // Canonical code coverage floors (preferred system of FHIR-SMART-NOTES §6).
    for (const char* type : {"Condition", "Observation", "Immunization"}) {
        const TypeStats& t = stats[QString::fromLatin1(type)];
        QVERIFY(t.total > 100);
        const double share = double(t.preferredCode) / t.total;
        QVERIFY2(share >= 0.95, qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(type)).arg(share)));
    }
    const TypeStats& meds = stats[u"MedicationRequest"_s];
    QVERIFY2(double(meds.preferredCode) / meds.total >= 0.95, "MedicationRequest RxNorm coverage");
    // Units: every Observation quantity in a known UCUM unit except a small remainder.
    const TypeStats& obs = stats[u"Observation"_s];
    QVERIFY(double(obs.ucum) / obs.withQuantity >= 0.95);
    QVERIFY(obs.converted > 0);
}

void TestClinicalCorpus::ipsAgainstBundle_data()
{
    QTest::addColumn<QString>("bundle");
    QTest::addColumn<QString>("ips");
    QTest::newRow("908462") << u"synthea/healthwallet-2024/908462-bundle.json"_s
                            << u"synthea/healthwallet-2024/ips/908462-ips.json"_s;
    QTest::newRow("1293406") << u"synthea/healthwallet-2024/1293406-bundle.json"_s
                             << u"synthea/healthwallet-2024/ips/1293406-ips.json"_s;
}

void TestClinicalCorpus::ipsAgainstBundle()
{
    QFETCH(QString, bundle);
    QFETCH(QString, ips);
    const Source* a = nullptr;
    const Source* b = nullptr;
    for (const Source& s : m_sources) {
        if (s.name == bundle)
            a = &s;
        if (s.name == ips)
            b = &s;
    }
    QVERIFY(a && b);
    QList<NormalizedRecord> records = normalizeSource(*a, u"synthea"_s, u"bundle"_s);
    const QList<NormalizedRecord> ipsRecords = normalizeSource(*b, u"hapi"_s, u"ips"_s);
    records.append(ipsRecords);
    const QList<CleanRecord> clean = deduplicate(records);

    QHash<QString, const CleanRecord*> byRaw;
    for (const CleanRecord& c : clean)
        for (const SourceRef& s : c.sources)
            byRaw.insert(s.rawId, &c);
    std::map<QString, std::pair<int, int>> merged; // type -> (ips records, merged with the bundle)
    for (const NormalizedRecord& r : ipsRecords) {
        if (Deduplicator::groupKey(r).isEmpty())
            continue; // errors, entered-in-error, IPS "no information" statements
        const CleanRecord* c = byRaw.value(r.rawId);
        QVERIFY2(c, qPrintable(r.resourceType));
        bool withBundle = false;
        for (const SourceRef& s : c->sources)
            withBundle = withBundle || s.provider == u"synthea";
        auto& m = merged[r.resourceType];
        ++m.first;
        m.second += withBundle;
    }
    for (const auto& [type, m] : merged)
        qInfo("%s %-20s %4d IPS records, %4d merged with the bundle", QTest::currentDataTag(),
              qPrintable(type), m.first, m.second);
    // Same people, same facts: every IPS Condition, Immunization, Patient and AllergyIntolerance
    // must find its bundle twin; IPS observations, procedures and medications are subsets of the
    // bundle's too.
    for (const char* type : {"Condition", "Immunization", "Patient", "AllergyIntolerance", "Procedure",
                             "MedicationRequest", "Observation", "DiagnosticReport"}) {
        const auto it = merged.find(QString::fromLatin1(type));
        if (it == merged.end())
            continue;
        const QString what = u"%1: %2 of %3 merged"_s.arg(QString::fromLatin1(type)).arg(it->second.second).arg(it->second.first);
        QVERIFY2(it->second.second == it->second.first, qPrintable(what));
    }
    // And nothing conflicts: the two documents agree on every value.
    for (const CleanRecord& c : clean)
        QVERIFY2(!c.hasConflict, qPrintable(c.dedupKey));
}

void TestClinicalCorpus::summaryOfLargestPatients()
{
    for (const QString& name : {u"synthea/healthwallet-2024/1550795-bundle.json"_s,
                                u"synthea/healthwallet-2024/908462-bundle.json"_s}) {
        const auto it = std::find_if(m_sources.cbegin(), m_sources.cend(), [&](const Source& s) { return s.name == name; });
        QVERIFY(it != m_sources.cend());
        const QList<CleanRecord> clean = deduplicate(normalizeSource(*it, u"synthea"_s, u"bundle"_s));
        SummaryOptions o;
        o.nowMs = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const QJsonObject s = buildSummary(clean, {}, o);
        // STATS.md: both are 80+ with 9 active conditions and 7 active medication orders.
        QVERIFY(s.value("conditions"_L1).toArray().size() >= 5);
        QVERIFY(s.value("medications"_L1).toArray().size() >= 3);
        QVERIFY(!s.value("vitals"_L1).toArray().isEmpty());
        QVERIFY(!s.value("labs"_L1).toArray().isEmpty());
        QVERIFY(!s.value("immunizations"_L1).toArray().isEmpty());
        QVERIFY(s.value("demographics"_L1).toObject().value("age"_L1).toInt() >= 79);
        int trends = 0;
        for (const QJsonValue& v : s.value("vitals"_L1).toArray())
            trends += v.toObject().contains("trend"_L1);
        QVERIFY(trends > 0);
    }
}

void TestClinicalCorpus::throughput()
{
    // Measured, never asserted (STYLE.md §7): normalize (+ JSON for storage) -> dedup -> summary
    // on the two largest Synthea patients; with HH_CLINICAL_SCALE=N, on N copies of every Synthea
    // bundle (shifted in time so they stay distinct facts).
    const int scale = qEnvironmentVariableIntValue("HH_CLINICAL_SCALE");
    QList<const Source*> chosen;
    for (const Source& s : m_sources) {
        if (scale > 0 ? s.name.startsWith(u"synthea/"_s)
                      : (s.name.endsWith(u"1229841-bundle.json"_s) || s.name.endsWith(u"1005125-bundle.json"_s)))
            chosen.append(&s);
    }
    QVERIFY(!chosen.isEmpty());
    const int copies = std::max(1, scale);
    QElapsedTimer timer;
    timer.start();
    QList<NormalizedRecord> records;
    for (int copy = 0; copy < copies; ++copy) {
        for (const Source* s : chosen) {
            QList<NormalizedRecord> rs = normalizeSource(*s, u"synthea"_s, s->name + u'#' + QString::number(copy));
            if (copy > 0) {
                for (NormalizedRecord& r : rs) {
                    if (r.hasEffective()) { // distinct facts: move each copy 60 years on
                        r.effectiveMs += qint64(copy) * 60 * 365 * 86'400'000LL;
                        r.effectiveDay += copy * 60 * 365;
                    }
                }
            }
            records.append(rs);
        }
    }
    const qint64 normalizeMs = timer.restart();
    qint64 jsonBytes = 0;
    for (const NormalizedRecord& r : records)
        jsonBytes += r.toJsonBytes().size();
    const qint64 normalizedJsonMs = timer.restart();
    const QList<CleanRecord> clean = deduplicate(records);
    const qint64 dedupMs = timer.restart();
    qint64 cleanBytes = 0;
    for (const CleanRecord& c : clean)
        cleanBytes += c.toJsonBytes().size() + c.sourcesJsonBytes().size();
    const qint64 cleanJsonMs = timer.restart();
    const QJsonObject summary = buildSummary(clean, {}, {});
    const qint64 summaryMs = timer.elapsed();
    const qint64 total = std::max<qint64>(1, normalizeMs + normalizedJsonMs + dedupMs + cleanJsonMs + summaryMs);
    qInfo("throughput: %lld records -> %lld clean; normalize %lld ms, normalized_json %lld ms (%.1f MB), "
          "dedup %lld ms, clean_json %lld ms (%.1f MB), summary %lld ms => %.0f records/s end to end",
          qint64(records.size()), qint64(clean.size()), normalizeMs, normalizedJsonMs, jsonBytes / 1e6, dedupMs,
          cleanJsonMs, cleanBytes / 1e6, summaryMs, 1000.0 * records.size() / total);
    QVERIFY(!summary.isEmpty());
}

QTEST_GUILESS_MAIN(TestClinicalCorpus)
#include "TestClinicalCorpus.moc"
