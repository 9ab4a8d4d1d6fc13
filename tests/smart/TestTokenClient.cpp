// TokenClient (code exchange, refresh with rotation, revoke, Epic DCR + JWT bearer) and the
// single-flight TokenRefresher, against an in-test fake OAuth server on 127.0.0.1.
#include "core/smart/DeviceKey.h"
#include "core/smart/Pkce.h"
#include "core/smart/TokenClient.h"
#include "core/smart/TokenRefresher.h"

#include "smart/FakeHttpServer.h"
#include "smart/JwtVerifier.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTcpServer>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;
using namespace hh::smart::test;

namespace {

const QString kClientId = u"public-client"_s;
const QString kDynamicClientId = u"dyn-42"_s;
const QByteArray kCode = "code+/=abc&x"; // characters a naive form encoder would break
const QByteArray kInitialToken = "initial-access";
const QUrl kRedirect(u"http://127.0.0.1:8765/callback"_s);

template <typename T> bool waitFor(const QFuture<T>& future, int ms = 15000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.isFinished();
}

QByteArray obj(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

FakeResponse oauthError(const char* error, const QString& description, int status = 400)
{
    return json(obj({{u"error"_s, QString::fromLatin1(error)}, {u"error_description"_s, description}}), status);
}

// Runs a code exchange on its own thread with its own QNetworkAccessManager.
class Worker : public QObject
{
    Q_OBJECT
public:
    QUrl tokenUrl;
    QByteArray verifier;
Q_SIGNALS:
    void done(bool ok, QString patient, bool sameThread);
public Q_SLOTS:
    void run()
    {
        auto* nam = new QNetworkAccessManager(this);
        auto* client = new TokenClient(nam);
        TokenClient::CodeExchange ex{SecretBytes(kCode), kRedirect, SecretBytes(verifier), kClientId};
        QThread* mine = QThread::currentThread();
        client->exchangeCode(tokenUrl, ex).then(this, [this, client, mine](const Result<TokenResponse>& r) {
            Q_EMIT done(r.ok(), r.ok() ? r->patient : QString(), QThread::currentThread() == mine);
            delete client;
        });
    }
};

} // namespace

class TestTokenClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void exchangeCode();
    void exchangeCodeWrongVerifierIsUnauthorized();
    void refreshRotatesAndOldTokenIsRefused();
    void refreshWithoutTokenDoesNotCallServer();
    void refreshSendsScopeSubset();
    void revoke();
    void revokeFailureReported();
    void dynamicRegistrationAndJwtBearer();
    void registrationWithBadInitialTokenIsUnauthorized();
    void jwtBearerWithUnregisteredKeyIsRefused();
    void htmlReplyIsProtocolError();
    void timeoutIsNetworkError();
    void connectionRefusedIsNetworkError();
    void nonHttpsEndpointRefusedWithoutRequest();
    void destroyedManagerCancelsFuture();
    void worksOnWorkerThread();

    void singleFlightRefresh();
    void singleFlightSeparatesConnections();
    void singleFlightPropagatesFailure();
    void needsRefresh();

private:
    QUrl tokenUrl() const { return m_server->url(u"/oauth2/token"_s); }

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QByteArray m_verifier;
    QString m_challenge;
    QByteArray m_currentRefresh;
    int m_refreshCount = 0;
    QJsonObject m_registeredJwk;
    QSet<QString> m_usedJtis;
    QString m_lastJwtFailure;
};

void TestTokenClient::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    m_nam = std::make_unique<QNetworkAccessManager>();
    const Pkce::Pair pkce = Pkce::generate();
    m_verifier = pkce.verifier.toByteArray();
    m_challenge = pkce.challenge;
    m_currentRefresh = "rt-1";
    m_refreshCount = 0;
    m_registeredJwk = {};
    m_usedJtis.clear();
    m_lastJwtFailure.clear();

    m_server->on("POST", u"/oauth2/token"_s, [this](const RecordedRequest& req) -> FakeResponse {
        const QString grant = req.form(u"grant_type"_s);
        if (grant == u"authorization_code") {
            // The server checks PKCE itself: S256(verifier) must equal the stored challenge.
            const QString challenge = QString::fromLatin1(
                QCryptographicHash::hash(req.form(u"code_verifier"_s).toLatin1(), QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            if (req.form(u"code"_s).toLatin1() != kCode || challenge != m_challenge ||
                req.form(u"redirect_uri"_s) != kRedirect.toString() || req.form(u"client_id"_s) != kClientId)
                return oauthError("invalid_grant", u"code, verifier or redirect mismatch"_s);
            return json(obj({{u"access_token"_s, u"at-1"_s},
                             {u"token_type"_s, u"bearer"_s},
                             {u"expires_in"_s, 3600},
                             {u"scope"_s, u"launch/patient openid fhirUser patient/Patient.read"_s},
                             {u"patient"_s, u"pat-1"_s},
                             {u"__epic.dstu2.patient"_s, u"dstu2-id"_s},
                             {u"refresh_token"_s, QString::fromLatin1(m_currentRefresh)},
                             {u"id_token"_s, u"id.token.here"_s}}));
        }
        if (grant == u"refresh_token") {
            if (req.form(u"refresh_token"_s).toLatin1() != m_currentRefresh ||
                req.form(u"client_id"_s) != kClientId)
                return oauthError("invalid_grant", u"Refresh token is invalid or reused"_s);
            ++m_refreshCount;
            m_currentRefresh = "rt-" + QByteArray::number(m_refreshCount + 1);
            QJsonObject reply{{u"access_token"_s, u"at-r%1"_s.arg(m_refreshCount)},
                              {u"token_type"_s, u"Bearer"_s},
                              {u"expires_in"_s, 3600},
                              {u"refresh_token"_s, QString::fromLatin1(m_currentRefresh)}};
            if (req.hasForm(u"scope"_s))
                reply.insert(u"scope"_s, req.form(u"scope"_s));
            return json(obj(reply));
        }
        if (grant == u"urn:ietf:params:oauth:grant-type:jwt-bearer") {
            const QByteArray assertion = req.form(u"assertion"_s).toLatin1();
            auto fail = [this](const QString& why) {
                m_lastJwtFailure = why;
                return oauthError("invalid_client", why);
            };
            if (m_registeredJwk.isEmpty())
                return fail(u"no client registered"_s);
            if (req.form(u"client_id"_s) != kDynamicClientId)
                return fail(u"client_id"_s);
            const QJsonObject header = jwsPart(assertion, 0);
            if (header.value(u"kid"_s).toString() != m_registeredJwk.value(u"kid"_s).toString())
                return fail(u"kid"_s);
            if (!verifyJwsWithJwk(assertion, m_registeredJwk, "RS384"))
                return fail(u"signature"_s);
            const QJsonObject claims = jwsPart(assertion, 1);
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            const qint64 iat = qint64(claims.value(u"iat"_s).toDouble());
            const qint64 exp = qint64(claims.value(u"exp"_s).toDouble());
            const qint64 nbf = qint64(claims.value(u"nbf"_s).toDouble());
            if (claims.value(u"iss"_s).toString() != kDynamicClientId ||
                claims.value(u"sub"_s).toString() != kDynamicClientId)
                return fail(u"iss/sub"_s);
            if (claims.value(u"aud"_s).toString() != tokenUrl().toString())
                return fail(u"aud"_s);
            if (exp <= now || exp - iat > 300 || nbf > now + 5)
                return fail(u"times"_s);
            const QString jti = claims.value(u"jti"_s).toString();
            if (jti.isEmpty() || m_usedJtis.contains(jti))
                return fail(u"jti reused"_s);
            m_usedJtis.insert(jti);
            return json(obj({{u"access_token"_s, u"at-jwt-%1"_s.arg(m_usedJtis.size())},
                             {u"token_type"_s, u"bearer"_s},
                             {u"expires_in"_s, 3600},
                             {u"scope"_s, u"patient/Patient.read"_s},
                             {u"patient"_s, u"pat-1"_s}}));
        }
        return oauthError("unsupported_grant_type", grant);
    });
    m_server->on("POST", u"/oauth2/register"_s, [this](const RecordedRequest& req) -> FakeResponse {
        if (req.header("Authorization") != "Bearer " + kInitialToken)
            return oauthError("invalid_token", u"bad initial token"_s, 401);
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        const QJsonObject jwk = body.value(u"jwks"_s).toObject().value(u"keys"_s).toArray().first().toObject();
        if (body.value(u"software_id"_s).toString() != kClientId || jwk.value(u"kty"_s).toString() != u"RSA" ||
            jwk.value(u"n"_s).toString().isEmpty() || jwk.value(u"e"_s).toString().isEmpty())
            return oauthError("invalid_client_metadata", u"bad body"_s);
        m_registeredJwk = jwk;
        return json(obj({{u"client_id"_s, kDynamicClientId}}), 201);
    });
    m_server->on("POST", u"/oauth2/revoke"_s, [](const RecordedRequest&) { return json(QByteArray(), 200); });
    m_server->on("POST", u"/oauth2/revoke-broken"_s,
                 [](const RecordedRequest&) { return oauthError("unsupported_token_type", QString()); });
    m_server->on("POST", u"/html-token"_s, [](const RecordedRequest&) {
        FakeResponse r;
        r.contentType = "text/html";
        r.body = "<html><body>Please sign in</body></html>";
        return r;
    });
    m_server->on("POST", u"/slow-token"_s, [](const RecordedRequest&) {
        FakeResponse r;
        r.neverAnswer = true;
        return r;
    });
    QVERIFY(m_server->start() != 0);
}

void TestTokenClient::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

void TestTokenClient::exchangeCode()
{
    TokenClient client(m_nam.get());
    TokenClient::CodeExchange ex{SecretBytes(kCode), kRedirect, SecretBytes(m_verifier), kClientId};
    auto future = client.exchangeCode(tokenUrl(), ex);
    QVERIFY(waitFor(future));
    const auto result = future.result();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail()));
    QCOMPARE(result->accessToken.toByteArray(), QByteArray("at-1"));
    QCOMPARE(result->patient, u"pat-1"_s);
    QCOMPARE(result->refreshToken.toByteArray(), QByteArray("rt-1"));
    QCOMPARE(result->expiresIn, 3600);

    const RecordedRequest req = m_server->last(u"/oauth2/token"_s);
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(req.header("Accept"), QByteArray("application/json"));
    QVERIFY(req.header("Authorization").isEmpty()); // public client: no secret, no basic auth
    QCOMPARE(req.form(u"grant_type"_s), u"authorization_code"_s);
    QCOMPARE(req.form(u"code"_s).toLatin1(), kCode);
    QVERIFY(!req.body.contains("code+")); // '+' percent-encoded
    QCOMPARE(req.form(u"code_verifier"_s).toLatin1(), m_verifier);
    QCOMPARE(req.form(u"redirect_uri"_s), kRedirect.toString());
    QCOMPARE(req.form(u"client_id"_s), kClientId);
    QVERIFY(!req.hasForm(u"client_secret"_s));
}

void TestTokenClient::exchangeCodeWrongVerifierIsUnauthorized()
{
    TokenClient client(m_nam.get());
    const Pkce::Pair other = Pkce::generate();
    TokenClient::CodeExchange ex{SecretBytes(kCode), kRedirect, other.verifier, kClientId};
    auto future = client.exchangeCode(tokenUrl(), ex);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Unauthorized);
    QVERIFY(future.result().error().detail().contains(u"invalid_grant"));
}

void TestTokenClient::refreshRotatesAndOldTokenIsRefused()
{
    TokenClient client(m_nam.get());
    auto first = client.refresh(tokenUrl(), SecretBytes(QByteArray("rt-1")), kClientId);
    QVERIFY(waitFor(first));
    QVERIFY(first.result().ok());
    QCOMPARE(first.result()->accessToken.toByteArray(), QByteArray("at-r1"));
    QCOMPARE(first.result()->refreshToken.toByteArray(), QByteArray("rt-2")); // rotated
    QVERIFY(!m_server->last(u"/oauth2/token"_s).hasForm(u"scope"_s));

    // Reusing the old refresh token is refused → the connection needs sign-in again.
    auto reused = client.refresh(tokenUrl(), SecretBytes(QByteArray("rt-1")), kClientId);
    QVERIFY(waitFor(reused));
    QVERIFY(!reused.result().ok());
    QCOMPARE(reused.result().error().code(), ErrorCode::Unauthorized);

    auto second = client.refresh(tokenUrl(), first.result()->refreshToken, kClientId);
    QVERIFY(waitFor(second));
    QVERIFY(second.result().ok());
    QCOMPARE(second.result()->refreshToken.toByteArray(), QByteArray("rt-3"));
}

void TestTokenClient::refreshWithoutTokenDoesNotCallServer()
{
    TokenClient client(m_nam.get());
    auto future = client.refresh(tokenUrl(), SecretBytes(), kClientId);
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().code(), ErrorCode::Unauthorized);
    QCOMPARE(m_server->count(u"/oauth2/token"_s), 0);
}

void TestTokenClient::refreshSendsScopeSubset()
{
    TokenClient client(m_nam.get());
    auto future =
        client.refresh(tokenUrl(), SecretBytes(QByteArray("rt-1")), kClientId, u"patient/Patient.read"_s);
    QVERIFY(waitFor(future));
    QVERIFY(future.result().ok());
    QCOMPARE(m_server->last(u"/oauth2/token"_s).form(u"scope"_s), u"patient/Patient.read"_s);
    QCOMPARE(future.result()->scope, u"patient/Patient.read"_s);
}

void TestTokenClient::revoke()
{
    TokenClient client(m_nam.get());
    auto future = client.revoke(m_server->url(u"/oauth2/revoke"_s), SecretBytes(QByteArray("rt+9")),
                                TokenClient::TokenTypeHint::RefreshToken, kClientId);
    QVERIFY(waitFor(future));
    QVERIFY(future.result().ok());
    const RecordedRequest req = m_server->last(u"/oauth2/revoke"_s);
    QCOMPARE(req.form(u"token"_s), u"rt+9"_s);
    QCOMPARE(req.form(u"token_type_hint"_s), u"refresh_token"_s);
    QCOMPARE(req.form(u"client_id"_s), kClientId);

    auto access = client.revoke(m_server->url(u"/oauth2/revoke"_s), SecretBytes(QByteArray("at")),
                                TokenClient::TokenTypeHint::AccessToken, kClientId);
    QVERIFY(waitFor(access));
    QCOMPARE(m_server->last(u"/oauth2/revoke"_s).form(u"token_type_hint"_s), u"access_token"_s);
}

void TestTokenClient::revokeFailureReported()
{
    TokenClient client(m_nam.get());
    auto future = client.revoke(m_server->url(u"/oauth2/revoke-broken"_s), SecretBytes(QByteArray("x")),
                                TokenClient::TokenTypeHint::AccessToken, kClientId);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Server);
    auto missing = client.revoke(m_server->url(u"/no-such-revoke"_s), SecretBytes(QByteArray("x")),
                                 TokenClient::TokenTypeHint::AccessToken, kClientId);
    QVERIFY(waitFor(missing));
    QVERIFY(!missing.result().ok());
}

void TestTokenClient::dynamicRegistrationAndJwtBearer()
{
    auto key = DeviceKey::generate();
    QVERIFY(key.ok());
    TokenClient client(m_nam.get());
    auto reg = client.registerClient(m_server->url(u"/oauth2/register"_s), SecretBytes(kInitialToken), kClientId,
                                     key.value());
    QVERIFY(waitFor(reg));
    QVERIFY2(reg.result().ok(), qPrintable(reg.result().ok() ? QString() : reg.result().error().detail()));
    QCOMPARE(reg.result()->clientId, kDynamicClientId);
    QCOMPARE(reg.result()->keyId, key->keyId());
    const RecordedRequest regReq = m_server->last(u"/oauth2/register"_s);
    QCOMPARE(regReq.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(m_registeredJwk.value(u"kid"_s).toString(), key->keyId());

    // The stored key (PEM round trip, as the connection store will do) signs the grants.
    auto reloaded = DeviceKey::fromPrivateKeyPem(key->privateKeyPem().value());
    QVERIFY(reloaded.ok());
    for (int i = 1; i <= 2; ++i) {
        auto grant = client.jwtBearerGrant(tokenUrl(), reg.result()->clientId, reloaded.value());
        QVERIFY(waitFor(grant));
        QVERIFY2(grant.result().ok(), qPrintable(m_lastJwtFailure));
        QCOMPARE(grant.result()->accessToken.toByteArray(), "at-jwt-" + QByteArray::number(i));
        QVERIFY(!grant.result()->hasRefreshToken());
        QCOMPARE(grant.result()->patient, u"pat-1"_s);
        const RecordedRequest req = m_server->last(u"/oauth2/token"_s);
        QCOMPARE(req.form(u"grant_type"_s), u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s);
        QCOMPARE(req.form(u"client_id"_s), kDynamicClientId);
    }
    QCOMPARE(m_usedJtis.size(), 2);
}

void TestTokenClient::registrationWithBadInitialTokenIsUnauthorized()
{
    auto key = DeviceKey::generate();
    QVERIFY(key.ok());
    TokenClient client(m_nam.get());
    auto reg = client.registerClient(m_server->url(u"/oauth2/register"_s), SecretBytes(QByteArray("wrong")),
                                     kClientId, key.value());
    QVERIFY(waitFor(reg));
    QVERIFY(!reg.result().ok());
    QCOMPARE(reg.result().error().code(), ErrorCode::Unauthorized);
    QVERIFY(m_registeredJwk.isEmpty());
}

void TestTokenClient::jwtBearerWithUnregisteredKeyIsRefused()
{
    auto registered = DeviceKey::generate();
    auto other = DeviceKey::generate();
    QVERIFY(registered.ok() && other.ok());
    TokenClient client(m_nam.get());
    auto reg = client.registerClient(m_server->url(u"/oauth2/register"_s), SecretBytes(kInitialToken), kClientId,
                                     registered.value());
    QVERIFY(waitFor(reg));
    QVERIFY(reg.result().ok());
    auto grant = client.jwtBearerGrant(tokenUrl(), kDynamicClientId, other.value());
    QVERIFY(waitFor(grant));
    QVERIFY(!grant.result().ok());
    QCOMPARE(grant.result().error().code(), ErrorCode::Unauthorized);
    QCOMPARE(m_lastJwtFailure, u"kid"_s);
}

void TestTokenClient::htmlReplyIsProtocolError()
{
    TokenClient client(m_nam.get());
    auto future = client.refresh(m_server->url(u"/html-token"_s), SecretBytes(QByteArray("rt")), kClientId);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Protocol);
}

void TestTokenClient::timeoutIsNetworkError()
{
    TokenClient client(m_nam.get());
    client.setTimeout(std::chrono::milliseconds(300));
    auto future = client.refresh(m_server->url(u"/slow-token"_s), SecretBytes(QByteArray("rt")), kClientId);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Network);
    QVERIFY(future.result().error().detail().contains(u"timed out"));
}

void TestTokenClient::connectionRefusedIsNetworkError()
{
    // A port that was free a moment ago: nobody listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    TokenClient client(m_nam.get());
    auto future =
        client.refresh(QUrl(u"http://127.0.0.1:%1/token"_s.arg(port)), SecretBytes(QByteArray("rt")), kClientId);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Network);
}

void TestTokenClient::nonHttpsEndpointRefusedWithoutRequest()
{
    TokenClient client(m_nam.get());
    auto future =
        client.refresh(QUrl(u"http://fhir.example.org/token"_s), SecretBytes(QByteArray("rt")), kClientId);
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().code(), ErrorCode::Protocol);
    auto revoke = client.revoke(QUrl(u"http://fhir.example.org/revoke"_s), SecretBytes(QByteArray("rt")),
                                TokenClient::TokenTypeHint::RefreshToken, kClientId);
    QVERIFY(revoke.isFinished());
    QVERIFY(!revoke.result().ok());
    QCOMPARE(m_server->requests().size(), 0);
}

void TestTokenClient::destroyedManagerCancelsFuture()
{
    auto nam = std::make_unique<QNetworkAccessManager>();
    TokenClient client(nam.get());
    auto future = client.refresh(m_server->url(u"/slow-token"_s), SecretBytes(QByteArray("rt")), kClientId);
    QTRY_COMPARE(m_server->count(u"/slow-token"_s), 1);
    nam.reset();
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Cancelled);
}

void TestTokenClient::worksOnWorkerThread()
{
    QThread thread;
    auto* worker = new Worker;
    worker->tokenUrl = tokenUrl();
    worker->verifier = m_verifier;
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy spy(worker, &Worker::done);
    thread.start();
    QMetaObject::invokeMethod(worker, &Worker::run, Qt::QueuedConnection);
    QVERIFY(spy.wait(15000));
    QCOMPARE(spy.first().at(0).toBool(), true);
    QCOMPARE(spy.first().at(1).toString(), u"pat-1"_s);
    QCOMPARE(spy.first().at(2).toBool(), true); // continuation ran on the worker thread
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void TestTokenClient::singleFlightRefresh()
{
    TokenClient client(m_nam.get());
    TokenRefresher refresher;
    SecretBytes stored(QByteArray("rt-1")); // what the connection store holds
    int starts = 0;
    auto start = [&]() {
        ++starts;
        // Persist the rotated refresh token before anyone sees the new access token.
        return client.refresh(tokenUrl(), stored, kClientId).then([&stored](Result<TokenResponse> r) {
            if (r.ok() && r->hasRefreshToken())
                stored = r->refreshToken;
            return r;
        });
    };
    auto a = refresher.refresh(u"conn-1"_s, start);
    auto b = refresher.refresh(u"conn-1"_s, start);
    QVERIFY(refresher.isRefreshing(u"conn-1"_s));
    QCOMPARE(starts, 1);
    QVERIFY(waitFor(a) && waitFor(b));
    QCOMPARE(starts, 1);
    QCOMPARE(m_server->count(u"/oauth2/token"_s), 1);
    QVERIFY(a.result().ok() && b.result().ok());
    QCOMPARE(a.result()->accessToken.toByteArray(), QByteArray("at-r1"));
    QCOMPARE(b.result()->accessToken.toByteArray(), QByteArray("at-r1"));
    QCOMPARE(stored.toByteArray(), QByteArray("rt-2"));
    QVERIFY(!refresher.isRefreshing(u"conn-1"_s));

    // After it finished, a new request starts a new refresh with the rotated token.
    auto c = refresher.refresh(u"conn-1"_s, start);
    QVERIFY(waitFor(c));
    QVERIFY(c.result().ok());
    QCOMPARE(starts, 2);
    QCOMPARE(m_server->count(u"/oauth2/token"_s), 2);
    QCOMPARE(stored.toByteArray(), QByteArray("rt-3"));
}

void TestTokenClient::singleFlightSeparatesConnections()
{
    TokenRefresher refresher;
    int starts = 0;
    auto makeStart = [&](QByteArray token) {
        return [&, token]() {
            ++starts;
            TokenClient client(m_nam.get());
            return client.refresh(tokenUrl(), SecretBytes(token), kClientId);
        };
    };
    auto a = refresher.refresh(u"conn-a"_s, makeStart("rt-1"));
    auto b = refresher.refresh(u"conn-b"_s, makeStart("rt-unknown"));
    QVERIFY(waitFor(a) && waitFor(b));
    QCOMPARE(starts, 2);
    QCOMPARE(m_server->count(u"/oauth2/token"_s), 2);
    QVERIFY(a.result().ok());
    QVERIFY(!b.result().ok());
}

void TestTokenClient::singleFlightPropagatesFailure()
{
    TokenClient client(m_nam.get());
    TokenRefresher refresher;
    auto start = [&]() { return client.refresh(tokenUrl(), SecretBytes(QByteArray("revoked")), kClientId); };
    auto a = refresher.refresh(u"c"_s, start);
    auto b = refresher.refresh(u"c"_s, start);
    QVERIFY(waitFor(a) && waitFor(b));
    QCOMPARE(m_server->count(u"/oauth2/token"_s), 1);
    QCOMPARE(a.result().error().code(), ErrorCode::Unauthorized);
    QCOMPARE(b.result().error().code(), ErrorCode::Unauthorized);
    // No start function at all: fails at once.
    auto none = refresher.refresh(u"d"_s, {});
    QVERIFY(none.isFinished());
    QCOMPARE(none.result().error().code(), ErrorCode::Unauthorized);
    // A start function whose future is cancelled: the callers get Cancelled, and the entry is freed.
    auto cancelled = refresher.refresh(u"e"_s, [] { return QFuture<Result<TokenResponse>>(); });
    QVERIFY(waitFor(cancelled));
    QCOMPARE(cancelled.result().error().code(), ErrorCode::Cancelled);
    QVERIFY(!refresher.isRefreshing(u"e"_s));
}

void TestTokenClient::needsRefresh()
{
    const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    QVERIFY(!TokenRefresher::needsRefresh(now.addSecs(3600), now));
    QVERIFY(!TokenRefresher::needsRefresh(now.addSecs(61), now));
    QVERIFY(TokenRefresher::needsRefresh(now.addSecs(60), now));
    QVERIFY(TokenRefresher::needsRefresh(now.addSecs(-10), now));
    QVERIFY(TokenRefresher::needsRefresh(QDateTime(), now));
}

QTEST_GUILESS_MAIN(TestTokenClient)
#include "TestTokenClient.moc"
