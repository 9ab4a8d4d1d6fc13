// The id_token of a sign-in (ConnectService::completeLogin): a health system on loopback (FakeHttpServer)
// whose token endpoint returns an id_token signed with a key made here. The nonce Health Hub sent in
// the authorization request must come back; a bad signature, another audience, another nonce, an
// expired token or an unknown key id end the sign-in with a clear message and store nothing.
#include "ConnectTestSupport.h"

#include "core/smart/Base64Url.h"
#include "core/smart/DeviceKey.h"
#include "smart/FakeHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;
using hh::smart::test::FakeHttpServer;
using hh::smart::test::FakeResponse;
using hh::smart::test::RecordedRequest;

namespace {
const QString kClient = u"idtoken-test-client"_s;

template<typename T>
bool wait(const QFuture<T>& f)
{
    return QTest::qWaitFor([&] { return f.isFinished(); }, 20000);
}
} // namespace

class TestConnectIdToken : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::VaultFixture> f;
    std::unique_ptr<ConnectService> service;
    std::unique_ptr<FakeHttpServer> server;
    smart::DeviceKey signingKey;
    smart::DeviceKey otherKey;
    QString endpointId;
    // What the token endpoint puts into the id_token (filled per test, read by the handler).
    std::function<QByteArray(const QString& nonce)> makeIdToken;
    QString lastNonce;
    QString kidInJwks;
    bool issInResponses = false; // the discovery document's authorization_response_iss_parameter_supported

    QString issuer() const { return server->url(u"/oauth2"_s).toString(); }

    static QJsonObject jwk(const smart::DeviceKey& key, const QString& kid)
    {
        QJsonObject o = key.publicJwk();
        o.insert("alg"_L1, u"RS256"_s);
        o.insert("use"_L1, u"sig"_s);
        o.insert("kid"_L1, kid);
        return o;
    }

    static QByteArray sign(const smart::DeviceKey& key, const QString& kid, const QJsonObject& claims)
    {
        const QJsonObject header{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, kid}};
        const QByteArray input = smart::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + smart::base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        auto signature = key.sign(input, smart::DeviceKey::Algorithm::RS256);
        return input + '.' + smart::base64UrlEncode(signature.value());
    }

    QJsonObject claims(const QString& nonce) const
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return QJsonObject{{u"iss"_s, issuer()}, {u"sub"_s, u"u-1"_s},  {u"aud"_s, kClient},
                           {u"iat"_s, double(now)}, {u"exp"_s, double(now + 300)}, {u"nonce"_s, nonce}};
    }

    struct Outcome {
        Result<EmrConnection> result = Error(ErrorCode::Unknown, {}, {});
        QString authorizeNonce;
    };

    // beginLogin, then the redirect the portal would send (with `iss` when given), then completeLogin.
    Outcome signIn(std::optional<QString> responseIssuer = std::nullopt)
    {
        Outcome out;
        auto begun = service->beginLogin(f->mom.id, endpointId);
        if (!wait(begun) || !begun.result()) {
            out.result = begun.result().ok() ? Error(ErrorCode::Unknown, {}, u"timeout"_s) : begun.result().error();
            return out;
        }
        const LoginRequest request = begun.result().value();
        out.authorizeNonce = QUrlQuery(request.authorizeUrl).queryItemValue(u"nonce"_s, QUrl::FullyDecoded);
        smart::RedirectResult redirect;
        redirect.kind = smart::RedirectResult::Kind::Code;
        redirect.code = SecretBytes(QByteArray("the-authorization-code"));
        redirect.state = request.state;
        redirect.issuer = responseIssuer;
        lastNonce = out.authorizeNonce;
        auto completed = service->completeLogin(request, redirect);
        if (!wait(completed))
            return out;
        out.result = completed.result();
        return out;
    }

    int storedConnections()
    {
        auto all = service->connections(f->mom.id);
        return wait(all) && all.result().ok() ? int(all.result()->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto a = smart::DeviceKey::generate();
        auto b = smart::DeviceKey::generate();
        QVERIFY(a.ok() && b.ok());
        signingKey = a.value();
        otherKey = b.value();
    }

    void init()
    {
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        service = f->service();
        QVERIFY(wait(service->ready()));
        server = std::make_unique<FakeHttpServer>();
        kidInJwks = u"key-1"_s;
        server->on("GET", u"/fhir/.well-known/smart-configuration"_s, [this](const RecordedRequest&) {
            const QJsonObject config{
                {u"issuer"_s, issuer()},
                {u"jwks_uri"_s, server->url(u"/oauth2/jwks"_s).toString()},
                {u"authorization_endpoint"_s, server->url(u"/oauth2/authorize"_s).toString()},
                {u"token_endpoint"_s, server->url(u"/oauth2/token"_s).toString()},
                {u"capabilities"_s, QJsonArray{u"launch-standalone"_s, u"client-public"_s,
                                               u"context-standalone-patient"_s, u"permission-patient"_s}},
                {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
                {u"authorization_response_iss_parameter_supported"_s, issInResponses}};
            return smart::test::json(QJsonDocument(config).toJson());
        });
        server->on("GET", u"/oauth2/jwks"_s, [this](const RecordedRequest&) {
            const QJsonObject keys{{u"keys"_s, QJsonArray{jwk(otherKey, u"other"_s), jwk(signingKey, kidInJwks)}}};
            return smart::test::json(QJsonDocument(keys).toJson());
        });
        server->on("POST", u"/oauth2/token"_s, [this](const RecordedRequest&) {
            QJsonObject reply{{u"access_token"_s, u"access-token-value"_s}, {u"token_type"_s, u"Bearer"_s},
                              {u"expires_in"_s, 3600},
                              {u"scope"_s, u"launch/patient openid fhirUser patient/*.read"_s},
                              {u"patient"_s, u"p-1"_s}};
            if (makeIdToken)
                reply.insert("id_token"_L1, QString::fromLatin1(makeIdToken(lastNonce)));
            return smart::test::json(QJsonDocument(reply).toJson());
        });
        QVERIFY(server->start());
        auto added = service->addEndpoint(u"Test health system"_s, server->url(u"/fhir"_s), kClient);
        QVERIFY(wait(added));
        QVERIFY2(added.result().ok(), test::why(added.result()).constData());
        endpointId = added.result()->id;
        makeIdToken = nullptr;
        issInResponses = false;
    }

    void cleanup()
    {
        service.reset();
        server.reset();
        f->release();
        f.reset();
    }

    // RFC 9207 (mix-up defence): an authorization response that names another issuer is refused before the code
    // goes anywhere; a server that promises `iss` must send it; the right one connects.
    void responseIssuerIsChecked()
    {
        Outcome o = signIn(u"https://another-health-system.example/oauth2"_s);
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().code(), ErrorCode::Protocol);
        QCOMPARE(server->count(u"/oauth2/token"_s), 0); // the code never reached a token endpoint
        QCOMPARE(storedConnections(), 0);

        // A health system whose discovery document promises `iss` (added anew: discovery is cached).
        issInResponses = true;
        auto added = service->addEndpoint(u"Test health system (RFC 9207)"_s, server->url(u"/fhir"_s), kClient);
        QVERIFY(wait(added));
        QVERIFY2(added.result().ok(), test::why(added.result()).constData());
        endpointId = added.result()->id;
        o = signIn(); // promised, but not sent
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().code(), ErrorCode::Protocol);
        QCOMPARE(storedConnections(), 0);

        o = signIn(issuer());
        QVERIFY2(o.result.ok(), test::why(o.result).constData());
        QCOMPARE(storedConnections(), 1);
    }

    void validIdTokenConnects()
    {
        makeIdToken = [this](const QString& nonce) { return sign(signingKey, u"key-1"_s, claims(nonce)); };
        const Outcome o = signIn();
        QVERIFY2(o.result.ok(), test::why(o.result).constData());
        // A nonce was sent (≥128 bits), and it is not the state.
        QVERIFY(o.authorizeNonce.size() >= 22);
        QCOMPARE(storedConnections(), 1);
        QCOMPARE(o.result->clientId, kClient);
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 1);

        // A second sign-in uses the keys kept in memory; each sign-in has its own nonce.
        const Outcome again = signIn();
        QVERIFY2(again.result.ok(), test::why(again.result).constData());
        QVERIFY(again.authorizeNonce != o.authorizeNonce);
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 1);
    }

    void noIdTokenStillConnects()
    {
        makeIdToken = nullptr; // e.g. no openid granted
        const Outcome o = signIn();
        QVERIFY2(o.result.ok(), test::why(o.result).constData());
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 0);
    }

    void invalidIdTokenStoresNothing_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("bad signature") << u"signature"_s;
        QTest::newRow("wrong aud") << u"aud"_s;
        QTest::newRow("wrong nonce") << u"nonce"_s;
        QTest::newRow("expired") << u"expired"_s;
        QTest::newRow("unknown kid") << u"kid"_s;
        QTest::newRow("wrong iss") << u"iss"_s;
    }

    void invalidIdTokenStoresNothing()
    {
        QFETCH(QString, what);
        makeIdToken = [this, what](const QString& nonce) {
            QJsonObject c = claims(nonce);
            QString kid = u"key-1"_s;
            smart::DeviceKey key = signingKey;
            if (what == u"signature")
                key = otherKey; // signed by another key under the published kid
            else if (what == u"aud")
                c.insert("aud"_L1, u"another-app"_s);
            else if (what == u"nonce")
                c.insert("nonce"_L1, u"0123456789abcdef0123456789abcdef"_s);
            else if (what == u"expired")
                c.insert("exp"_L1, double(QDateTime::currentSecsSinceEpoch() - 3600));
            else if (what == u"kid")
                kid = u"never-published"_s;
            else if (what == u"iss")
                c.insert("iss"_L1, u"https://elsewhere.example/oauth2"_s);
            return sign(key, kid, c);
        };
        test::LogCapture logs;
        const Outcome o = signIn();
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().code(), ErrorCode::Protocol);
        QVERIFY2(o.result.error().message().contains(u"id_token"_s), qPrintable(o.result.error().message()));
        QVERIFY2(o.result.error().detail().contains(what == u"expired" ? u"expired"_s : what),
                 qPrintable(o.result.error().detail()));
        QCOMPARE(storedConnections(), 0);
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 1);
        // Nothing of the tokens in the logs.
        QVERIFY(!logs.joined().contains(u"access-token-value"_s));
    }

    void rotatedKeyIsFetchedAgain()
    {
        makeIdToken = [this](const QString& nonce) { return sign(signingKey, kidInJwks, claims(nonce)); };
        QVERIFY(signIn().result.ok());
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 1);
        // The server rotates: same key, new kid. The cached JWKS has no such kid: fetched again.
        kidInJwks = u"key-2"_s;
        const Outcome o = signIn();
        QVERIFY2(o.result.ok(), test::why(o.result).constData());
        QCOMPARE(server->count(u"/oauth2/jwks"_s), 2);
    }

    void stateIsSpentAfterARefusedIdToken()
    {
        makeIdToken = [this](const QString& nonce) {
            QJsonObject c = claims(nonce);
            c.insert("aud"_L1, u"another-app"_s);
            return sign(signingKey, u"key-1"_s, c);
        };
        auto begun = service->beginLogin(f->mom.id, endpointId);
        QVERIFY(wait(begun) && begun.result().ok());
        const LoginRequest request = begun.result().value();
        lastNonce = QUrlQuery(request.authorizeUrl).queryItemValue(u"nonce"_s, QUrl::FullyDecoded);
        smart::RedirectResult redirect;
        redirect.kind = smart::RedirectResult::Kind::Code;
        redirect.code = SecretBytes(QByteArray("code-1"));
        redirect.state = request.state;
        auto first = service->completeLogin(request, redirect);
        QVERIFY(wait(first));
        QVERIFY(!first.result().ok());
        // The same redirect again (e.g. a reload) is refused as reused; nothing is exchanged.
        const int tokenCalls = server->count(u"/oauth2/token"_s);
        makeIdToken = [this](const QString& nonce) { return sign(signingKey, u"key-1"_s, claims(nonce)); };
        auto second = service->completeLogin(request, redirect);
        QVERIFY(wait(second));
        QVERIFY(!second.result().ok());
        QCOMPARE(server->count(u"/oauth2/token"_s), tokenCalls);
        QCOMPARE(storedConnections(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectIdToken)
#include "TestConnectIdToken.moc"
