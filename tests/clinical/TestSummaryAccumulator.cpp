// SummaryAccumulator: the streaming summary gives the document of the whole-list algorithm
// (TestSummaryReference.cpp) for the hand-written samples, the Synthea corpus and generated records;
// it does not depend on the order of add() calls or on how the records were split for merge(); and
// what it holds does not grow with the number of records.
#include "clinical/SampleRecords.h"
#include "clinical/TestSummaryReference.h"
#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryAccumulator.h"
#include "core/clinical/SummaryBuilder.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <random>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

const QString kCorpus = QStringLiteral(HH_CORPUS_DIR);
constexpr quint32 kSeed = 20261127;

qint64 msOf(const char* iso)
{
    return ClinicalTimeParser::parse(QString::fromLatin1(iso)).utcMs;
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// QCOMPARE on two documents, showing the first differing line.
bool sameDocument(const QJsonObject& actual, const QJsonObject& expected, QString* where)
{
    if (actual == expected)
        return true;
    const QList<QByteArray> a = bytes(actual).split('\n');
    const QList<QByteArray> e = bytes(expected).split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray la = a.value(i);
        const QByteArray le = e.value(i);
        if (la != le) {
            *where = u"line %1: got %2, expected %3"_s.arg(i + 1).arg(QString::fromUtf8(la.trimmed()),
                                                                      QString::fromUtf8(le.trimmed()));
            return false;
        }
    }
    *where = u"documents differ"_s;
    return false;
}

#define COMPARE_DOCS(actual, expected)                                                                            \
    do {                                                                                                          \
        QString where_;                                                                                           \
        QVERIFY2(sameDocument((actual), (expected), &where_), qPrintable(where_));                                \
    } while (false)

QJsonObject streamed(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                     const SummaryOptions& options)
{
    SummaryAccumulator acc(options);
    for (const CleanRecord& c : records)
        acc.add(c);
    return acc.finish(connections);
}

QList<CleanRecord> shuffled(QList<CleanRecord> records, quint32 seed)
{
    std::mt19937 rng(seed);
    std::shuffle(records.begin(), records.end(), rng);
    return records;
}

// Records split round-robin over `parts` accumulators, merged into the first.
QJsonObject merged(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                   const SummaryOptions& options, int parts)
{
    QList<SummaryAccumulator> accs;
    for (int i = 0; i < parts; ++i)
        accs.append(SummaryAccumulator(options));
    for (qsizetype i = 0; i < records.size(); ++i)
        accs[i % parts].add(records[i]);
    for (int i = 1; i < parts; ++i)
        accs[0].merge(accs[i]);
    return accs[0].finish(connections);
}

// --- The hand-written samples (as in TestSummaryBuilder) ---------------------------------------

QList<CleanRecord> sampleClean()
{
    return samples::merged();
}

QList<ConnectionInfo> sampleConnections()
{
    return {ConnectionInfo{u"conn-epic"_s,
                           u"epic"_s,
                           u"demo-epic"_s,
                           u"Demo Epic"_s,
                           u"connected"_s,
                           u"2024-03-14T10:00:00.000Z"_s,
                           {}},
            ConnectionInfo{u"conn-athena"_s, u"athena"_s, u"demo-athena"_s, u"Demo athena"_s, u"error"_s,
                           u"2024-03-01T10:00:00.000Z"_s, u"Timed out"_s}};
}

// --- The Synthea corpus ------------------------------------------------------------------------

struct Patient {
    QString name;
    QList<CleanRecord> clean;
};

void unpack(const QJsonObject& o, QList<QJsonObject>& out, QHash<QString, QJsonObject>& byRef,
            const QString& fullUrl = {})
{
    const QString type = o.value("resourceType"_L1).toString();
    if (type == u"Bundle") {
        for (const QJsonValue& e : o.value("entry"_L1).toArray()) {
            const QJsonObject entry = e.toObject();
            const QJsonObject r = entry.value("resource"_L1).toObject();
            if (!r.isEmpty())
                unpack(r, out, byRef, entry.value("fullUrl"_L1).toString());
        }
        return;
    }
    if (type.isEmpty())
        return;
    out.append(o);
    if (!fullUrl.isEmpty())
        byRef.insert(fullUrl, o);
    byRef.insert(type + u'/' + o.value("id"_L1).toString(), o);
}

QList<NormalizedRecord> normalizeFile(const QString& path, const QString& provider, const QString& endpoint)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> resources;
    QHash<QString, QJsonObject> byRef;
    unpack(QJsonDocument::fromJson(f.readAll()).object(), resources, byRef);
    NormalizeContext ctx;
    ctx.provider = provider;
    ctx.endpointId = endpoint;
    ctx.connectionId = u"conn-"_s + endpoint;
    ctx.resolve = [&byRef](const QString& ref) -> std::optional<QJsonObject> {
        const auto it = byRef.constFind(ref);
        return it == byRef.cend() ? std::nullopt : std::optional<QJsonObject>(*it);
    };
    QList<NormalizedRecord> out;
    qsizetype i = 0;
    for (const QJsonObject& o : resources) {
        ctx.rawId = endpoint + u'#' + QString::number(i++);
        out.append(normalize(o, ctx));
    }
    return out;
}

// Every Synthea patient, normalized and de-duplicated; the two HAPI IPS documents merged with the
// bundle of the same person (two sources per record), as TestClinicalCorpus does.
QList<Patient> loadSynthea()
{
    QStringList files;
    QDirIterator it(kCorpus + u"/synthea"_s, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    QList<Patient> out;
    for (const QString& path : files) {
        const QString rel = QDir(kCorpus).relativeFilePath(path);
        if (rel.contains(u"/ips/"_s))
            continue;
        QList<NormalizedRecord> records = normalizeFile(path, u"synthea"_s, u"bundle"_s);
        const QString ips = QFileInfo(path).dir().filePath(
            u"ips/"_s + QFileInfo(path).fileName().replace(u"-bundle.json"_s, u"-ips.json"_s));
        if (QFileInfo::exists(ips))
            records.append(normalizeFile(ips, u"hapi"_s, u"ips"_s));
        out.append(Patient{rel, deduplicate(records)});
    }
    return out;
}

// --- Generated records -------------------------------------------------------------------------

enum class Ties { None, Many };

QString filler(QRandomGenerator& rng, int n)
{
    static const char16_t alphabet[] = u"abcdefghijklmnopqrstuvwxyz     ";
    QString s(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        s[i] = QChar(alphabet[rng.bounded(int(std::size(alphabet)) - 1)]);
    return s;
}

// Record i of a made-up elderly patient with twenty years of history: mostly labs and vitals, some
// conditions, medications, encounters, immunizations, allergies, and types the summary only counts.
// Deterministic in (seed, i), so the same record can be made again instead of being kept. With
// Ties::Many, times fall on whole days and dedup keys repeat, so sorting needs the tie-breaks.
CleanRecord syntheticRecord(quint32 seed, int i, Ties ties = Ties::None, int labTests = 60)
{
    QRandomGenerator rng(seed ^ (quint32(i) * 2654435761u));
    const qint64 start = msOf("2005-01-01T00:00:00Z");
    const qint64 span = qint64(20) * 365 * 86'400'000;
    CleanRecord c;
    c.effectiveMs = start + qint64(rng.bounded(double(span)));
    if (ties == Ties::Many)
        c.effectiveMs -= c.effectiveMs % (qint64(30) * 86'400'000);
    c.effectiveDay = qint32(c.effectiveMs / 86'400'000);
    c.effectiveAt = ClinicalTimeParser::msToIso(c.effectiveMs);
    c.localDate = c.effectiveAt.left(10);
    c.precision = TimePrecision::Time;
    c.recordedAt = c.effectiveAt;
    const int provider = rng.bounded(3);
    const auto source = [&](int p) {
        SourceRef s;
        s.provider = p == 0 ? u"epic"_s : p == 1 ? u"athena"_s : u"other"_s;
        s.endpoint = u"endpoint-"_s + QString::number(p);
        s.connectionId = u"conn-"_s + QString::number(p);
        s.rawId = u"raw-%1-%2"_s.arg(i).arg(p);
        s.resourceId = u"res-%1"_s.arg(rng.generate64(), 0, 16);
        return s;
    };
    c.sources.append(source(provider));
    if (rng.bounded(4) == 0)
        c.sources.append(source((provider + 1) % 3));
    for (int k = 0; k < 3; ++k)
        c.codings.append(Coding{u"urn:oid:1.2.840.114350.1.13.%1"_s.arg(k), QString::number(rng.bounded(100000)),
                                filler(rng, 24), false, k > 0});
    c.provenance.insert("primary"_L1, c.sources.first().rawId);
    c.details.insert("note"_L1, filler(rng, 160));
    c.details.insert("performer"_L1, filler(rng, 20));

    const int kind = i < 2 ? -1 : rng.bounded(100);
    QString code;
    if (kind < 0) {
        c.resourceType = u"Patient"_s;
        code = u"patient"_s;
        c.effectiveMs = 0;
        c.effectiveAt.clear();
        c.details.insert("birth_date"_L1, u"1941-06-0%1"_s.arg(i + 1));
        c.details.insert("gender"_L1, u"female"_s);
        c.details.insert("identifiers"_L1, QJsonArray{u"id-%1"_s.arg(i)});
        c.display = u"Patient %1"_s.arg(i);
    } else if (kind < 72) {
        c.resourceType = u"Observation"_s;
        const bool vital = kind < 17;
        const int test = vital ? rng.bounded(6) : rng.bounded(labTests);
        static const char16_t* vitalCodes[] = {u"29463-7", u"8310-5", u"8867-4", u"9279-1", u"85354-9", u"8302-2"};
        code = vital ? QString::fromUtf16(vitalCodes[test]) : u"lab-%1"_s.arg(test);
        c.canonicalSystem = CodeSystems::loinc();
        c.categories = {vital ? u"vital-signs"_s : u"laboratory"_s};
        c.display = vital ? u"Vital %1"_s.arg(code) : u"Lab test %1"_s.arg(test);
        if (code == u"85354-9") {
            const double sys = 100 + rng.bounded(60);
            const double dia = 60 + rng.bounded(40);
            c.components = {Component{CodeSystems::loinc(), u"8480-6"_s, u"Systolic"_s, {}},
                            Component{CodeSystems::loinc(), u"8462-4"_s, u"Diastolic"_s, {}}};
            c.components[0].value.value = sys;
            c.components[0].value.unit = u"mm[Hg]"_s;
            c.components[1].value.value = dia;
            c.components[1].value.unit = u"mm[Hg]"_s;
            c.value.text = u"%1/%2"_s.arg(sys).arg(dia);
        } else if (test % 11 == 3 && rng.bounded(3) == 0) {
            c.value.text = rng.bounded(2) ? u"positive"_s : u"negative"_s; // no number: history only
        } else {
            c.value.value = std::round(rng.bounded(200.0) * 10) / 10;
            // A few tests arrive in two units (no conversion known): trends compare like with like.
            c.value.unit = (test % 7 == 2 && rng.bounded(2) == 0) ? u"mmol/L"_s : u"mg/dL"_s;
            c.value.originalValue = c.value.value;
            c.value.originalUnit = c.value.unit;
            c.value.ucum = true;
            c.value.rangeLow = 20;
            c.value.rangeHigh = 150;
            c.value.abnormal = *c.value.value > 150 ? u"H"_s : *c.value.value < 20 ? u"L"_s : u"N"_s;
        }
        if (rng.bounded(50) == 0) {
            c.hasConflict = true;
            c.conflicts = QJsonArray{QJsonObject{{"field"_L1, u"value"_s}}};
        }
    } else if (kind < 80) {
        c.resourceType = u"Condition"_s;
        code = QString::number(100000 + rng.bounded(200));
        c.canonicalSystem = CodeSystems::snomed();
        c.display = u"Condition %1"_s.arg(code);
        c.status = rng.bounded(10) < 3 ? u"active"_s : u"resolved"_s;
        c.clinicalStatus = c.status;
        c.categories = {u"problem-list-item"_s};
    } else if (kind < 86) {
        c.resourceType = rng.bounded(4) ? u"MedicationRequest"_s : u"MedicationStatement"_s;
        code = QString::number(200000 + rng.bounded(150));
        c.canonicalSystem = CodeSystems::rxnorm();
        c.display = u"Drug %1"_s.arg(code);
        c.status = rng.bounded(10) < 2 ? u"active"_s : u"completed"_s;
        c.medication.rxnorm = code;
        c.medication.strength = u"%1 mg"_s.arg(5 * (1 + rng.bounded(100)));
        c.medication.ingredients = {u"ingredient %1"_s.arg(code)};
        c.details.insert("dosage"_L1, u"1 tablet daily"_s);
    } else if (kind < 90) {
        c.resourceType = u"Encounter"_s;
        code = u"AMB"_s;
        c.display = u"Visit"_s;
        if (rng.bounded(30) == 0) { // a few upcoming ones (generated after 2025)
            c.effectiveMs += span / 2 + span;
            c.effectiveAt = ClinicalTimeParser::msToIso(c.effectiveMs);
            c.status = u"planned"_s;
        } else {
            c.status = u"finished"_s;
        }
        c.details.insert("class"_L1, QJsonObject{{"code"_L1, u"AMB"_s}});
        c.details.insert("location"_L1, u"Clinic %1"_s.arg(rng.bounded(5)));
    } else if (kind < 93) {
        c.resourceType = u"Immunization"_s;
        static const char16_t* families[] = {u"influenza", u"td", u"zoster", u"pcv", u"covid"};
        const int f = rng.bounded(5);
        code = QString::number(100 + f);
        c.canonicalSystem = CodeSystems::cvx();
        c.display = u"Vaccine %1"_s.arg(code);
        c.status = rng.bounded(20) ? u"completed"_s : u"not-done"_s;
        c.details.insert("vaccine_families"_L1, QJsonArray{QString::fromUtf16(families[f])});
    } else if (kind < 94) {
        c.resourceType = u"AllergyIntolerance"_s;
        code = QString::number(300000 + rng.bounded(20));
        c.canonicalSystem = CodeSystems::snomed();
        c.display = u"Allergy %1"_s.arg(code);
        c.status = rng.bounded(3) ? u"active"_s : u"inactive"_s;
        c.details.insert("criticality"_L1, u"high"_s);
    } else {
        c.resourceType = rng.bounded(2) ? u"Procedure"_s : u"DiagnosticReport"_s;
        code = QString::number(400000 + rng.bounded(500));
        c.canonicalSystem = CodeSystems::snomed();
        c.display = u"Other %1"_s.arg(code);
        c.status = u"final"_s;
    }
    c.canonicalCode = code;
    c.groupKey = c.resourceType + u'|' + c.canonicalSystem + u'|' + code;
    c.dedupKey = c.groupKey + u'|' + QString::number(ties == Ties::Many ? i % 5 : i);
    return c;
}

QList<CleanRecord> syntheticList(int n, Ties ties = Ties::None, int labTests = 60)
{
    QList<CleanRecord> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(syntheticRecord(kSeed, i, ties, labTests));
    return out;
}

// Observations only: `tests` lab tests with `perTest` results each.
QList<CleanRecord> sameLabs(int tests, int perTest)
{
    QList<CleanRecord> out;
    QHash<QString, int> perGroup;
    int i = 2;
    while (out.size() < tests * perTest) {
        CleanRecord c = syntheticRecord(kSeed, i++, Ties::None, tests);
        if (c.resourceType == u"Observation" && c.categories.contains(u"laboratory"_s) &&
            perGroup[c.groupKey]++ < perTest)
            out.append(std::move(c));
    }
    return out;
}

qint64 rssKb(const char* field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Resets VmHWM to the current RSS (Linux ≥ 4.0); false where that is not allowed.
bool resetPeakRss()
{
    QFile f(u"/proc/self/clear_refs"_s);
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace

class TestSummaryAccumulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesLikeReference_data();
    void samplesLikeReference();
    void samplesAnyOrder();
    void buildIsTheAccumulator();
    void corpusLikeReference();
    void syntheticLikeReference_data();
    void syntheticLikeReference();
    void tiesAnyOrderAndMerge();
    void stateDoesNotGrowWithRecords();
    void onlyShownItemsAreKept();
    void emptyAndRepeatedFinish();
    void measure();
};

void TestSummaryAccumulator::samplesLikeReference_data()
{
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<int>("historyLength");
    QTest::addColumn<int>("maxLabs");
    QTest::addColumn<int>("maxEncounters");
    const qint64 now = msOf("2024-03-15T12:00:00Z");
    QTest::newRow("defaults") << now << 5 << 40 << 5;
    QTest::newRow("history 1") << now << 1 << 40 << 5;
    QTest::newRow("no history") << now << 0 << 40 << 5;
    QTest::newRow("one lab, one encounter") << now << 5 << 1 << 1;
    QTest::newRow("no encounters") << now << 5 << 40 << 0;
    QTest::newRow("a year later") << msOf("2025-06-01T00:00:00Z") << 3 << 2 << 2;
    QTest::newRow("in 2000") << msOf("2000-01-01T00:00:00Z") << 5 << 40 << 5;
}

void TestSummaryAccumulator::samplesLikeReference()
{
    QFETCH(qint64, nowMs);
    QFETCH(int, historyLength);
    QFETCH(int, maxLabs);
    QFETCH(int, maxEncounters);
    SummaryOptions o;
    o.nowMs = nowMs;
    o.historyLength = historyLength;
    o.maxLabs = maxLabs;
    o.maxEncounters = maxEncounters;
    const QList<CleanRecord> records = sampleClean();
    const QJsonObject expected = test::referenceSummary(records, sampleConnections(), o);
    QVERIFY(!expected.value("labs"_L1).toArray().isEmpty());
    COMPARE_DOCS(streamed(records, sampleConnections(), o), expected);
    COMPARE_DOCS(SummaryBuilder::build(records, sampleConnections(), o), expected);
    COMPARE_DOCS(merged(records, sampleConnections(), o, 3), expected);
}

void TestSummaryAccumulator::samplesAnyOrder()
{
    SummaryOptions o;
    o.nowMs = msOf("2024-03-15T12:00:00Z");
    const QList<CleanRecord> records = sampleClean();
    const QJsonObject expected = streamed(records, sampleConnections(), o);
    QList<CleanRecord> reversed = records;
    std::reverse(reversed.begin(), reversed.end());
    COMPARE_DOCS(streamed(reversed, sampleConnections(), o), expected);
    for (quint32 seed = 1; seed <= 20; ++seed)
        COMPARE_DOCS(streamed(shuffled(records, kSeed + seed), sampleConnections(), o), expected);
}

void TestSummaryAccumulator::buildIsTheAccumulator()
{
    // With no "now" given, the accumulator fixes it at construction and keeps it.
    SummaryAccumulator acc;
    QVERIFY(acc.options().nowMs > 0);
    const QList<CleanRecord> records = sampleClean();
    for (const CleanRecord& c : records)
        acc.add(c);
    QCOMPARE(acc.recordCount(), qint64(records.size()));
    const QJsonObject doc = acc.finish(sampleConnections());
    QCOMPARE(doc.value("generated_at"_L1).toString(), ClinicalTimeParser::msToIso(acc.options().nowMs));
    SummaryOptions same;
    same.nowMs = acc.options().nowMs;
    COMPARE_DOCS(SummaryBuilder::build(records, sampleConnections(), same), doc);
    COMPARE_DOCS(buildSummary(records, sampleConnections(), same), doc);
}

void TestSummaryAccumulator::corpusLikeReference()
{
    if (!QDir(kCorpus + u"/synthea"_s).exists())
        QSKIP("FHIR corpus not found at HH_CORPUS_DIR (../shared/fhir-corpus): corpus comparison skipped");
    const QList<Patient> patients = loadSynthea();
    QVERIFY(patients.size() >= 30);
    const QList<ConnectionInfo> connections = {
        ConnectionInfo{u"conn-bundle"_s, u"other"_s, u"bundle"_s, u"Synthea"_s, u"connected"_s, {}, {}},
        ConnectionInfo{u"conn-ips"_s, u"other"_s, u"ips"_s, u"IPS"_s, u"needs_reauth"_s, {}, {}}};
    int withTrend = 0;
    int twoSources = 0;
    for (const Patient& p : patients) {
        for (const int historyLength : {5, 2}) {
            SummaryOptions o;
            o.nowMs = msOf("2024-03-01T00:00:00Z");
            o.historyLength = historyLength;
            o.maxEncounters = historyLength;
            o.maxLabs = historyLength == 5 ? 40 : 8;
            const QJsonObject expected = test::referenceSummary(p.clean, connections, o);
            QString where;
            QVERIFY2(sameDocument(streamed(p.clean, connections, o), expected, &where),
                     qPrintable(p.name + u": "_s + where));
            QVERIFY2(sameDocument(streamed(shuffled(p.clean, kSeed), connections, o), expected, &where),
                     qPrintable(p.name + u" (shuffled): "_s + where));
            QVERIFY2(sameDocument(merged(shuffled(p.clean, kSeed + 1), connections, o, 4), expected, &where),
                     qPrintable(p.name + u" (merged): "_s + where));
            for (const QJsonValue& v : expected.value("vitals"_L1).toArray())
                withTrend += v.toObject().contains("trend"_L1);
        }
        twoSources += p.clean.size() > 0 && std::any_of(p.clean.cbegin(), p.clean.cend(),
                                                        [](const CleanRecord& c) { return c.sources.size() > 1; });
    }
    // The comparison covered trends and records seen by both documents of a person.
    QVERIFY(withTrend > 50);
    QVERIFY(twoSources >= 2);
}

void TestSummaryAccumulator::syntheticLikeReference_data()
{
    QTest::addColumn<int>("historyLength");
    QTest::addColumn<int>("maxLabs");
    QTest::newRow("defaults") << 5 << 40;
    QTest::newRow("history 1, 10 labs") << 1 << 10;
    QTest::newRow("history 30, all labs") << 30 << 0;
}

void TestSummaryAccumulator::syntheticLikeReference()
{
    QFETCH(int, historyLength);
    QFETCH(int, maxLabs);
    SummaryOptions o;
    o.nowMs = msOf("2025-01-01T00:00:00Z");
    o.historyLength = historyLength;
    o.maxLabs = maxLabs;
    const QList<CleanRecord> records = syntheticList(6000);
    const QList<ConnectionInfo> connections = {
        ConnectionInfo{u"conn-0"_s, u"epic"_s, u"endpoint-0"_s, u"A"_s, u"connected"_s, {}, {}},
        ConnectionInfo{u"conn-1"_s, u"athena"_s, u"endpoint-1"_s, u"B"_s, u"error"_s, {}, {}}};
    const QJsonObject expected = test::referenceSummary(records, connections, o);
    // Every part of the summary has something in it, trends included.
    for (const char* key :
         {"conditions", "medications", "allergies", "immunizations", "labs", "vitals", "encounters", "alerts"})
        QVERIFY2(!expected.value(QLatin1StringView(key)).toArray().isEmpty(), key);
    int trends = 0;
    for (const QJsonValue& v : expected.value("labs"_L1).toArray())
        trends += v.toObject().contains("trend"_L1);
    QVERIFY(trends > 0 || historyLength == 1);
    COMPARE_DOCS(streamed(records, connections, o), expected);
    COMPARE_DOCS(streamed(shuffled(records, kSeed), connections, o), expected);
    COMPARE_DOCS(merged(records, connections, o, 3), expected);

    // Records of the types the summary only counts may come as type + sources.
    SummaryAccumulator acc(o);
    int countedOnly = 0;
    for (const CleanRecord& c : records) {
        if (SummaryAccumulator::needsRecord(c.resourceType)) {
            acc.add(c);
        } else {
            acc.addCounted(c.resourceType, c.sources);
            ++countedOnly;
        }
    }
    QVERIFY(countedOnly > 100);
    COMPARE_DOCS(acc.finish(connections), expected);
}

void TestSummaryAccumulator::tiesAnyOrderAndMerge()
{
    // Times on whole months and repeated dedup keys: the order rests on the tie-breaks alone.
    SummaryOptions o;
    o.nowMs = msOf("2025-01-01T00:00:00Z");
    o.historyLength = 3;
    o.maxEncounters = 3;
    const QList<CleanRecord> records = syntheticList(4000, Ties::Many, 8);
    const QJsonObject expected = streamed(records, {}, o);
    for (quint32 seed = 1; seed <= 5; ++seed)
        COMPARE_DOCS(streamed(shuffled(records, kSeed + seed), {}, o), expected);
    for (int parts : {2, 7})
        COMPARE_DOCS(merged(shuffled(records, kSeed + 100 + parts), {}, o, parts), expected);
    // merge() with itself counts everything twice, as adding every record twice does.
    SummaryAccumulator twice(o);
    for (const CleanRecord& c : records)
        twice.add(c);
    twice.merge(twice);
    SummaryAccumulator doubled(o);
    for (const CleanRecord& c : records + records)
        doubled.add(c);
    COMPARE_DOCS(twice.finish({}), doubled.finish({}));
    QCOMPARE(twice.recordCount(), 2 * qint64(records.size()));
}

void TestSummaryAccumulator::stateDoesNotGrowWithRecords()
{
    SummaryOptions o;
    o.nowMs = msOf("2025-01-01T00:00:00Z");
    auto retained = [&](const QList<CleanRecord>& records) {
        SummaryAccumulator acc(o);
        for (const CleanRecord& c : records)
            acc.add(c);
        return acc.retainedRecords();
    };
    const QList<CleanRecord> few = sameLabs(20, 40);
    const QList<CleanRecord> many = sameLabs(20, 400);
    const qsizetype small = retained(few);
    const qsizetype large = retained(many);
    // Per test: the history window plus, per unit, the two newest numeric values.
    QVERIFY(small > 0);
    QCOMPARE(large, small);
    QVERIFY2(large <= 20 * (o.historyLength + 2 * 2), qPrintable(QString::number(large)));
    // Still true when the records come newest first or oldest first.
    QList<CleanRecord> sorted = many;
    std::sort(sorted.begin(), sorted.end(),
              [](const CleanRecord& a, const CleanRecord& b) { return a.effectiveMs < b.effectiveMs; });
    QCOMPARE(retained(sorted), large);
    std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(retained(sorted), large);

    // A whole generated profile: what is kept is what the summary shows (every active condition,
    // medication, allergy, immunization; the encounters; the Patient) plus the per-test state.
    SummaryOptions all = o;
    all.maxLabs = 0;
    for (const int n : {5000, 50000}) {
        SummaryAccumulator acc(all);
        for (int i = 0; i < n; ++i)
            acc.add(syntheticRecord(kSeed, i));
        const QJsonObject doc = acc.finish({});
        qsizetype shown = 1;
        for (const char* key : {"conditions", "medications", "allergies", "immunizations", "encounters"})
            shown += doc.value(QLatin1StringView(key)).toArray().size();
        const qsizetype tests = doc.value("labs"_L1).toArray().size() + doc.value("vitals"_L1).toArray().size();
        qInfo("%d records: %lld kept = %lld shown items + %lld for %lld tests", n, qint64(acc.retainedRecords()),
              qint64(shown), qint64(acc.retainedRecords() - shown), qint64(tests));
        QVERIFY(acc.retainedRecords() >= shown);
        QVERIFY(acc.retainedRecords() <= shown + tests * (all.historyLength + 2 * 2));
    }
}

void TestSummaryAccumulator::onlyShownItemsAreKept()
{
    SummaryOptions o;
    o.nowMs = msOf("2025-01-01T00:00:00Z");
    SummaryAccumulator acc(o);
    CleanRecord base = syntheticRecord(kSeed, 7);
    base.resourceType = u"Condition"_s;
    base.value = {};
    base.components.clear();
    for (int i = 0; i < 1000; ++i) {
        CleanRecord c = base;
        c.dedupKey = u"Condition|x|%1"_s.arg(i);
        c.status = i % 100 == 0 ? u"active"_s : u"resolved"_s;
        acc.add(c);
    }
    CleanRecord procedure = base;
    procedure.resourceType = u"Procedure"_s;
    for (int i = 0; i < 1000; ++i)
        acc.add(procedure);
    QCOMPARE(acc.retainedRecords(), qsizetype(10)); // the active conditions; procedures are only counted
    const QJsonObject doc = acc.finish({});
    QCOMPARE(doc.value("conditions"_L1).toArray().size(), 10);
    QCOMPARE(doc.value("counts"_L1).toObject().value("Condition"_L1).toInt(), 1000);
    QCOMPARE(doc.value("counts"_L1).toObject().value("Procedure"_L1).toInt(), 1000);
    QCOMPARE(doc.value("conditions"_L1).toArray().first().toObject().value("display"_L1).toString(), base.display);
    QVERIFY(SummaryAccumulator::needsRecord(u"Observation"_s));
    QVERIFY(SummaryAccumulator::needsRecord(u"MedicationStatement"_s));
    QVERIFY(!SummaryAccumulator::needsRecord(u"Procedure"_s));
    QVERIFY(!SummaryAccumulator::needsRecord(u"ExplanationOfBenefit"_s));
}

void TestSummaryAccumulator::emptyAndRepeatedFinish()
{
    SummaryOptions o;
    o.nowMs = msOf("2024-03-15T12:00:00Z");
    SummaryAccumulator acc(o);
    QCOMPARE(acc.retainedRecords(), qsizetype(0));
    COMPARE_DOCS(acc.finish({}), SummaryBuilder::build({}, {}, o));
    const QList<CleanRecord> records = sampleClean();
    const qsizetype half = records.size() / 2;
    for (qsizetype i = 0; i < half; ++i)
        acc.add(records[i]);
    COMPARE_DOCS(acc.finish(sampleConnections()),
                 SummaryBuilder::build(records.mid(0, half), sampleConnections(), o));
    for (qsizetype i = half; i < records.size(); ++i)
        acc.add(records[i]);
    COMPARE_DOCS(acc.finish(sampleConnections()), test::referenceSummary(records, sampleConnections(), o));
    // Copies are independent.
    SummaryAccumulator copy = acc;
    copy.add(records.first());
    QCOMPARE(copy.recordCount(), acc.recordCount() + 1);
    COMPARE_DOCS(acc.finish(sampleConnections()), test::referenceSummary(records, sampleConnections(), o));
}

void TestSummaryAccumulator::measure()
{
    // Figures, not assertions on time or memory (STYLE.md §7). HH_SUMMARY_BENCH=N runs N generated
    // records (e.g. 100000); HH_SUMMARY_BENCH_MODE=list|stream runs one side only, for a clean peak.
    const int n = qEnvironmentVariableIntValue("HH_SUMMARY_BENCH");
    if (n <= 0)
        QSKIP("set HH_SUMMARY_BENCH=100000 to measure build() against the accumulator");
    const QString mode = qEnvironmentVariable("HH_SUMMARY_BENCH_MODE");
    SummaryOptions o;
    o.nowMs = msOf("2025-01-01T00:00:00Z");
    QJsonObject streamDoc;
    QJsonObject listDoc;
    QElapsedTimer timer;
    if (mode != u"list") {
        const bool reset = resetPeakRss();
        const qint64 before = rssKb("VmRSS:");
        timer.start();
        SummaryAccumulator acc(o);
        qint64 addNs = 0;
        QElapsedTimer add;
        for (int i = 0; i < n; ++i) {
            const CleanRecord c = syntheticRecord(kSeed, i);
            add.start();
            acc.add(c);
            addNs += add.nsecsElapsed();
        }
        const qint64 beforeFinish = rssKb("VmHWM:") - before;
        add.start();
        streamDoc = acc.finish({});
        const qint64 finishMs = add.elapsed();
        const qint64 ms = timer.elapsed();
        qInfo("accumulator: %d records, generate+add+finish %lld ms (add %lld ms, finish %lld ms), "
              "peak RSS +%lld MB (+%lld MB before finish)%s, %lld kept",
              n, ms, addNs / 1'000'000, finishMs, (rssKb("VmHWM:") - before) / 1024, beforeFinish / 1024,
              reset ? "" : " (peak not reset)", qint64(acc.retainedRecords()));
    }
    if (mode != u"stream") {
        const bool reset = resetPeakRss();
        const qint64 before = rssKb("VmRSS:");
        timer.start();
        QList<CleanRecord> all;
        for (int i = 0; i < n; ++i)
            all.append(syntheticRecord(kSeed, i));
        const qint64 generated = timer.elapsed();
        listDoc = SummaryBuilder::build(all, {}, o);
        const qint64 ms = timer.elapsed();
        const QJsonObject old = test::referenceSummary(all, {}, o);
        const qint64 oldMs = timer.elapsed() - ms;
        qInfo("list + build(): %d records, generate %lld ms + build %lld ms (whole-list algorithm %lld ms), "
              "peak RSS +%lld MB%s",
              n, generated, ms - generated, oldMs, (rssKb("VmHWM:") - before) / 1024,
              reset ? "" : " (peak not reset)");
        COMPARE_DOCS(listDoc, old);
    }
    if (!streamDoc.isEmpty() && !listDoc.isEmpty())
        COMPARE_DOCS(streamDoc, listDoc);
}

QTEST_GUILESS_MAIN(TestSummaryAccumulator)
#include "TestSummaryAccumulator.moc"
