// Pure parts of the sync engine: Retry-After and backoff, page parsing (real Epic and athena answers from
// the corpus), references, query plans per vendor (CapabilityStatements from the corpus), checkpoints.

#include "core/sync/FhirClient.h"
#include "core/sync/FhirPage.h"
#include "core/sync/JsonText.h"
#include "core/sync/QueryPlan.h"
#include "core/sync/ReferenceScanner.h"
#include "core/sync/RetryPolicy.h"
#include "core/sync/SyncTypes.h"
#include "core/sync/SyncWorker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include "core/sync/SyncWorker.h"

#include <QTest>
#include <QTimeZone>

using namespace hh;
using namespace hh::sync;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {
const QString kDesiree = QStringLiteral("epic/fasten-sandbox-2025-12-20_desiree-powell_eAB3mDIBBcyUKviyzrxsnAw3");
const QString kAthena = QStringLiteral("athena/fasten-preview-2024-11-23_a-80000.E-14545");

QByteArray corpusFile(const QString& relative)
{
    QFile f(QDir(QStringLiteral(HH_CORPUS_DIR)).filePath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject corpusJson(const QString& relative)
{
    return QJsonDocument::fromJson(corpusFile(relative)).object();
}

QStringList keysOf(const QueryPlan& plan)
{
    QStringList out;
    for (const PlannedType& t : plan.types())
        for (const PlannedQuery& q : t.queries)
            out << q.key;
    return out;
}

const PlannedQuery* findQuery(const QueryPlan& plan, const QString& key)
{
    for (const PlannedType& t : plan.types())
        for (const PlannedQuery& q : t.queries)
            if (q.key == key)
                return &q;
    return nullptr;
}
} // namespace

class TestSyncUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1: unreadable
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5000);
        QTest::newRow("imf-fixdate") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30000);
        QTest::newRow("rfc850") << QByteArray("Wednesday, 21-Oct-15 07:29:00 GMT") << qint64(60000);
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:10 2015") << qint64(10000);
        QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
        const auto parsed = RetryPolicy::parseRetryAfter(header, now);
        if (expectedMs < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->count(), expectedMs);
        }
    }

    void backoffIsBoundedWithJitter()
    {
        RetryPolicy p;
        p.initialBackoff = 1000ms;
        p.maxBackoff = 60000ms;
        for (int retry = 0; retry < 12; ++retry) {
            const qint64 cap = std::min<qint64>(60000, 1000LL << retry);
            for (int i = 0; i < 20; ++i) {
                const qint64 d = p.delay(retry).count();
                QVERIFY2(d >= cap / 2 && d <= cap, qPrintable(QString::number(d)));
            }
        }
        // Retry-After wins over the backoff, scaled like every wait.
        QCOMPARE(p.delay(0, 7000ms).count(), 7000);
        p.timeScale = 0.001;
        QCOMPARE(p.delay(0, 7000ms).count(), 7);
        QVERIFY(p.delay(3).count() <= 8);
    }

    void looksLikeJson_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("json");
        QTest::newRow("fhir+json") << QByteArray("application/fhir+json") << QByteArray("{}") << true;
        QTest::newRow("epic json+fhir") << QByteArray("application/json+fhir") << QByteArray("{}") << true;
        QTest::newRow("html 404") << QByteArray("text/html") << QByteArray("<html>{}</html>") << false;
        QTest::newRow("empty 403") << QByteArray("application/json") << QByteArray() << false;
        QTest::newRow("untyped object") << QByteArray() << QByteArray("  {\"a\":1}") << true;
        QTest::newRow("untyped html") << QByteArray() << QByteArray("<!DOCTYPE html>") << false;
    }

    void looksLikeJson()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(bool, json);
        FhirResponse r;
        r.mediaType = type;
        r.body = body;
        QCOMPARE(r.looksLikeJson(), json);
    }

    void epicSearchPage()
    {
        const QByteArray body = corpusFile(kDesiree + QStringLiteral("/034_Observation_category-vital-signs.json"));
        if (body.isEmpty())
            QSKIP("The FHIR corpus (HH_CORPUS_DIR) is not present.");
        Result<FhirPage> page = FhirPage::fromSearchBody(body);
        QVERIFY(page.ok());
        QVERIFY(!page->resources.isEmpty());
        for (const RawResource& r : page->resources) {
            QCOMPARE(r.resourceType, QStringLiteral("Observation"));
            QVERIFY(!r.resourceId.isEmpty());
            QCOMPARE(r.hash, QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex());
            QVERIFY(!r.json.contains('\n'));
            // The stored text is the resource the normalizer was given.
            QCOMPARE(QJsonDocument::fromJson(r.json).object(), r.object);
        }
        // Epic's OperationOutcome entry is a warning, never a record.
        QVERIFY(!page->warnings.isEmpty());
        QVERIFY(page->nextUrl.contains(QStringLiteral("sessionID=")));
        // Parsing is deterministic: the same resource always hashes the same.
        Result<FhirPage> again = FhirPage::fromSearchBody(body);
        QCOMPARE(again->resources.first().hash, page->resources.first().hash);
    }

    // A resource is stored as the server wrote it (key order, number text, escapes), without the whitespace
    // between tokens, and hashed on that text.
    void resourceTextAsReceived()
    {
        const QByteArray body = "{\n  \"resourceType\" : \"Bundle\",\n  \"type\": \"searchset\",\n  \"entry\": [\n"
                                "    { \"search\": {\"mode\": \"match\"},\n      \"resource\": {\n"
                                "        \"resourceType\": \"Observation\", \"id\": \"o1\",\n"
                                "        \"valueQuantity\": { \"value\": 1.10, \"unit\": \"mg / dL\" },\n"
                                "        \"note\": [ {\"text\": \"caf\\u00e9 \\\"}\\\" ]\"} ] } },\n"
                                "    { \"fullUrl\": \"urn:x\" },\n"
                                "    { \"resource\": {\"resourceType\":\"OperationOutcome\",\"issue\":[]},\n"
                                "      \"search\": {\"mode\":\"outcome\"} },\n"
                                "    {\"resource\":{\"id\":\"p1\",\"resourceType\":\"Patient\"}}\n  ]\n}\n";
        Result<FhirPage> page = FhirPage::fromSearchBody(body);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().detail()));
        QCOMPARE(page->resources.size(), 2);
        QCOMPARE(page->skipped, 1);
        const RawResource& obs = page->resources.at(0);
        QCOMPARE(obs.json,
                 QByteArray("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"valueQuantity\":{\"value\":1.10,"
                            "\"unit\":\"mg / dL\"},\"note\":[{\"text\":\"caf\\u00e9 \\\"}\\\" ]\"}]}"));
        QCOMPARE(obs.hash, QCryptographicHash::hash(obs.json, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QJsonDocument::fromJson(obs.json).object(), obs.object);
        QCOMPARE(obs.object.value(u"note"_s).toArray().first().toObject().value(u"text"_s).toString(),
                 QString::fromUtf8("caf\u00e9 \"}\" ]"));
        QCOMPARE(page->resources.at(1).json, QByteArray("{\"id\":\"p1\",\"resourceType\":\"Patient\"}"));

        // A read answer too.
        Result<FhirPage> read =
            FhirPage::fromReadBody("  {\"resourceType\": \"Patient\", \"id\": \"x\"}\n", u"Patient"_s);
        QVERIFY(read.ok());
        QCOMPARE(read->resources.first().json, QByteArray("{\"resourceType\":\"Patient\",\"id\":\"x\"}"));
        // A read answer that is not strict JSON is stored as Qt writes it.
        read = FhirPage::fromReadBody(R"({"resourceType":"Patient","id":"x","n":"\q"})", u"Patient"_s);
        QVERIFY(read.ok());
        QCOMPARE(read->resources.first().json, QByteArray(R"({"id":"x","n":"q","resourceType":"Patient"})"));
    }

    // Text whose entries cannot be told apart without guessing what the parser kept: every resource is
    // serialized from its parsed object (keys sorted, numbers as the parser read them).
    void resourceTextFallsBackToTheParsedObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        // The parser keeps b, the last of two; the text scan would see a first.
        const QByteArray a = R"({"resourceType":"Patient","id":"a"})";
        const QByteArray b = R"({"resourceType":"Patient","id":"b","gender":"female"})";
        const QByteArray bundle = R"({"resourceType":"Bundle",)";
        QTest::newRow("entry twice") << bundle + R"("entry":[{"resource":)" + a + R"(}],"entry":[{"resource":)" +
                                            b + "}]}";
        QTest::newRow("resource twice") << bundle + R"("entry":[{"resource":)" + a + R"(,"resource":)" + b + "}]}";
        QTest::newRow("escaped resource key beside a plain one")
            << bundle + R"("entry":[{"resource":)" + a + R"(,"resourc\u0065":)" + b + "}]}";
        QTest::newRow("escaped key") << bundle + R"("entr\u0079":[{"resource":)" + b + "}]}";
        // What Qt's parser takes but RFC 8259 does not: stored as Qt writes it, never as sent.
        const QByteArray lenient = R"({"resourceType":"Patient","id":"b","gender":"female","x":)";
        QTest::newRow("unknown escape") << bundle + R"("entry":[{"resource":)" + lenient + R"("\q"}}]})";
        QTest::newRow("raw control character") << bundle + R"("entry":[{"resource":)" + lenient + "\"a\x01b\"}}]}";
        QTest::newRow("number without a leading digit")
            << bundle + R"("entry":[{"resource":)" + lenient + ".5}}]}";
        QTest::newRow("nested deeper than the scan follows") << bundle + R"("entry":[{"resource":)" + lenient +
                                                                    QByteArray(jsontext::kMaxDepth, '[') +
                                                                    QByteArray(jsontext::kMaxDepth, ']') + "}}]}";
    }

    void resourceTextFallsBackToTheParsedObject()
    {
        QFETCH(QByteArray, body);
        QVERIFY(QJsonDocument::fromJson(body).isObject()); // the parser takes it
        Result<FhirPage> page = FhirPage::fromSearchBody(body);
        QVERIFY(page.ok());
        QCOMPARE(page->resources.size(), 1);
        const RawResource& r = page->resources.first();
        QCOMPARE(r.json, QJsonDocument(r.object).toJson(QJsonDocument::Compact));
        QCOMPARE(r.hash, QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex());
        QCOMPARE(r.resourceId, u"b"_s);
    }

    void jsonTextScanner()
    {
        using namespace hh::sync::jsontext;
        // Truncated or broken text is refused, never read past.
        const QByteArray whole = "{\"entry\":[{\"resource\":{\"a\":[1,2,{\"b\":\"x\\\"\"}]}},7,{}]}";
        const auto spans = entryResources(whole);
        QVERIFY(spans.has_value());
        QCOMPARE(spans->size(), 3);
        QCOMPARE(spans->at(0), QByteArrayView("{\"a\":[1,2,{\"b\":\"x\\\"\"}]}"));
        QVERIFY(spans->at(1).isEmpty());
        QVERIFY(spans->at(2).isEmpty());
        for (qsizetype n = 0; n < whole.size(); ++n)
            QVERIFY2(!entryResources(QByteArrayView(whole.constData(), n)).has_value(),
                     qPrintable(QString::number(n)));
        QVERIFY(!entryResources("{\"entry\":[{\"resource\":}]}").has_value());
        QVERIFY(!entryResources("[1]").has_value());
        QCOMPARE(entryResources("{\"resourceType\":\"Bundle\"}")->size(), 0);
        // Nesting deeper than the scanner follows.
        const QByteArray deep = "{\"entry\":[{\"resource\":" + QByteArray(kMaxDepth + 10, '[') +
                                QByteArray(kMaxDepth + 10, ']') + "}]}";
        QVERIFY(!entryResources(deep).has_value());
        // compact() drops whitespace between tokens only.
        QCOMPARE(compact(" { \"a b\" : [ 1 ,\t\"c \\\" d\" ] }\r\n"), QByteArray("{\"a b\":[1,\"c \\\" d\"]}"));
        QCOMPARE(compact("\"ends in a backslash \\"), QByteArray("\"ends in a backslash \\"));
        QVERIFY(isStrict(" [1, {\"a\": null}] \n"));
        QVERIFY(!isStrict("[1] [2]"));
        QVERIFY(!isStrict("{\"a\":.5}"));
        // Strict JSON only.
        QVERIFY(entryResources(R"({"entry":[{"resource":{"n":-0.5e+3,"t":true,"s":"\u00e9\/\n"}}]})").has_value());
        for (const char* lenient : {R"({"n":01})", R"({"n":1.})", R"({"n":+1})", R"({"n":tru})", R"({"s":"\x"})",
                                    R"({"s":"\u12G4"})", "{\"s\":\"\t\"}", "\xEF\xBB\xBF{}"})
            QVERIFY2(!entryResources(lenient).has_value(), lenient);
    }

    // A resource the page has no text for (not an object) is skipped; a body the parser refuses is an error.
    void resourceTextEdgeCases()
    {
        Result<FhirPage> page = FhirPage::fromSearchBody(
            R"({"resourceType":"Bundle","entry":[{"resource":5},{"resource":{"resourceType":"Patient","id":"p"}}]})");
        QVERIFY(page.ok());
        QCOMPARE(page->skipped, 1);
        QCOMPARE(page->resources.size(), 1);
        QCOMPARE(page->resources.first().json, QByteArray(R"({"resourceType":"Patient","id":"p"})"));
        // A byte order mark: the scan does not take it (jsonTextScanner), so if the parser does, the resource
        // is stored as Qt writes it.
        const Result<FhirPage> bom = FhirPage::fromSearchBody(
            "\xEF\xBB\xBF"
            R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]})");
        if (bom.ok())
            QCOMPARE(bom->resources.first().json,
                     QJsonDocument(bom->resources.first().object).toJson(QJsonDocument::Compact));
        else
            QCOMPARE(bom.error().code(), ErrorCode::Protocol);
    }

    void athenaSearchPageAndErrors()
    {
        const QByteArray body = corpusFile(kAthena + QStringLiteral("/013_Observation_search.json"));
        if (body.isEmpty())
            QSKIP("The FHIR corpus (HH_CORPUS_DIR) is not present.");
        Result<FhirPage> page = FhirPage::fromSearchBody(body);
        QVERIFY(page.ok());
        QCOMPARE(page->resources.size(), 50);
        QVERIFY(page->nextUrl.contains(QStringLiteral("cursor=")));
        // athena's 403 for a missing required parameter names the parameter combinations.
        const QByteArray refused = corpusFile(kAthena + QStringLiteral("/012_MedicationRequest_search_http403.json"));
        const QList<SyncIssue> issues = FhirPage::errorIssues(refused, true);
        QVERIFY(!issues.isEmpty());
        QVERIFY(issues.first().text.contains(QStringLiteral("parameter")));
        // Not JSON, or broken JSON: never parsed into records.
        QVERIFY(FhirPage::errorIssues("<html>oops</html>", false).isEmpty());
        QVERIFY(!FhirPage::fromSearchBody(body.left(body.size() / 2)).ok());
        QVERIFY(!FhirPage::fromSearchBody({}).ok());
        QVERIFY(!FhirPage::fromSearchBody("{\"resourceType\":\"Patient\",\"id\":\"x\"}").ok());
        QVERIFY(!FhirPage::fromReadBody("{\"resourceType\":\"Patient\",\"id\":\"x\"}", QStringLiteral("Binary")).ok());
        QCOMPARE(FhirPage::fromReadBody("{\"resourceType\":\"Patient\",\"id\":\"x\"}", QStringLiteral("Patient"))
                     ->resources.size(),
                 1);
    }

    void references()
    {
        const ReferenceScanner scanner(QUrl(QStringLiteral("https://fhir.example.org/api/FHIR/R4/")));
        QSet<QString> out;
        const QByteArray json = QByteArrayLiteral(
            "{\"a\":{\"reference\":\"Practitioner/p1\"},\"b\":{\"reference\":\"https://fhir.example.org/api/FHIR/R4/"
            "Organization/o1\"},\"c\":{\"reference\":\"https://other.example.org/R4/Location/l9\"},"
            "\"d\":{\"reference\":\"#med1\"},\"e\":{\"reference\":\"urn:uuid:1234\"},\"f\":{\"reference\":\"Patient/p\"},"
            "\"g\":{\"reference\":\"Medication/m1/_history/2\"},\"h\":{\"url\":\"Binary/b1\"},"
            "\"i\":{\"reference\":\"Practitioner?identifier=x\"},\"j\":{\"reference\":\"Encounter/e\\\"1\"}}");
        scanner.scan(json, out);
        QCOMPARE(out, (QSet<QString>{QStringLiteral("Practitioner/p1"), QStringLiteral("Organization/o1"),
                                     QStringLiteral("Medication/m1"), QStringLiteral("Binary/b1"),
                                     QStringLiteral("Encounter/e\"1")}));
        // Text as a server may write it (stored as received): escaped slashes and keys.
        out.clear();
        scanner.scan(R"({"content":[{"attachment":{"url":"Binary\/b2"}}],"a":{"referenc\u0065":"Location\/l2"}})",
                     out);
        QCOMPARE(out, (QSet<QString>{u"Binary/b2"_s, u"Location/l2"_s}));
    }

    void epicPlan()
    {
        QueryPlanOptions o;
        o.vendor = EmrVendor::Epic;
        o.patientId = QStringLiteral("eAB3mDIBBcyUKviyzrxsnAw3");
        o.incrementalSince = QDate(2025, 1, 1); // Epic: never incremental
        const QueryPlan plan = QueryPlan::build(o);
        QVERIFY(!plan.isIncremental());
        const QStringList keys = keysOf(plan);
        for (const QString& k :
             {QStringLiteral("Patient/read"), QStringLiteral("Observation?category=laboratory"),
              QStringLiteral("Observation?category=vital-signs"), QStringLiteral("Observation?category=social-history"),
              QStringLiteral("Observation?category=imaging"), QStringLiteral("CarePlan?category=38717003"),
              QStringLiteral("CarePlan?category=734163000"), QStringLiteral("MedicationRequest"),
              QStringLiteral("Condition"), QStringLiteral("AllergyIntolerance"), QStringLiteral("Immunization"),
              QStringLiteral("Procedure"), QStringLiteral("Encounter"), QStringLiteral("DiagnosticReport"),
              QStringLiteral("DocumentReference"), QStringLiteral("Goal"), QStringLiteral("CareTeam"),
              QStringLiteral("Device")})
            QVERIFY2(keys.contains(k), qPrintable(k));
        QVERIFY(!keys.contains(QStringLiteral("Observation"))); // Epic refuses Observation without category
        QVERIFY(!keys.contains(QStringLiteral("CarePlan")));
        // The URL the recorded Epic sync used, parameter for parameter.
        QCOMPARE(findQuery(plan, QStringLiteral("Observation?category=vital-signs"))->variants.first().relativeUrl(),
                 QStringLiteral("Observation?_count=50&category=vital-signs&patient=eAB3mDIBBcyUKviyzrxsnAw3"));
        QCOMPARE(findQuery(plan, QStringLiteral("Patient/read"))->variants.first().relativeUrl(),
                 QStringLiteral("Patient/eAB3mDIBBcyUKviyzrxsnAw3"));
    }

    void athenaPlan()
    {
        QueryPlanOptions o;
        o.vendor = EmrVendor::Athena;
        o.patientId = QStringLiteral("a-80000.E-14545");
        QueryPlan full = QueryPlan::build(o);
        QVERIFY(!full.isIncremental());
        const PlannedQuery* meds = findQuery(full, QStringLiteral("MedicationRequest?intent=order,plan"));
        QVERIFY(meds);
        QCOMPARE(meds->variants.size(), 2); // with the _include of the Medication, then without
        QVERIFY(meds->variants.first().relativeUrl().contains(QStringLiteral("_include=MedicationRequest:medication")));
        QVERIFY(meds->variants.last().relativeUrl().contains(QStringLiteral("intent=order,plan")));
        QCOMPARE(findQuery(full, QStringLiteral("Observation"))->variants.first().relativeUrl(),
                 QStringLiteral("Observation?_count=50&patient=a-80000.E-14545"));
        QVERIFY(findQuery(full, QStringLiteral("Coverage")));

        o.incrementalSince = QDate(2024, 11, 22);
        const QueryPlan inc = QueryPlan::build(o);
        QVERIFY(inc.isIncremental());
        const PlannedQuery* cond = findQuery(inc, QStringLiteral("Condition"));
        QVERIFY(cond->incremental);
        QCOMPARE(cond->variants.size(), 2); // the plain query if _lastUpdated is refused
        QVERIFY(cond->variants.first().relativeUrl().contains(QStringLiteral("_lastUpdated=ge2024-11-22")));
        QVERIFY(!cond->variants.last().relativeUrl().contains(QStringLiteral("_lastUpdated")));
        QCOMPARE(keysOf(inc), keysOf(full)); // same checkpoint keys either way
    }

    void otherPlanFollowsTheCapabilityStatement()
    {
        const QJsonObject cerner = corpusJson(QStringLiteral("smart-config/oracle-health-cerner/"
                                                             "cerner-capability-statement-r4-secure.json"));
        if (cerner.isEmpty())
            QSKIP("The FHIR corpus (HH_CORPUS_DIR) is not present.");
        QueryPlanOptions o;
        o.vendor = EmrVendor::Other;
        o.patientId = QStringLiteral("12724066");
        o.capabilityStatement = cerner;
        const QueryPlan plan = QueryPlan::build(o);
        const QStringList keys = keysOf(plan);
        QVERIFY(keys.contains(QStringLiteral("Patient/read")));
        QVERIFY(keys.contains(QStringLiteral("Condition")));
        QVERIFY(keys.contains(QStringLiteral("Observation?category=laboratory")));
        QVERIFY(keys.contains(QStringLiteral("Observation?category=vital-signs")));
        // A server that refuses category: the first category query falls back to every observation.
        const PlannedQuery* labs = findQuery(plan, QStringLiteral("Observation?category=laboratory"));
        QVERIFY(labs);
        QCOMPARE(labs->variants.size(), 2);
        QCOMPARE(labs->variants.last().relativeUrl(), QStringLiteral("Observation?_count=50&patient=12724066"));
        QCOMPARE(findQuery(plan, QStringLiteral("Observation?category=vital-signs"))->variants.size(), 1);

        // A CapabilityStatement that does not list category (a recorded Epic one, say) still gets the category
        // queries: a plain Observation search is what Epic refuses.
        QJsonObject noCategory{{QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
                               {QStringLiteral("rest"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("mode"), QStringLiteral("server")},
                                    {QStringLiteral("resource"),
                                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Observation")},
                                                            {QStringLiteral("searchParam"),
                                                             QJsonArray{QJsonObject{{QStringLiteral("name"),
                                                                                     QStringLiteral("patient")}}}}}}}}}}};
        QueryPlanOptions bare = o;
        bare.capabilityStatement = noCategory;
        const QStringList bareKeys = keysOf(QueryPlan::build(bare));
        QVERIFY(bareKeys.contains(QStringLiteral("Observation?category=vital-signs")));
        QVERIFY(!bareKeys.contains(QStringLiteral("Observation")));
        const PlannedQuery* meds = findQuery(plan, QStringLiteral("MedicationRequest?intent=")
                                                       + QStringLiteral("proposal,plan,directive,order,original-order,"
                                                                        "reflex-order,filler-order,instance-order,option"));
        QVERIFY(meds);
        QCOMPARE(meds->variants.size(), 2);

        // A server that does not offer a type is not asked for it.
        QJsonObject tiny{{QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
                         {QStringLiteral("rest"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("mode"), QStringLiteral("server")},
                              {QStringLiteral("resource"),
                               QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Condition")},
                                                      {QStringLiteral("searchParam"),
                                                       QJsonArray{QJsonObject{{QStringLiteral("name"),
                                                                               QStringLiteral("patient")}}}}}}}}}}};
        o.capabilityStatement = tiny;
        QCOMPARE(keysOf(QueryPlan::build(o)), (QStringList{QStringLiteral("Patient/read"), QStringLiteral("Condition")}));
        QVERIFY(!QueryPlan::supportsIncremental(EmrVendor::Other, tiny));
        QVERIFY(QueryPlan::supportsIncremental(EmrVendor::Athena, {}));
        QVERIFY(!QueryPlan::supportsIncremental(EmrVendor::Epic, {}));
    }

    void checkpointRoundTrip()
    {
        SyncCheckpoint c;
        QVERIFY(!c.hasPass());
        c.passJobId = QStringLiteral("job-1");
        c.passStartedAt = QDateTime(QDate(2025, 3, 1), QTime(10, 0), QTimeZone::utc());
        c.passFull = false;
        c.doneQueries = {QStringLiteral("Patient/read"), QStringLiteral("Observation?category=laboratory")};
        c.lastCompletePassAt = c.passStartedAt.addDays(-1);
        c.lastFullPassAt = c.passStartedAt.addDays(-3);
        c.answeredQueries = {QStringLiteral("Observation?category=laboratory")};
        const SyncCheckpoint back = SyncCheckpoint::fromJson(c.toJson());
        QVERIFY(back.hasPass());
        QCOMPARE(back.passJobId, c.passJobId);
        QCOMPARE(back.passStartedAt, c.passStartedAt);
        QCOMPARE(back.passFull, false);
        QCOMPARE(back.doneQueries, c.doneQueries);
        QCOMPARE(back.lastCompletePassAt, c.lastCompletePassAt);
        QCOMPARE(back.lastFullPassAt, c.lastFullPassAt);
        QCOMPARE(back.answeredQueries, c.answeredQueries);
        // Unreadable state is an empty checkpoint, never an error.
        QVERIFY(!SyncCheckpoint::fromJson("not json").hasPass());
        QVERIFY(!SyncCheckpoint::fromJson("{\"pass\":{\"job\":\"x\"}}").hasPass()); // no start time
        QVERIFY(!SyncCheckpoint::fromJson({}).lastFullPassAt.isValid());
    }

    // The scheduler cancels through a handle: the worker deletes itself when its thread ends, possibly before
    // the scheduler has heard that it finished; a cancel then must not reach the deleted worker.
    void cancelHandleOutlivesTheWorker()
    {
        std::shared_ptr<SyncCancelHandle> handle;
        {
            SyncWorker worker(SyncTarget{}, nullptr, nullptr, SyncEngineOptions{});
            handle = worker.cancelHandle();
            QVERIFY(!worker.isCancelRequested());
            QVERIFY(handle->cancel());
            QVERIFY(worker.isCancelRequested());
        }
        QVERIFY(!handle->cancel());
    }

    void statusKeys()
    {
        for (JobStatus s : {JobStatus::Queued, JobStatus::Running, JobStatus::Success, JobStatus::Partial,
                            JobStatus::Failed, JobStatus::Cancelled}) {
            QCOMPARE(jobStatusFromKey(jobStatusKey(s)), std::optional<JobStatus>(s));
            QVERIFY(!jobStatusLabel(s).isEmpty());
        }
        QCOMPARE(syncScheduleFromKey(syncScheduleKey(SyncSchedule::Daily)), std::optional(SyncSchedule::Daily));
        QCOMPARE(emrVendorFromKey(u"ATHENA"), EmrVendor::Athena);
        QCOMPARE(emrVendorFromKey(u"cerner"), EmrVendor::Other);
    }
};

QTEST_GUILESS_MAIN(TestSyncUnits)
#include "TestSyncUnits.moc"
