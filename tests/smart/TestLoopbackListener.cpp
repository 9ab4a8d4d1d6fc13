// The loopback redirect listener for the "open in my browser instead" fallback.
#include "core/smart/LoopbackRedirectListener.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;

namespace {

struct Answer {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

// A browser-like GET; returns status and body.
Answer get(QNetworkAccessManager& nam, const QUrl& url, const QByteArray& verb = "GET")
{
    QNetworkRequest req(url);
    QNetworkReply* reply = verb == "GET" ? nam.get(req) : nam.sendCustomRequest(req, verb, QByteArray("x=1"));
    QDeadlineTimer deadline(10000);
    while (!reply->isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return a;
}

} // namespace

class TestLoopbackListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodStateCompletesAndCloses();
    void badStateGets400AndKeepsListening();
    void errorRedirectWithGoodState();
    void otherPathsAndMethods();
    void requestInPiecesAndOversizedRequest();
    void timeoutEmitsFailed();
    void fixedPortAndPortInUse();
    void invalidArguments();
};

void TestLoopbackListener::goodStateCompletesAndCloses()
{
    LoopbackRedirectListener listener;
    QStringList seen;
    QVERIFY(listener
                .listen(0, u"/callback"_s,
                        [&seen](const QString& s) {
                            seen.append(s);
                            return s == u"good-state";
                        })
                .ok());
    QVERIFY(listener.isListening());
    QVERIFY(listener.port() != 0);
    QCOMPARE(listener.redirectUri(), QUrl(u"http://127.0.0.1:%1/callback"_s.arg(listener.port())));
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);

    QNetworkAccessManager nam;
    QUrl url = listener.redirectUri();
    url.setQuery(u"code=abc%2B123&state=good-state"_s);
    const Answer a = get(nam, url);
    QCOMPARE(a.status, 200);
    QVERIFY(a.contentType.startsWith("text/html"));
    QVERIFY(a.body.contains("close this window"));
    QVERIFY(!a.body.contains("abc")); // the code is never echoed
    QTRY_COMPARE(received.count(), 1);
    const auto result = received.first().first().value<RedirectResult>();
    QCOMPARE(result.kind, RedirectResult::Kind::Code);
    QCOMPARE(result.code.toByteArray(), QByteArray("abc+123"));
    QCOMPARE(result.state, u"good-state"_s);
    QCOMPARE(seen, QStringList{u"good-state"_s});
    QVERIFY(!listener.isListening());

    // Closed: a second attempt cannot connect.
    const Answer again = get(nam, url);
    QCOMPARE(again.status, 0);
    QCOMPARE(received.count(), 1);
}

void TestLoopbackListener::badStateGets400AndKeepsListening()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener.listen(0, u"/callback"_s, [](const QString& s) { return s == u"good"; }).ok());
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);
    QSignalSpy rejected(&listener, &LoopbackRedirectListener::requestRejected);
    QNetworkAccessManager nam;

    QUrl bad = listener.redirectUri();
    bad.setQuery(u"code=abc&state=forged"_s);
    QCOMPARE(get(nam, bad).status, 400);
    QUrl missing = listener.redirectUri();
    missing.setQuery(u"code=abc"_s);
    QCOMPARE(get(nam, missing).status, 400);
    QUrl malformed = listener.redirectUri();
    malformed.setQuery(u"state=good"_s); // neither code nor error
    QCOMPARE(get(nam, malformed).status, 400);
    QCOMPARE(received.count(), 0);
    QCOMPARE(rejected.count(), 3);
    QVERIFY(listener.isListening());

    QUrl good = listener.redirectUri();
    good.setQuery(u"code=abc&state=good"_s);
    QCOMPARE(get(nam, good).status, 200);
    QTRY_COMPARE(received.count(), 1);
}

void TestLoopbackListener::errorRedirectWithGoodState()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener.listen(0, u"/cb"_s, [](const QString& s) { return s == u"st"; }).ok());
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);
    QNetworkAccessManager nam;
    QUrl url = listener.redirectUri();
    url.setQuery(u"error=access_denied&error_description=User%20cancelled&state=st"_s);
    const Answer a = get(nam, url);
    QCOMPARE(a.status, 200);
    QTRY_COMPARE(received.count(), 1);
    const auto result = received.first().first().value<RedirectResult>();
    QCOMPARE(result.kind, RedirectResult::Kind::Error);
    QCOMPARE(result.error, u"access_denied"_s);
    QCOMPARE(result.errorDescription, u"User cancelled"_s);
    QVERIFY(!listener.isListening());
}

void TestLoopbackListener::otherPathsAndMethods()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener.listen(0, u"/callback"_s, [](const QString&) { return true; }).ok());
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);
    QNetworkAccessManager nam;
    QUrl favicon = listener.redirectUri();
    favicon.setPath(u"/favicon.ico"_s);
    QCOMPARE(get(nam, favicon).status, 404);
    QUrl post = listener.redirectUri();
    post.setQuery(u"code=a&state=b"_s);
    QCOMPARE(get(nam, post, "POST").status, 405);
    QCOMPARE(received.count(), 0);
    QVERIFY(listener.isListening());
}

void TestLoopbackListener::requestInPiecesAndOversizedRequest()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener.listen(0, u"/callback"_s, [](const QString& s) { return s == u"s1"; }).ok());
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);

    // Oversized headers: 431, still listening.
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /callback?code=x&state=s1 HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a'));
        QByteArray response;
        QTRY_VERIFY((response += socket.readAll()).contains("\r\n\r\n"));
        QVERIFY(response.startsWith("HTTP/1.1 431"));
    }
    QVERIFY(listener.isListening());
    QCOMPARE(received.count(), 0);

    // A request arriving in two pieces.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, listener.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /callback?code=piece&state=s1 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    QVERIFY(socket.waitForBytesWritten(5000));
    socket.write("User-Agent: test\r\n\r\n");
    QTRY_COMPARE(received.count(), 1);
    QByteArray response;
    QTRY_VERIFY((response += socket.readAll()).contains("\r\n\r\n"));
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(response.contains("Cache-Control: no-store"));
    QCOMPARE(received.first().first().value<RedirectResult>().code.toByteArray(), QByteArray("piece"));
}

void TestLoopbackListener::timeoutEmitsFailed()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener
                .listen(
                    0, u"/callback"_s, [](const QString&) { return true; }, std::chrono::milliseconds(200))
                .ok());
    QSignalSpy failed(&listener, &LoopbackRedirectListener::failed);
    QSignalSpy received(&listener, &LoopbackRedirectListener::redirectReceived);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Error>().code(), ErrorCode::Network);
    QVERIFY(!listener.isListening());
    QCOMPARE(received.count(), 0);
}

void TestLoopbackListener::fixedPortAndPortInUse()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 busy = probe.serverPort();

    LoopbackRedirectListener clash;
    auto status = clash.listen(busy, u"/callback"_s, [](const QString&) { return true; });
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code(), ErrorCode::Io);
    QVERIFY(!clash.isListening());

    probe.close();
    LoopbackRedirectListener fixed;
    QVERIFY(fixed.listen(busy, u"/callback"_s, [](const QString&) { return true; }).ok());
    QCOMPARE(fixed.port(), busy);
    QCOMPARE(fixed.redirectUri().port(), int(busy));
    fixed.close();
    QVERIFY(!fixed.isListening());
}

void TestLoopbackListener::invalidArguments()
{
    LoopbackRedirectListener listener;
    QVERIFY(!listener.listen(0, u"callback"_s, [](const QString&) { return true; }).ok());
    QVERIFY(!listener.listen(0, u"/callback?x=1"_s, [](const QString&) { return true; }).ok());
    QVERIFY(!listener.listen(0, u"/callback"_s, {}).ok());
}

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "TestLoopbackListener.moc"
