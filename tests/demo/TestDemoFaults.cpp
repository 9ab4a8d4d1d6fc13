// Fault injection: the SPEC grammar, every fault mode over HTTP, and the control endpoint.

#include "DemoTestSupport.h"

#include "core/demo/FaultPlan.h"

#include <QSignalSpy>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

class TestDemoFaults : public QObject
{
    Q_OBJECT

    HttpClient m_http;

    struct Fixture {
        DemoServer server;
        Endpoint epic;
        Endpoint athena;
        QString epicToken;
        QString athenaToken;
        QString epicPatient;
        QString athenaPatient;
    };

    std::unique_ptr<Fixture> start(const QStringList& faults = {})
    {
        auto f = std::make_unique<Fixture>();
        DemoServerOptions o;
        o.faults = faults;
        if (!f->server.start(o).ok())
            return nullptr;
        f->epic = discover(m_http, f->server, u"demo-epic"_s);
        f->athena = discover(m_http, f->server, u"demo-athena"_s);
        const QJsonObject e = launch(m_http, f->epic, u"mother"_s);
        const QJsonObject a = launch(m_http, f->athena, u"mother"_s);
        f->epicToken = e.value(u"access_token"_s).toString();
        f->athenaToken = a.value(u"access_token"_s).toString();
        f->epicPatient = e.value(u"patient"_s).toString();
        f->athenaPatient = a.value(u"patient"_s).toString();
        return f;
    }

    HttpResult epicObservations(Fixture& f)
    {
        return m_http.getWithToken(
            QUrl(f.epic.base.toString() + u"/Observation?category=laboratory&patient="_s + f.epicPatient),
            f.epicToken);
    }

    HttpResult epicPatientRead(Fixture& f)
    {
        return m_http.getWithToken(QUrl(f.epic.base.toString() + u"/Patient/"_s + f.epicPatient), f.epicToken);
    }

private Q_SLOTS:
    void grammar_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("nth");
        QTest::addColumn<int>("times");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("429 nth") << u"429:Observation:2"_s << true << 2 << 1 << 1;
        QTest::newRow("429 default") << u"429"_s << true << 1 << 1 << 1;
        QTest::newRow("every") << u"500:*:*"_s << true << 1 << 0 << -1;
        QTest::newRow("503 options") << u"503:Condition:3,times=2,retry-after=7"_s << true << 3 << 2 << 7;
        QTest::newRow("403") << u"403:Observation"_s << true << 1 << 1 << -1;
        QTest::newRow("slow ms") << u"slow:Patient,ms=1500"_s << true << 1 << 1 << -1;
        QTest::newRow("operation") << u"500:token"_s << true << 1 << 1 << -1;
        QTest::newRow("expire") << u"expire-token:after=5"_s << true << 1 << 1 << -1;
        QTest::newRow("endpoint") << u"truncate:*:1,endpoint=demo-athena"_s << true << 1 << 1 << -1;
        QTest::newRow("empty") << QString() << false << 0 << 0 << 0;
        QTest::newRow("unknown kind") << u"explode"_s << false << 0 << 0 << 0;
        QTest::newRow("bad nth") << u"429:Observation:0"_s << false << 0 << 0 << 0;
        QTest::newRow("bad selector") << u"429:observation"_s << false << 0 << 0 << 0;
        QTest::newRow("bad option") << u"429:Observation,colour=red"_s << false << 0 << 0 << 0;
        QTest::newRow("not key=value") << u"429:Observation,fast"_s << false << 0 << 0 << 0;
        QTest::newRow("negative") << u"slow,ms=-5"_s << false << 0 << 0 << 0;
        QTest::newRow("too many fields") << u"429:A:1:2"_s << false << 0 << 0 << 0;
        QTest::newRow("only an option") << u"ms=5"_s << false << 0 << 0 << 0;
    }

    void grammar()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QFETCH(int, nth);
        QFETCH(int, times);
        QFETCH(int, retryAfter);
        const auto rule = FaultPlan::parse(spec);
        QCOMPARE(rule.ok(), valid);
        if (!valid) {
            QVERIFY(!rule.error().message().isEmpty());
            DemoServer s;
            DemoServerOptions o;
            o.faults = {spec};
            QVERIFY(!s.start(o).ok());
            return;
        }
        QCOMPARE(rule->nth, nth);
        QCOMPARE(rule->times, times);
        QCOMPARE(rule->retryAfter, retryAfter);
    }

    void tooManyRequestsOnTheNthRequest()
    {
        auto f = start({u"429:Observation:2"_s});
        QVERIFY(f);
        QCOMPARE(epicPatientRead(*f).status, 200); // other types are not counted
        QCOMPARE(epicObservations(*f).status, 200);
        const HttpResult r = epicObservations(*f);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(r.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
        QCOMPARE(epicObservations(*f).status, 200); // once
    }

    void serverErrors()
    {
        auto f = start({u"500:Patient"_s, u"503:Observation:1,times=2,retry-after=3"_s});
        QVERIFY(f);
        QCOMPARE(epicPatientRead(*f).status, 500);
        QCOMPARE(epicPatientRead(*f).status, 200);
        HttpResult r = epicObservations(*f);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("3"));
        QCOMPARE(epicObservations(*f).status, 503);
        QCOMPARE(epicObservations(*f).status, 200);
        // 503 without retry-after carries none.
        QVERIFY(f->server.addFault(u"503:Condition"_s).ok());
        r = m_http.getWithToken(QUrl(f->epic.base.toString() + u"/Condition?patient="_s + f->epicPatient),
                                f->epicToken);
        QCOMPARE(r.status, 503);
        QVERIFY(r.header("Retry-After").isEmpty());
        // 403: refused once, with an OperationOutcome, no Retry-After.
        QVERIFY(f->server.addFault(u"403:Observation"_s).ok());
        r = epicObservations(*f);
        QCOMPARE(r.status, 403);
        QVERIFY(r.header("Retry-After").isEmpty());
        QVERIFY(r.body.contains("OperationOutcome"));
        QCOMPARE(epicObservations(*f).status, 200);
    }

    void oauthEndpointsFailToo()
    {
        auto f = start();
        QVERIFY(f);
        QVERIFY(f->server.addFault(u"429:token,endpoint=demo-athena,retry-after=60"_s).ok());
        AuthRequest a;
        const FlowResult flow = signIn(m_http, f->athena, a, u"self"_s);
        const HttpResult r = exchange(m_http, f->athena, a, flow.code);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("60"));
        QCOMPARE(r.json().value(u"error"_s).toString(), u"temporarily_unavailable"_s);
        // The code was not consumed: the retry works.
        QCOMPARE(exchange(m_http, f->athena, a, flow.code).status, 200);
    }

    // A slow reply does not hold up others: a later request finishes first.
    void slowRepliesDoNotBlock()
    {
        auto f = start({u"slow:Observation,ms=700"_s});
        QVERIFY(f);
        QNetworkReply* slow = m_http.start(
            "GET", QUrl(f->epic.base.toString() + u"/Observation?category=laboratory&patient="_s + f->epicPatient),
            {}, {{"Authorization", "Bearer " + f->epicToken.toLatin1()}});
        QSignalSpy slowDone(slow, &QNetworkReply::finished);
        const HttpResult fast = epicPatientRead(*f);
        QCOMPARE(fast.status, 200);
        QCOMPARE(slowDone.count(), 0); // still waiting while the fast one was served
        QVERIFY(slowDone.wait(10000));
        const HttpResult r = HttpClient::collect(slow);
        slow->deleteLater();
        QCOMPARE(r.status, 200);
        QVERIFY(r.isJson());
    }

    void truncatedAndMalformedJson()
    {
        auto f = start({u"truncate:Observation"_s, u"malformed:Patient"_s});
        QVERIFY(f);
        const HttpResult t = epicObservations(*f);
        QCOMPARE(t.status, 200);
        QCOMPARE(t.error, QNetworkReply::NoError); // a complete HTTP reply ...
        QCOMPARE(t.header("Content-Length").toInt(), t.body.size());
        QVERIFY(!t.isJson()); // ... whose JSON is cut
        QVERIFY(epicObservations(*f).isJson());
        const HttpResult m = epicPatientRead(*f);
        QCOMPARE(m.status, 200);
        QVERIFY(m.header("Content-Type").contains("json"));
        QVERIFY(!m.isJson());
        QVERIFY(epicPatientRead(*f).isJson());
    }

    void droppedConnection()
    {
        auto f = start({u"drop:Observation"_s});
        QVERIFY(f);
        const HttpResult r = epicObservations(*f);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(epicObservations(*f).status, 200);
    }

    void endlessPaging_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("epic") << u"demo-epic"_s;
        QTest::newRow("athena") << u"demo-athena"_s;
    }

    void endlessPaging()
    {
        QFETCH(QString, endpoint);
        auto f = start({u"endless:Condition"_s});
        QVERIFY(f);
        const bool epic = endpoint == u"demo-epic";
        const QUrl first(QString((epic ? f->epic : f->athena).base.toString() + u"/Condition?_count=2&patient="_s +
                                 (epic ? f->epicPatient : f->athenaPatient)));
        const SearchResult s = searchAll(m_http, first, epic ? f->epicToken : f->athenaToken, 30);
        QCOMPARE(s.lastStatus, 200);
        QCOMPARE(s.bundles.size(), 30);
        QCOMPARE(s.nextLinks.size(), 30);                                           // every page has a next link
        QCOMPARE(QSet<QString>(s.nextLinks.begin(), s.nextLinks.end()).size(), 30); // each to another page
        QVERIFY(!s.nextLinks.contains(first.toString()));
        // Other types end normally.
        const SearchResult other =
            searchAll(m_http,
                      QUrl((epic ? f->epic : f->athena).base.toString() + u"/Immunization?patient="_s +
                           (epic ? f->epicPatient : f->athenaPatient)),
                      epic ? f->epicToken : f->athenaToken, 30);
        QVERIFY(other.nextLinks.isEmpty());
    }

    void tokenExpiresMidSync()
    {
        auto f = start({u"expire-token:after=3"_s});
        QVERIFY(f);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(epicObservations(*f).status, 200);
        const HttpResult r = epicObservations(*f);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate").contains("invalid_token"));
        QCOMPARE(epicPatientRead(*f).status, 401); // the token stays expired
        // A new token (athena: by refresh) keeps working: the fault fired once.
        const QJsonObject fresh = launch(m_http, f->epic, u"mother"_s);
        f->epicToken = fresh.value(u"access_token"_s).toString();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(epicObservations(*f).status, 200);
    }

    void expireTokenEveryToken()
    {
        auto f = start({u"expire-token:Patient,after=1,times=0"_s});
        QVERIFY(f);
        const QUrl url(f->athena.base.toString() + u"/Patient/"_s + f->athenaPatient);
        QCOMPARE(m_http.getWithToken(url, f->athenaToken).status, 200);
        QCOMPARE(m_http.getWithToken(url, f->athenaToken).status, 401);
        const QJsonObject again = launch(m_http, f->athena, u"mother"_s);
        QCOMPARE(m_http.getWithToken(url, again.value(u"access_token"_s).toString()).status, 200);
        QCOMPARE(m_http.getWithToken(url, again.value(u"access_token"_s).toString()).status, 401);
    }

    void controlEndpoint()
    {
        auto f = start();
        QVERIFY(f);
        const QString control = u"http://127.0.0.1:%1/_control/faults"_s.arg(f->server.port());
        HttpResult r = m_http.wait(m_http.start("POST", QUrl(control), "429:Observation:1,retry-after=2",
                                                {{"Content-Type", "text/plain"}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"faults"_s).toArray().size(), 1);
        r = epicObservations(*f);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("2"));
        // JSON form, listing, invalid spec, clearing.
        r = m_http.postJson(QUrl(control), QJsonObject{{u"spec"_s, u"500:Patient"_s}});
        QCOMPARE(r.status, 201);
        QCOMPARE(m_http.get(QUrl(control)).json().value(u"faults"_s).toArray().size(), 2);
        QCOMPARE(f->server.faults().size(), 2);
        r = m_http.postJson(QUrl(control), QJsonObject{{u"spec"_s, u"nonsense"_s}});
        QCOMPARE(r.status, 400);
        QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
        r = m_http.wait(m_http.start("DELETE", QUrl(control)));
        QCOMPARE(r.status, 204);
        QCOMPARE(epicPatientRead(*f).status, 200);
        QVERIFY(f->server.faults().isEmpty());
        // Expire every token now.
        r = m_http.wait(
            m_http.start("POST", QUrl(u"http://127.0.0.1:%1/_control/expire-tokens"_s.arg(f->server.port()))));
        QCOMPARE(r.status, 204);
        QCOMPARE(epicPatientRead(*f).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestDemoFaults)
#include "TestDemoFaults.moc"
