#pragma once

// Helpers for the demo health system tests: a small HTTP client on QNetworkAccessManager (same thread and
// event loop as the server), PKCE values, and a browser-like walk through the login and consent pages.

#include "core/demo/DemoServer.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

namespace hh::demo::test {

using namespace Qt::StringLiterals;

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJson() const
    {
        QJsonParseError e;
        QJsonDocument::fromJson(body, &e);
        return e.error == QJsonParseError::NoError;
    }
};

class HttpClient
{
public:
    // Starts a request; the reply is owned by the client's manager.
    QNetworkReply* start(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                         const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setTransferTimeout(20000);
        for (const auto& [k, v] : headers)
            req.setRawHeader(k, v);
        return m_nam.sendCustomRequest(req, verb, body);
    }

    static HttpResult collect(QNetworkReply* reply)
    {
        HttpResult r;
        r.finished = reply->isFinished();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        r.error = reply->error();
        return r;
    }

    static HttpResult wait(QNetworkReply* reply)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        HttpResult r = collect(reply);
        reply->deleteLater();
        return r;
    }

    HttpResult get(const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        return wait(start("GET", url, {}, headers));
    }

    HttpResult getWithToken(const QUrl& url, const QString& token, const QByteArray& accept = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token.toLatin1()}};
        if (!accept.isEmpty())
            headers.append(qMakePair(QByteArray("Accept"), accept));
        return get(url, headers);
    }

    HttpResult postForm(const QUrl& url, const QList<QPair<QString, QString>>& fields,
                        const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {})
    {
        QByteArray body;
        for (const auto& [k, v] : fields) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        auto headers = extraHeaders;
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        return wait(start("POST", url, body, headers));
    }

    HttpResult postJson(const QUrl& url, const QJsonObject& o,
                        const QList<QPair<QByteArray, QByteArray>>& extra = {})
    {
        auto headers = extra;
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return wait(start("POST", url, QJsonDocument(o).toJson(QJsonDocument::Compact), headers));
    }

private:
    QNetworkAccessManager m_nam;
};

inline QString randomVerifier()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::global()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline QString challengeOf(const QString& verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// value="…" of the input named `name` in an HTML form (the pages escape values with toHtmlEscaped()).
inline QString inputValue(const QByteArray& html, const QString& name)
{
    const QRegularExpression re(u"name=\"%1\"[^>]*value=\"([^\"]*)\""_s.arg(QRegularExpression::escape(name)));
    const auto m = re.match(QString::fromUtf8(html));
    if (!m.hasMatch())
        return {};
    QString v = m.captured(1);
    v.replace(u"&quot;"_s, u"\""_s)
        .replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&amp;"_s, u"&"_s);
    return v;
}

struct Endpoint {
    QString id;
    QUrl base; // FHIR base
    QUrl authorize;
    QUrl token;
    QUrl revoke;
    QUrl introspect;
    QJsonObject smart;
};

// Discovers an endpoint of a running server (smart-configuration).
inline Endpoint discover(HttpClient& http, const DemoServer& server, const QString& id)
{
    Endpoint e;
    e.id = id;
    e.base = server.endpoint(id)->fhirBaseUrl;
    const HttpResult r = http.get(QUrl(e.base.toString() + u"/.well-known/smart-configuration"_s));
    e.smart = r.json();
    e.authorize = QUrl(e.smart.value(u"authorization_endpoint"_s).toString());
    e.token = QUrl(e.smart.value(u"token_endpoint"_s).toString());
    e.revoke = QUrl(e.smart.value(u"revocation_endpoint"_s).toString());
    e.introspect = QUrl(e.smart.value(u"introspection_endpoint"_s).toString());
    return e;
}

struct AuthRequest {
    QString clientId = DemoServer::demoClientId();
    QString redirectUri = u"http://127.0.0.1:8765/callback"_s;
    QString scope = u"launch/patient openid fhirUser offline_access patient/*.read"_s;
    QString state = u"st-"_s + randomVerifier();
    QString verifier = randomVerifier();
    QString method = u"S256"_s;
    QString aud; // default: the endpoint base
    bool omitAud = false;
    QString loginHint;
    QString nonce;
};

inline QUrl authorizeUrl(const Endpoint& e, const AuthRequest& a)
{
    QUrl url = e.authorize;
    QUrlQuery q;
    const auto add = [&](const QString& k, const QString& v) {
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    };
    add(u"response_type"_s, u"code"_s);
    add(u"client_id"_s, a.clientId);
    add(u"redirect_uri"_s, a.redirectUri);
    add(u"scope"_s, a.scope);
    add(u"state"_s, a.state);
    if (!a.omitAud)
        add(u"aud"_s, a.aud.isEmpty() ? e.base.toString() : a.aud);
    add(u"code_challenge"_s, a.method == u"plain" ? a.verifier : challengeOf(a.verifier));
    add(u"code_challenge_method"_s, a.method);
    if (!a.loginHint.isEmpty())
        add(u"login_hint"_s, a.loginHint);
    if (!a.nonce.isEmpty())
        add(u"nonce"_s, a.nonce);
    url.setQuery(q);
    return url;
}

struct FlowResult {
    HttpResult authorizePage;
    HttpResult consentPage;
    HttpResult redirect;
    QUrl location;
    QString code;
    QString state;
    QString error;
};

// GET authorize, POST the login form, POST the consent form like a browser. `decision` = allow | deny.
inline FlowResult signIn(HttpClient& http, const Endpoint& e, const AuthRequest& a, const QString& user,
                         const QString& password = u"demo"_s, const QString& decision = u"allow"_s)
{
    FlowResult f;
    f.authorizePage = http.get(authorizeUrl(e, a));
    if (f.authorizePage.status != 200)
        return f;
    const QUrl loginUrl = e.authorize.resolved(QUrl(u"login"_s));
    const QString txn = inputValue(f.authorizePage.body, u"txn"_s);
    f.consentPage = http.postForm(loginUrl, {{u"txn"_s, txn}, {u"username"_s, user}, {u"password"_s, password}});
    if (f.consentPage.status != 200 || !f.consentPage.body.contains("consent-form"))
        return f;
    const QUrl consentUrl = e.authorize.resolved(QUrl(u"consent"_s));
    f.redirect = http.postForm(consentUrl,
                               {{u"txn"_s, inputValue(f.consentPage.body, u"txn"_s)}, {u"decision"_s, decision}});
    f.location = QUrl::fromEncoded(f.redirect.header("Location"));
    const QUrlQuery q(f.location);
    f.code = q.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    f.state = q.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    f.error = q.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    return f;
}

inline HttpResult exchange(HttpClient& http, const Endpoint& e, const AuthRequest& a, const QString& code)
{
    return http.postForm(e.token, {{u"grant_type"_s, u"authorization_code"_s},
                                   {u"code"_s, code},
                                   {u"redirect_uri"_s, a.redirectUri},
                                   {u"code_verifier"_s, a.verifier},
                                   {u"client_id"_s, a.clientId}});
}

// The whole launch; returns the token reply (empty object on failure).
inline QJsonObject launch(HttpClient& http, const Endpoint& e, const QString& user,
                          const QString& scope = u"launch/patient openid fhirUser offline_access patient/*.read"_s)
{
    AuthRequest a;
    a.scope = scope;
    const FlowResult f = signIn(http, e, a, user);
    if (f.code.isEmpty())
        return {};
    return exchange(http, e, a, f.code).json();
}

// All entries of a search, following `next` links (at most maxPages pages).
struct SearchResult {
    QList<QJsonObject> resources; // search.mode = match
    QList<QJsonObject> includes;  // search.mode = include
    QList<QJsonObject> bundles;
    QStringList nextLinks;
    int lastStatus = 0;
};

inline SearchResult searchAll(HttpClient& http, const QUrl& first, const QString& token, int maxPages = 100000)
{
    SearchResult s;
    QUrl url = first;
    for (int page = 0; page < maxPages && url.isValid() && !url.isEmpty(); ++page) {
        const HttpResult r = http.getWithToken(url, token);
        s.lastStatus = r.status;
        if (r.status != 200)
            break;
        const QJsonObject b = r.json();
        s.bundles.append(b);
        for (const QJsonValue& e : b.value(u"entry"_s).toArray()) {
            const QString mode = e.toObject().value(u"search"_s).toObject().value(u"mode"_s).toString();
            if (mode == u"match")
                s.resources.append(e.toObject().value(u"resource"_s).toObject());
            else if (mode == u"include")
                s.includes.append(e.toObject().value(u"resource"_s).toObject());
        }
        url = QUrl();
        for (const QJsonValue& l : b.value(u"link"_s).toArray())
            if (l.toObject().value(u"relation"_s).toString() == u"next") {
                url = QUrl(l.toObject().value(u"url"_s).toString());
                s.nextLinks.append(url.toString());
            }
    }
    return s;
}

} // namespace hh::demo::test
