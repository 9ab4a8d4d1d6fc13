// --replay: every request of each recorded Epic and athenahealth sync in the corpus is answered with the
// recorded status, Content-Type and body (the recorded base URL replaced by the replay endpoint's).

#include "DemoTestSupport.h"

#include <QDir>
#include <QFile>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

namespace {

QString corpus()
{
    return QStringLiteral(HH_CORPUS_DIR);
}

QString recordedBase(const QString& url)
{
    for (const QString& marker : {u"/api/FHIR/R4"_s, u"/fhir/r4"_s}) {
        const qsizetype at = url.indexOf(marker);
        if (at >= 0)
            return url.left(at + marker.size());
    }
    return {};
}

} // namespace

class TestDemoReplay : public QObject
{
    Q_OBJECT

    HttpClient m_http;

    void replayFolder(const QString& vendorDir)
    {
        const QString folder = corpus() + u'/' + vendorDir;
        if (!QDir(folder).exists())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        DemoServer server;
        DemoServerOptions o;
        o.replayDir = folder;
        const auto started = server.start(o);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message()));
        const QStringList recordings = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(!recordings.isEmpty());
        int checked = 0;
        for (int i = 0; i < recordings.size(); ++i) {
            const QString dir = folder + u'/' + recordings.at(i);
            const QString id = u"replay-%1-%2"_s.arg(vendorDir).arg(i + 1);
            const auto ep = server.endpoint(id);
            QVERIFY2(ep.has_value(), qPrintable(id));
            QVERIFY(ep->name.contains(recordings.at(i)));
            QCOMPARE(ep->vendor, vendorDir);
            const QString base = ep->fhirBaseUrl.toString();
            QVERIFY(base.startsWith(u"http://127.0.0.1:%1/replay/%2/"_s.arg(server.port()).arg(i + 1)));
            QVERIFY(base.endsWith(vendorDir == u"epic" ? u"/api/FHIR/R4"_s : u"/fhir/r4"_s));

            // Sign in like against any demo endpoint; the token is for the recorded patient.
            const Endpoint e = discover(m_http, server, id);
            const QJsonObject token = launch(m_http, e, u"self"_s);
            const QString access = token.value(u"access_token"_s).toString();
            QVERIFY(!access.isEmpty());

            QFile index(dir + u"/index.json"_s);
            QVERIFY(index.open(QIODevice::ReadOnly));
            const QJsonArray tracks =
                QJsonDocument::fromJson(index.readAll()).object().value(u"tracks"_s).toArray();
            QHash<int, QJsonObject> bySeq;
            for (const QJsonValue& v : tracks)
                if (v.toObject().contains(u"seq"_s))
                    bySeq.insert(v.toObject().value(u"seq"_s).toInt(), v.toObject());
            QString patientId;
            for (const QJsonValue& v : tracks) {
                QJsonObject t = v.toObject();
                const QString recordedUrl = t.value(u"url"_s).toString();
                const QString rbase = recordedBase(recordedUrl);
                QVERIFY(!rbase.isEmpty());
                if (patientId.isEmpty() && recordedUrl.mid(rbase.size()).startsWith(u"/Patient/"_s))
                    patientId = recordedUrl.mid(rbase.size() + 9);
                if (t.contains(u"repeat_of"_s)) // a repeat answers like the first occurrence
                    t = bySeq.value(t.value(u"repeat_of"_s).toInt());
                const QUrl ours(base + recordedUrl.mid(rbase.size()));
                const HttpResult r = m_http.getWithToken(ours, access);
                QVERIFY2(r.status == t.value(u"status"_s).toInt(),
                         qPrintable(u"%1 -> %2"_s.arg(recordedUrl).arg(r.status)));
                const QString file = t.value(u"file"_s).toString();
                if (!file.isEmpty()) {
                    QFile body(dir + u'/' + file);
                    QVERIFY(body.open(QIODevice::ReadOnly));
                    QByteArray expected = body.readAll();
                    expected.replace(rbase.toUtf8(), base.toUtf8());
                    QCOMPARE(r.body, expected);
                    QCOMPARE(r.header("Content-Type"), t.value(u"content_type"_s).toString().toLatin1());
                    // Links in the body lead back to the replay endpoint.
                    QVERIFY(!r.body.contains(rbase.toUtf8()));
                } else if (t.value(u"note"_s).toString().startsWith(u"empty body"_s)) {
                    QVERIFY(r.body.isEmpty());
                } else {
                    QVERIFY(r.header("Content-Type").startsWith("text/html"));
                }
                ++checked;
            }
            QCOMPARE(token.value(u"patient"_s).toString(), patientId);
            // Something that was not recorded.
            const HttpResult unknown = m_http.getWithToken(QUrl(base + u"/Patient/nobody"_s), access);
            QCOMPARE(unknown.status, 404);
            // The bearer token is still required.
            QCOMPARE(m_http.get(QUrl(base + u"/Patient/"_s + patientId)).status, 401);
        }
        QVERIFY(checked > 0);
    }

private Q_SLOTS:
    void epicRecordings() { replayFolder(u"epic"_s); }
    void athenaRecordings() { replayFolder(u"athena"_s); }

    // A client pointed at the replay endpoint can follow the recorded paging to the end.
    void followRecordedPaging_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<QString>("firstQuery");
        QTest::addColumn<int>("expected");
        QTest::newRow("epic sessionID")
            << u"epic/fasten-sandbox-2025-12-20_desiree-powell_eAB3mDIBBcyUKviyzrxsnAw3"_s
            << u"Observation?_count=50&category=vital-signs&patient=eAB3mDIBBcyUKviyzrxsnAw3"_s << 388;
        QTest::newRow("athena cursor") << u"athena/fasten-preview-2024-11-23_a-80000.E-14545"_s
                                       << u"Observation?_count=50&patient=a-80000.E-14545"_s << 491;
    }

    void followRecordedPaging()
    {
        QFETCH(QString, recording);
        QFETCH(QString, firstQuery);
        QFETCH(int, expected);
        if (!QDir(corpus() + u'/' + recording).exists())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        DemoServer server;
        DemoServerOptions o;
        o.replayDir = corpus() + u'/' + recording; // a single recording
        QVERIFY(server.start(o).ok());
        QCOMPARE(server.endpoints().size(), 3);
        const DemoEndpoint ep = server.endpoints().last();
        const Endpoint e = discover(m_http, server, ep.id);
        const QString access = launch(m_http, e, u"mother"_s).value(u"access_token"_s).toString();
        const SearchResult s = searchAll(m_http, QUrl(ep.fhirBaseUrl.toString() + u'/' + firstQuery), access);
        QCOMPARE(s.lastStatus, 200);
        QCOMPARE(s.resources.size(), expected);
        QVERIFY(s.nextLinks.size() >= 7);
        for (const QString& next : s.nextLinks)
            QVERIFY(next.startsWith(ep.fhirBaseUrl.toString()));
    }

    void badReplayDirectory()
    {
        DemoServer server;
        DemoServerOptions o;
        o.replayDir = u"/nonexistent/replay"_s;
        const auto r = server.start(o);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message().isEmpty());
        QVERIFY(!server.isRunning());
        o.replayDir = QStringLiteral(HH_TEST_DATA_DIR); // no index.json anywhere below
        QVERIFY(!server.start(o).ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoReplay)
#include "TestDemoReplay.moc"
