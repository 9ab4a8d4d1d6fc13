// Endpoint directory import: Epic's R4 endpoint Bundles (2021, 2026), SMART User-access Brands
// (HL7 examples, Oracle Health), malformed input, importFromFile and importFromUrl.
#include "core/smart/EndpointDirectory.h"
#include "core/smart/UrlPolicy.h"

#include "smart/FakeHttpServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;
using namespace hh::smart::test;

namespace {

const QString kCorpus = QStringLiteral(HH_CORPUS_DIR) + u"/directory"_s;

QByteArray readCorpus(const QString& relative)
{
    QFile f(kCorpus + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

template <typename T> bool waitFor(const QFuture<T>& future, int ms = 30000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.isFinished();
}

const DirectoryEntry* findByName(const QList<DirectoryEntry>& entries, const QString& name,
                                 const QString& base = {})
{
    for (const DirectoryEntry& e : entries) {
        if (e.name == name && (base.isEmpty() || e.fhirBaseUrl == QUrl(base)))
            return &e;
    }
    return nullptr;
}

// Counts Endpoint resources in a Bundle independently of the importer.
int countEndpoints(const QByteArray& bundle)
{
    int n = 0;
    for (const QJsonValue& e : QJsonDocument::fromJson(bundle).object().value(u"entry"_s).toArray())
        n += e.toObject().value(u"resource"_s).toObject().value(u"resourceType"_s).toString() == u"Endpoint" ? 1
                                                                                                             : 0;
    return n;
}

QByteArray bundle(const QJsonArray& resources)
{
    QJsonArray entries;
    for (const QJsonValue& r : resources)
        entries.append(QJsonObject{{u"resource"_s, r}});
    return QJsonDocument(
               QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}, {u"entry"_s, entries}})
        .toJson();
}

QJsonObject epicEndpoint(const QString& name, const QString& address, const QString& orgRef = u"org1"_s)
{
    return QJsonObject{
        {u"resourceType"_s, u"Endpoint"_s},
        {u"status"_s, u"active"_s},
        {u"contained"_s,
         QJsonArray{QJsonObject{{u"resourceType"_s, u"Organization"_s}, {u"id"_s, u"org1"_s}, {u"name"_s, name}}}},
        {u"managingOrganization"_s, QJsonObject{{u"reference"_s, orgRef}}},
        {u"address"_s, address}};
}

} // namespace

class TestEndpointDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusCoversEveryFile();
    void epic2026();
    void epic2021();
    void epicEntriesAreSane_data();
    void epicEntriesAreSane();
    void oracleHealthBrands();
    void hl7Example1SinglePortal();
    void hl7Example2PartOfAndR2Skipped();
    void hl7Example3AbsoluteReferences();
    void hl7Example4SharedEndpoint();
    void deduplication();
    void hashReferenceAccepted();
    void skippedEndpoints();
    void partOfCycleTerminates();
    void malformed_data();
    void malformed();
    void truncatedCorpusFileRejected();
    void importFromFile();
    void importFromUrl();
    void importFromUrlRefusesHtmlAndOversize();
};

void TestEndpointDirectory::corpusCoversEveryFile()
{
    if (!QDir(kCorpus).exists())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    QStringList found;
    const QDir root(kCorpus);
    for (const QString& sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QString& f : QDir(root.filePath(sub)).entryList(QDir::Files))
            found.append(sub + u'/' + f);
    }
    found.sort();
    QStringList expected{u"epic/epic-fhir-endpoints-r4.json"_s,
                         u"epic/lantern-EpicEndpointSourcesR4.json"_s,
                         u"hl7-smart-app-launch-2.2.0/Bundle-example1.json"_s,
                         u"hl7-smart-app-launch-2.2.0/Bundle-example2.json"_s,
                         u"hl7-smart-app-launch-2.2.0/Bundle-example3.json"_s,
                         u"hl7-smart-app-launch-2.2.0/Bundle-example4.json"_s,
                         u"oracle-health/soarian_patient_r4_endpoints.json"_s};
    expected.sort();
    QCOMPARE(found, expected);
    // And every one of them imports.
    for (const QString& f : std::as_const(found)) {
        auto r = EndpointDirectory::parse(readCorpus(f));
        QVERIFY2(r.ok(), qPrintable(f + u": "_s + (r.ok() ? QString() : r.error().detail())));
    }
}

void TestEndpointDirectory::epic2026()
{
    const QByteArray data = readCorpus(u"epic/epic-fhir-endpoints-r4.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    QCOMPARE(countEndpoints(data), 479);
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->format, DirectoryImport::Format::EpicEndpointBundle);
    QCOMPARE(r->sourceKey(), u"epic-directory"_s);
    // 479 endpoints, 10 addresses shared by differently named organizations, no (address, name) twice.
    QCOMPARE(r->entries.size(), 479);
    QCOMPARE(r->skipped, 0);
    const DirectoryEntry* waco =
        findByName(r->entries, u"Waco Family Medicine (Heart of Texas Community Health Center)"_s);
    QVERIFY(waco);
    QCOMPARE(waco->fhirBaseUrl, QUrl(u"https://haiku.wacofhc.org/FHIR/api/FHIR/R4"_s));
    QCOMPARE(waco->vendor, Vendor::Epic);
    const DirectoryEntry* kp = findByName(r->entries, u"Kaiser Permanente – Oregon – SW Washington"_s);
    QVERIFY(kp);
    QCOMPARE(kp->fhirBaseUrl.host(), u"fhir.kp.org"_s); // host lower-cased
    QVERIFY(findByName(r->entries, u"Coastal Carolina Health Care"_s));
}

void TestEndpointDirectory::epic2021()
{
    const QByteArray data = readCorpus(u"epic/lantern-EpicEndpointSourcesR4.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    QCOMPARE(countEndpoints(data), 265);
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->format, DirectoryImport::Format::EpicEndpointBundle);
    QCOMPARE(r->entries.size(), 265);
    const DirectoryEntry* self = findByName(r->entries, u"Self Regional Healthcare"_s);
    QVERIFY(self);
    QCOMPARE(self->fhirBaseUrl, QUrl(u"https://epicproxy.et1235.epichosted.com/FHIRProxy/api/FHIR/R4"_s));
}

void TestEndpointDirectory::epicEntriesAreSane_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("2026") << u"epic/epic-fhir-endpoints-r4.json"_s;
    QTest::newRow("2021") << u"epic/lantern-EpicEndpointSourcesR4.json"_s;
}

void TestEndpointDirectory::epicEntriesAreSane()
{
    QFETCH(QString, file);
    const QByteArray data = readCorpus(file);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QSet<QString> keys;
    for (const DirectoryEntry& e : r->entries) {
        QVERIFY(!e.name.trimmed().isEmpty());
        QCOMPARE(e.name, e.name.simplified());
        QCOMPARE(e.fhirBaseUrl.scheme(), u"https"_s);
        QVERIFY(isAllowedUrl(e.fhirBaseUrl));
        QVERIFY2(!e.fhirBaseUrl.path().endsWith(u'/'), qPrintable(e.fhirBaseUrl.toString()));
        QVERIFY(!e.fhirBaseUrl.hasQuery());
        QCOMPARE(e.vendor, Vendor::Epic);
        const QString key = e.fhirBaseUrl.toString() + u'\n' + e.name;
        QVERIFY(!keys.contains(key));
        keys.insert(key);
    }
}

void TestEndpointDirectory::oracleHealthBrands()
{
    const QByteArray data = readCorpus(u"oracle-health/soarian_patient_r4_endpoints.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->format, DirectoryImport::Format::UserAccessBrands);
    QCOMPARE(r->sourceKey(), u"brands"_s);
    QCOMPARE(r->entries.size(), 7);
    const DirectoryEntry* peconic = findByName(r->entries, u"Peconic Bay Medical Center"_s);
    QVERIFY(peconic);
    QCOMPARE(peconic->city, u"Riverhead"_s);
    QCOMPARE(peconic->state, u"NY"_s);
    QCOMPARE(peconic->fhirBaseUrl,
             QUrl(u"https://fhir-myrecord-sc.cerner.com/r4/be754400-3834-4653-96ed-453314fc77d8"_s));
    QCOMPARE(peconic->vendor, Vendor::Other);
    for (const DirectoryEntry& e : r->entries) {
        QVERIFY(!e.city.isEmpty());
        QVERIFY(!e.state.isEmpty());
    }
}

void TestEndpointDirectory::hl7Example1SinglePortal()
{
    const QByteArray data = readCorpus(u"hl7-smart-app-launch-2.2.0/Bundle-example1.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 1);
    const DirectoryEntry& e = r->entries.first();
    QCOMPARE(e.name, u"ExampleLabs"_s);
    QCOMPARE(e.city, u"Anchorage"_s);
    QCOMPARE(e.state, u"AK"_s);
    QCOMPARE(e.fhirBaseUrl, QUrl(u"https://fhir.labs.example.com/r4"_s));
    QCOMPARE(e.portalName, u"Example Labs HealthCentral Portal"_s);
}

void TestEndpointDirectory::hl7Example2PartOfAndR2Skipped()
{
    const QByteArray data = readCorpus(u"hl7-smart-app-launch-2.2.0/Bundle-example2.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    const QString r4 = u"https://ehr.example.com/ProdFHIR/api/FHIR/R4"_s;
    // The brand and its two sub-brands (partOf) share the R4 endpoint; the DSTU2 one is skipped.
    QCOMPARE(r->entries.size(), 3);
    QCOMPARE(r->skipped, 1);
    QVERIFY(findByName(r->entries, u"ExampleHealth"_s, r4));
    const DirectoryEntry* hospital = findByName(r->entries, u"ExampleHealth Community Hospital"_s, r4);
    QVERIFY(hospital);
    QCOMPARE(hospital->city, u"Lake City"_s);
    QCOMPARE(hospital->state, u"IA"_s);
    QVERIFY(findByName(r->entries, u"ExampleHealth Physicians of Madison"_s, r4));
    for (const DirectoryEntry& e : r->entries) {
        QVERIFY(!e.fhirBaseUrl.path().endsWith(u"R2"));
        QCOMPARE(e.vendor, Vendor::Epic); // ".../api/FHIR/R4" is Epic's layout
    }
}

void TestEndpointDirectory::hl7Example3AbsoluteReferences()
{
    const QByteArray data = readCorpus(u"hl7-smart-app-launch-2.2.0/Bundle-example3.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 2);
    const DirectoryEntry* ehr1 =
        findByName(r->entries, u"ExampleHospital"_s, u"https://ehr1.example.org/ExampleHospital/api/FHIR/R4"_s);
    const DirectoryEntry* ehr2 =
        findByName(r->entries, u"ExampleHospital"_s, u"https://ehr2.example.org/ExampleHospital/api/FHIR/R4"_s);
    QVERIFY(ehr1 && ehr2);
    QCOMPARE(ehr1->portalName, u"ExampleHospital Patient Gateway"_s);
    QCOMPARE(ehr2->portalName, u"ExampleHospital Pediatric Portal"_s);
    QCOMPARE(ehr1->city, u"Boston"_s);
}

void TestEndpointDirectory::hl7Example4SharedEndpoint()
{
    const QByteArray data = readCorpus(u"hl7-smart-app-launch-2.2.0/Bundle-example4.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 2);
    const QString base = u"https://example.org/brand1.org/ProdFHIR/api/FHIR/R4"_s;
    QVERIFY(findByName(r->entries, u"Brand1"_s, base));
    const DirectoryEntry* brand2 = findByName(r->entries, u"Brand2"_s, base);
    QVERIFY(brand2);
    QCOMPARE(brand2->city, u"Sonoma"_s);
    QCOMPARE(brand2->state, u"CA"_s);
}

void TestEndpointDirectory::deduplication()
{
    const QByteArray data = bundle({
        epicEndpoint(u"Alpha Health"_s, u"https://alpha.example/api/FHIR/R4/"_s),
        epicEndpoint(u"Alpha Health"_s, u"https://alpha.example/api/FHIR/R4"_s),   // same base, no slash
        epicEndpoint(u"Alpha Health"_s, u"https://ALPHA.example/api/FHIR/R4/"_s),  // host case
        epicEndpoint(u"Alpha Clinics"_s, u"https://alpha.example/api/FHIR/R4/"_s), // same base, other name
        epicEndpoint(u"Alpha Health"_s, u"https://alpha2.example/api/FHIR/R4/"_s), // other base
    });
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 3);
    QCOMPARE(r->entries.at(0).name, u"Alpha Health"_s);
    QCOMPARE(r->entries.at(1).name, u"Alpha Clinics"_s);
    QCOMPARE(r->entries.at(2).fhirBaseUrl, QUrl(u"https://alpha2.example/api/FHIR/R4"_s));
}

void TestEndpointDirectory::hashReferenceAccepted()
{
    auto r = EndpointDirectory::parse(
        bundle({epicEndpoint(u"Hash Org"_s, u"https://h.example/api/FHIR/R4/"_s, u"#org1"_s)}));
    QVERIFY(r.ok());
    QCOMPARE(r->entries.first().name, u"Hash Org"_s);
    QCOMPARE(r->format, DirectoryImport::Format::EpicEndpointBundle);
}

void TestEndpointDirectory::skippedEndpoints()
{
    QJsonObject off = epicEndpoint(u"Off"_s, u"https://off.example/r4"_s);
    off.insert(u"status"_s, u"off"_s);
    QJsonObject direct = epicEndpoint(u"Direct"_s, u"https://direct.example/r4"_s);
    direct.insert(u"connectionType"_s, QJsonObject{{u"code"_s, u"direct-project"_s}});
    QJsonObject noAddress = epicEndpoint(u"No address"_s, QString());
    noAddress.remove(u"address"_s);
    const QByteArray data = bundle({
        epicEndpoint(u"Good"_s, u"https://good.example/api/FHIR/R4/"_s),
        epicEndpoint(u"Plain http"_s, u"http://insecure.example/api/FHIR/R4/"_s),
        epicEndpoint(u"Garbage"_s, u"not a url at all"_s),
        off,
        direct,
        noAddress,
    });
    auto r = EndpointDirectory::parse(data);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 1);
    QCOMPARE(r->entries.first().name, u"Good"_s);
    QCOMPARE(r->skipped, 5);
}

void TestEndpointDirectory::partOfCycleTerminates()
{
    const QJsonObject a{{u"resourceType"_s, u"Organization"_s},
                        {u"id"_s, u"a"_s},
                        {u"name"_s, u"A"_s},
                        {u"partOf"_s, QJsonObject{{u"reference"_s, u"Organization/b"_s}}}};
    const QJsonObject b{{u"resourceType"_s, u"Organization"_s},
                        {u"id"_s, u"b"_s},
                        {u"name"_s, u"B"_s},
                        {u"partOf"_s, QJsonObject{{u"reference"_s, u"Organization/a"_s}}}};
    const QJsonObject ep{{u"resourceType"_s, u"Endpoint"_s},
                         {u"id"_s, u"e"_s},
                         {u"name"_s, u"Lonely endpoint"_s},
                         {u"address"_s, u"https://lonely.example/r4"_s}};
    auto r = EndpointDirectory::parse(bundle({a, b, ep}));
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 1); // only the unreferenced endpoint, under its own name
    QCOMPARE(r->entries.first().name, u"Lonely endpoint"_s);
}

void TestEndpointDirectory::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>Endpoints</body></html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("not a bundle") << QByteArray(R"({"resourceType":"Patient","id":"x"})");
    QTest::newRow("no resourceType") << QByteArray(R"({"entry":[]})");
    QTest::newRow("empty bundle") << QByteArray(R"({"resourceType":"Bundle","type":"collection"})");
    QTest::newRow("entry object") << QByteArray(R"({"resourceType":"Bundle","entry":{}})");
    QTest::newRow("entry item string") << QByteArray(R"({"resourceType":"Bundle","entry":["x"]})");
    QTest::newRow("resource string") << QByteArray(R"({"resourceType":"Bundle","entry":[{"resource":"x"}]})");
    QTest::newRow("address number") << QByteArray(
        R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Endpoint","name":"n","address":"https://ok.example/r4"}},
                                                            {"resource":{"resourceType":"Endpoint","name":"m","address":42}}]})");
    QTest::newRow("only http endpoints") << QByteArray(
        R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Endpoint","name":"n","address":"http://x.example/r4"}}]})");
    QTest::newRow("only organizations") << QByteArray(
        R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Organization","name":"n"}}]})");
}

void TestEndpointDirectory::malformed()
{
    QFETCH(QByteArray, body);
    auto r = EndpointDirectory::parse(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
    QVERIFY(!r.error().message().isEmpty());
}

void TestEndpointDirectory::truncatedCorpusFileRejected()
{
    const QByteArray data = readCorpus(u"epic/epic-fhir-endpoints-r4.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::parse(QByteArrayView(data).first(data.size() / 2));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
}

void TestEndpointDirectory::importFromFile()
{
    const QString path = kCorpus + u"/epic/lantern-EpicEndpointSourcesR4.json"_s;
    if (!QFile::exists(path))
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    auto r = EndpointDirectory::importFromFile(path);
    QVERIFY(r.ok());
    QCOMPARE(r->entries.size(), 265);
    auto tooSmall = EndpointDirectory::importFromFile(path, 1000);
    QVERIFY(!tooSmall.ok());
    QCOMPARE(tooSmall.error().code(), ErrorCode::InvalidInput);
    auto missing = EndpointDirectory::importFromFile(kCorpus + u"/does-not-exist.json"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), ErrorCode::Io);
}

void TestEndpointDirectory::importFromUrl()
{
    const QByteArray data = readCorpus(u"epic/epic-fhir-endpoints-r4.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/directory not present (HH_CORPUS_DIR)");
    FakeHttpServer server;
    server.on("GET", u"/Endpoints/R4"_s, [data](const RecordedRequest&) {
        FakeResponse r = json(data);
        r.contentType = "application/fhir+json";
        return r;
    });
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    auto future = EndpointDirectory::importFromUrl(&nam, server.url(u"/Endpoints/R4"_s));
    QVERIFY(waitFor(future));
    QVERIFY2(future.result().ok(),
             qPrintable(future.result().ok() ? QString() : future.result().error().detail()));
    QCOMPARE(future.result()->entries.size(), 479);
    QVERIFY(server.last(u"/Endpoints/R4"_s).header("Accept").contains("json"));
}

void TestEndpointDirectory::importFromUrlRefusesHtmlAndOversize()
{
    FakeHttpServer server;
    server.on("GET", u"/html"_s, [](const RecordedRequest&) {
        FakeResponse r;
        r.contentType = "text/html";
        r.body = R"({"resourceType":"Bundle"})"; // even if it looks like JSON: declared HTML is not parsed
        return r;
    });
    const QByteArray big =
        bundle({epicEndpoint(u"Big"_s, u"https://big.example/api/FHIR/R4/"_s)}) + QByteArray(5000, ' ');
    server.on("GET", u"/big"_s, [big](const RecordedRequest&) { return json(big); });
    QVERIFY(server.start());
    QNetworkAccessManager nam;

    auto html = EndpointDirectory::importFromUrl(&nam, server.url(u"/html"_s));
    QVERIFY(waitFor(html));
    QVERIFY(!html.result().ok());
    QCOMPARE(html.result().error().code(), ErrorCode::InvalidInput);

    auto big1 = EndpointDirectory::importFromUrl(&nam, server.url(u"/big"_s), 1000);
    QVERIFY(waitFor(big1));
    QVERIFY(!big1.result().ok());
    QCOMPARE(big1.result().error().code(), ErrorCode::Protocol);

    auto ok = EndpointDirectory::importFromUrl(&nam, server.url(u"/big"_s), 100000);
    QVERIFY(waitFor(ok));
    QVERIFY(ok.result().ok());

    auto missing = EndpointDirectory::importFromUrl(&nam, server.url(u"/missing"_s));
    QVERIFY(waitFor(missing));
    QCOMPARE(missing.result().error().code(), ErrorCode::Server);

    auto insecure = EndpointDirectory::importFromUrl(&nam, QUrl(u"http://open.epic.example/Endpoints/R4"_s));
    QVERIFY(insecure.isFinished());
    QCOMPARE(insecure.result().error().code(), ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestEndpointDirectory)
#include "TestEndpointDirectory.moc"
