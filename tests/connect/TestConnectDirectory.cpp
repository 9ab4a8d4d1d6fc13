// The directory of health systems through ConnectService: built-ins at start, import of every
// endpoint file of the corpus (file and URL), search by name and city, add by FHIR base URL with
// discovery against the demo server, settings.
#include "ConnectTestSupport.h"

#include "core/connect/DemoEndpoints.h"
#include "core/demo/DemoServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;

namespace {

// Serves one file over http://127.0.0.1:<port>/<name> (a directory "from a URL").
class FileServer : public QObject
{
public:
    explicit FileServer(QByteArray body) : m_body(std::move(body))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    m_request += s->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    ++requests;
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n"
                             "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n");
                    s->write(m_body);
                    s->disconnectFromHost();
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/directory.json"_s.arg(m_server.serverPort())); }
    int requests = 0;

private:
    QTcpServer m_server;
    QByteArray m_body;
    QByteArray m_request;
};

QStringList corpusDirectoryFiles()
{
    QStringList files;
    QDir root(QStringLiteral(HH_CORPUS_DIR "/directory"));
    if (!root.exists())
        return files;
    QDirIterator it(root.path(), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

// The first Organization (contained or not) of a directory file with a name (and a city, if asked),
// read straight from the file, independently of the importer.
struct Known {
    QString name;
    QString city;
};
std::optional<Known> firstOrganization(const QString& path, bool withCity)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonArray entries = QJsonDocument::fromJson(f.readAll()).object().value(u"entry"_s).toArray();
    for (const QJsonValue& e : entries) {
        const QJsonObject r = e.toObject().value(u"resource"_s).toObject();
        QJsonArray candidates = r.value(u"contained"_s).toArray();
        candidates.prepend(r);
        for (const QJsonValue& c : candidates) {
            const QJsonObject org = c.toObject();
            if (org.value(u"resourceType"_s).toString() != u"Organization")
                continue;
            const QString name = org.value(u"name"_s).toString();
            const QString city = org.value(u"address"_s).toArray().at(0).toObject().value(u"city"_s).toString();
            if (!name.isEmpty() && (!withCity || !city.isEmpty()))
                return Known{name, city};
        }
    }
    return std::nullopt;
}

} // namespace

class TestConnectDirectory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::VaultFixture> f;
    std::unique_ptr<ConnectService> service;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        service = f->service();
        const Status ready = service->ready().result();
        QVERIFY2(ready.ok(), test::why(ready).constData());
    }

    void cleanup()
    {
        service.reset();
        f->release();
        f.reset();
        DemoEndpoints::unregisterAll();
    }

    void builtinsAfterStart()
    {
        auto all = service->listEndpoints().result();
        QVERIFY(all.ok());
        QStringList ids;
        for (const Endpoint& e : *all)
            ids.append(e.id);
        QVERIFY(ids.contains(u"demo-epic"_s));
        QVERIFY(ids.contains(u"demo-athena"_s));
        QVERIFY(ids.contains(u"epic-sandbox"_s));
        QVERIFY(ids.contains(u"athena-preview"_s));
        // A second service on the same vault (the next start) does not duplicate them.
        service.reset();
        service = f->service();
        QVERIFY(service->ready().result().ok());
        QCOMPARE(service->listEndpoints().result()->size(), all->size());
    }

    void importEveryCorpusFile()
    {
        const QStringList files = corpusDirectoryFiles();
        if (files.isEmpty())
            QSKIP("The FHIR corpus (HH_CORPUS_DIR/directory) is not present.");
        int total = 0;
        for (const QString& path : files) {
            auto imported = service->importDirectory(path).result();
            QVERIFY2(imported.ok(), qPrintable(path + u": "_s + QString::fromUtf8(test::why(imported))));
            QVERIFY2(imported->added + imported->updated > 0 || total > 0, qPrintable(path));
            total += imported->added;
            QVERIFY(imported->source == u"epic-directory" || imported->source == u"brands");
            // Importing the same file again adds nothing.
            auto again = service->importDirectory(path).result();
            QVERIFY(again.ok());
            QCOMPARE(again->added, 0);
        }
        QVERIFY2(total >= 400, qPrintable(QString::number(total))); // Epic's 2026 directory alone lists 479
        auto all = service->searchEndpoints(QString(), 0, 1).result();
        QCOMPARE(all->total, total + 4); // + the built-ins

        // Every imported base is https (or loopback http), without a trailing slash.
        auto list = service->listEndpoints().result();
        for (const Endpoint& e : *list) {
            if (e.builtin)
                continue;
            const QUrl url(e.fhirBaseUrl);
            QVERIFY2(url.scheme() == u"https" || url.host() == u"127.0.0.1", qPrintable(e.fhirBaseUrl));
            QVERIFY2(!e.fhirBaseUrl.endsWith(u'/'), qPrintable(e.fhirBaseUrl));
            QVERIFY(!e.name.isEmpty());
        }

        // Search by name finds an organization read straight from Epic's file (whose entries have no city).
        const QString epicFile = QStringLiteral(HH_CORPUS_DIR "/directory/epic/epic-fhir-endpoints-r4.json");
        const auto known = firstOrganization(epicFile, false);
        QVERIFY(known.has_value());
        auto byName = service->searchEndpoints(known->name.toUpper(), 0, 50).result();
        QVERIFY(byName.ok());
        bool found = false;
        for (const Endpoint& e : byName->items)
            found = found || (e.name == known->name && e.vendor == u"epic");
        QVERIFY2(found, qPrintable(known->name));
        // Search by city: Oracle Health's directory lists addresses.
        const QString oracleFile = QStringLiteral(HH_CORPUS_DIR "/directory/oracle-health/soarian_patient_r4_endpoints.json");
        const auto withCity = firstOrganization(oracleFile, true);
        QVERIFY(withCity.has_value());
        auto byCity = service->searchEndpoints(withCity->city.toLower(), 0, 1000).result();
        QVERIFY(byCity->total >= 1);
        found = false;
        for (const Endpoint& e : byCity->items) {
            QVERIFY(e.city.contains(withCity->city, Qt::CaseInsensitive)
                    || e.name.contains(withCity->city, Qt::CaseInsensitive));
            found = found || e.city == withCity->city;
        }
        QVERIFY2(found, qPrintable(withCity->city));

        // Paging through everything visits each row once.
        QSet<QString> seen;
        for (int offset = 0; offset < all->total; offset += 97) {
            auto page = service->searchEndpoints(QString(), offset, 97).result();
            for (const Endpoint& e : page->items)
                seen.insert(e.id);
        }
        QCOMPARE(seen.size(), all->total);
    }

    void importFromUrl()
    {
        const QString path = QStringLiteral(HH_CORPUS_DIR "/directory/epic/lantern-EpicEndpointSourcesR4.json");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("The FHIR corpus (HH_CORPUS_DIR/directory) is not present.");
        FileServer server(file.readAll());
        auto future = service->importDirectory(server.url().toString());
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        auto imported = future.result();
        QVERIFY2(imported.ok(), test::why(imported).constData());
        QVERIFY(imported->added > 100);
        QCOMPARE(server.requests, 1);
        QCOMPARE(imported->source, u"epic-directory"_s);

        // Non-loopback http is refused before anything is sent.
        auto refused = service->importDirectory(u"http://example.org/directory.json"_s).result();
        QCOMPARE(refused.error().code(), ErrorCode::InvalidInput);
        // A file that is no directory is refused and adds nothing.
        auto notJson = service->importDirectory(QStringLiteral(HH_TEST_DATA_DIR "/does-not-exist.json")).result();
        QVERIFY(!notJson.ok());
    }

    void addByUrlUsesDiscovery()
    {
        demo::DemoServer server;
        auto port = server.start({});
        QVERIFY(port.ok());
        const QUrl base = server.endpoint(u"demo-athena"_s)->fhirBaseUrl;

        auto future = service->addEndpoint(u"Sandbox practice"_s, base, u"healthhub-demo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        auto added = future.result();
        QVERIFY2(added.ok(), test::why(added).constData());
        QCOMPARE(added->vendor, u"other"_s);
        QCOMPARE(added->source, u"manual"_s);
        QCOMPARE(added->clientId, u"healthhub-demo"_s);
        QCOMPARE(QUrl(added->fhirBaseUrl), base);
        const QJsonObject config = QJsonDocument::fromJson(added->smartConfig.toUtf8()).object();
        QVERIFY(!config.isEmpty()); // the discovered configuration is cached
        QVERIFY(QJsonDocument(config).toJson().contains("/oauth2/v1/token"));

        // It is in the directory and searchable.
        auto found = service->searchEndpoints(u"sandbox PRACTICE"_s, 0, 10).result();
        QCOMPARE(found->total, 1);
        QCOMPARE(found->items.first().id, added->id);

        // The same again: refused as a duplicate.
        auto dup = service->addEndpoint(u"Sandbox practice"_s, base);
        QTRY_VERIFY_WITH_TIMEOUT(dup.isFinished(), 20000);
        QCOMPARE(dup.result().error().code(), ErrorCode::AlreadyExists);

        // No SMART server there: nothing stored.
        const QUrl nothing(u"http://127.0.0.1:%1/nothing/fhir"_s.arg(*port));
        auto none = service->addEndpoint(u"Nothing"_s, nothing);
        QTRY_VERIFY_WITH_TIMEOUT(none.isFinished(), 20000);
        QVERIFY(!none.result().ok());
        QCOMPARE(service->searchEndpoints(u"Nothing"_s, 0, 10).result()->total, 0);

        // Plain http to another host is refused.
        auto insecure = service->addEndpoint(u"Insecure"_s, QUrl(u"http://fhir.example.org/r4"_s)).result();
        QCOMPARE(insecure.error().code(), ErrorCode::InvalidInput);
    }

    void settingsThroughTheService()
    {
        // No client id for Epic's sandbox yet: a sign-in asks for one.
        auto begin = service->beginLogin(f->mom.id, u"epic-sandbox"_s).result();
        QCOMPARE(begin.error().code(), ErrorCode::InvalidInput);
        QVERIFY(begin.error().message().contains(u"client id"_s));

        VendorSettings epic;
        epic.clientId = u"my-epic-client"_s;
        QVERIFY(service->setVendorSettings(u"epic"_s, epic).result().ok());
        auto effective = service->effectiveSettings(u"epic-sandbox"_s).result();
        QCOMPARE(effective->clientId, u"my-epic-client"_s);
        QCOMPARE(service->effectiveSettings(u"demo-epic"_s).result()->clientId, u"healthhub-demo"_s);

        auto bad = service->setEndpointOverrides(u"epic-sandbox"_s, {}, u"http://example.org/cb"_s, {}).result();
        QCOMPARE(bad.error().code(), ErrorCode::InvalidInput);
        QVERIFY(service->setEndpointOverrides(u"epic-sandbox"_s, u"override"_s, {}, {}).result().ok());
        QCOMPARE(service->effectiveSettings(u"epic-sandbox"_s).result()->clientId, u"override"_s);
        QCOMPARE(service->setVendorSettings(u"cerner"_s, epic).result().error().code(), ErrorCode::InvalidInput);

        // A demo endpoint whose server is not running cannot start a sign-in.
        auto demo = service->beginLogin(f->mom.id, u"demo-epic"_s).result();
        QVERIFY(!demo.ok());
        // An unknown profile is refused.
        auto stranger = service->beginLogin(u"no-such-profile"_s, u"demo-epic"_s).result();
        QCOMPARE(stranger.error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestConnectDirectory)
#include "TestConnectDirectory.moc"
