#pragma once

// Helpers of the WebEngine connect tests: run JavaScript in a page and wait for its answer, wait for a
// demo portal element, plain HTTP calls to the demo server (the server runs in the test's thread, so
// every wait spins the event loop: QTest::qWaitFor, never a blocking wait).

#include "core/demo/DemoServer.h"
#include "ui/connect/LoginDialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <memory>

namespace hh::test {

inline QVariant runJs(QWebEnginePage* page, const QString& script, int timeoutMs = 10000)
{
    auto result = std::make_shared<QVariant>();
    auto done = std::make_shared<bool>(false);
    page->runJavaScript(script, [result, done](const QVariant& v) {
        *result = v;
        *done = true;
    });
    if (!QTest::qWaitFor([done] { return *done; }, timeoutMs))
        return {};
    return *result;
}

inline bool waitForElement(QWebEnginePage* page, const QString& id, int timeoutMs = 20000)
{
    const QString script = QStringLiteral("document.getElementById('%1') !== null").arg(id);
    return QTest::qWaitFor([&] { return runJs(page, script, 2000).toBool(); }, timeoutMs);
}

// Signs in on a demo portal page (login form, then consent) and chooses allow or deny.
inline bool signInOnDemoPortal(QWebEnginePage* page, const QString& user, bool allow)
{
    if (!waitForElement(page, QStringLiteral("login-form")))
        return false;
    runJs(page, QStringLiteral("document.getElementById('username').value = '%1';"
                               "document.getElementById('password').value = 'demo';"
                               "document.getElementById('login-form').submit(); true")
                    .arg(user));
    if (!waitForElement(page, QStringLiteral("consent-form")))
        return false;
    runJs(page, QStringLiteral("document.getElementById('%1').click(); true").arg(allow ? u"allow" : u"deny"));
    return true;
}

inline QWebEnginePage* loginPage(ui::LoginDialog* dialog)
{
    auto* view = dialog->findChild<QWebEngineView*>(QStringLiteral("loginWebView"));
    return view ? view->page() : nullptr;
}

struct HttpResult {
    int status = 0;
    QByteArray body;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline HttpResult http(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                       const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    for (const auto& [name, value] : headers)
        req.setRawHeader(name, value);
    if (!body.isEmpty() && !req.hasRawHeader("Content-Type"))
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = nam.sendCustomRequest(req, verb, body);
    HttpResult r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

inline QByteArray form(const QList<QPair<QString, QByteArray>>& fields)
{
    QByteArray out;
    for (const auto& [key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(QString::fromLatin1(value));
    }
    return out;
}

// GET {base}/Patient/{id} with the token: 200 when the server accepts it.
inline int fhirStatus(const QUrl& base, const QString& patientId, const QByteArray& token)
{
    QUrl url = base;
    url.setPath(base.path() + QStringLiteral("/Patient/") + patientId);
    return http("GET", url, {}, {{"Authorization", "Bearer " + token}, {"Accept", "application/fhir+json"}}).status;
}

// The demo's OAuth operation URL of an endpoint (…/oauth2/{op} for demo-epic, …/oauth2/v1/{op} for demo-athena).
inline QUrl demoOAuthUrl(const demo::DemoServer& server, const QString& endpointId, const QString& operation)
{
    const QString root = QStringLiteral("http://127.0.0.1:%1/%2").arg(server.port()).arg(endpointId);
    return QUrl(endpointId == u"demo-athena" ? root + QStringLiteral("/oauth2/v1/") + operation
                                             : root + QStringLiteral("/oauth2/") + operation);
}

inline bool introspectActive(const demo::DemoServer& server, const QString& endpointId, const QByteArray& token)
{
    const HttpResult r = http("POST", demoOAuthUrl(server, endpointId, QStringLiteral("introspect")),
                              form({{QStringLiteral("token"), token}}));
    return r.json().value(QStringLiteral("active")).toBool();
}

inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace hh::test
