// demo-epic's persistent access for native apps: dynamic client registration with the launch's access token,
// then the JWT bearer grant with an RS384 (or RS256) assertion signed by the app's own key.

#include "DemoTestSupport.h"

#include <QUuid>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray b64url(const QByteArray& d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An RSA key pair made by the test with OpenSSL.
class TestKey
{
public:
    TestKey() : m_key(EVP_RSA_gen(2048)) {}
    ~TestKey() { EVP_PKEY_free(m_key); }
    TestKey(const TestKey&) = delete;
    TestKey& operator=(const TestKey&) = delete;

    QJsonObject jwk(const QString& kid) const
    {
        return QJsonObject{{u"kty"_s, u"RSA"_s},
                           {u"kid"_s, kid},
                           {u"n"_s, QString::fromLatin1(b64url(param(OSSL_PKEY_PARAM_RSA_N)))},
                           {u"e"_s, QString::fromLatin1(b64url(param(OSSL_PKEY_PARAM_RSA_E)))}};
    }

    QString sign(const QJsonObject& header, const QJsonObject& claims) const
    {
        const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                 b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const QString alg = header.value(u"alg"_s).toString();
        const EVP_MD* md = alg == u"RS256" ? EVP_sha256() : alg == u"RS512" ? EVP_sha512() : EVP_sha384();
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        size_t len = 0;
        EVP_DigestSignInit(ctx, nullptr, md, nullptr, m_key);
        EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size()));
        QByteArray sig(qsizetype(len), Qt::Uninitialized);
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size()));
        sig.resize(qsizetype(len));
        EVP_MD_CTX_free(ctx);
        return QString::fromLatin1(input + '.' + b64url(sig));
    }

private:
    QByteArray param(const char* name) const
    {
        BIGNUM* bn = nullptr;
        EVP_PKEY_get_bn_param(m_key, name, &bn);
        QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
        BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
        BN_free(bn);
        return out;
    }
    EVP_PKEY* m_key;
};

} // namespace

class TestDemoEpicDcr : public QObject
{
    Q_OBJECT

    DemoServer m_server;
    HttpClient m_http;
    Endpoint m_epic;
    QUrl m_register;
    QDateTime m_now = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
    std::unique_ptr<TestKey> m_key;
    std::unique_ptr<TestKey> m_otherKey;
    QString m_clientId;
    QString m_patient;

    QJsonObject claims(const QString& jti = {}) const
    {
        const qint64 t = m_now.toSecsSinceEpoch();
        return QJsonObject{{u"iss"_s, m_clientId},
                           {u"sub"_s, m_clientId},
                           {u"aud"_s, m_epic.token.toString()},
                           {u"jti"_s, jti.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : jti},
                           {u"iat"_s, t},
                           {u"nbf"_s, t},
                           {u"exp"_s, t + 240}};
    }

    HttpResult jwtGrant(const QString& assertion, const QString& clientId)
    {
        return m_http.postForm(m_epic.token, {{u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s},
                                              {u"assertion"_s, assertion},
                                              {u"client_id"_s, clientId}});
    }

    static QJsonObject header(const QString& alg = u"RS384"_s, const QString& kid = u"k1"_s)
    {
        return QJsonObject{{u"alg"_s, alg}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, kid}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({}).ok());
        m_server.setClock([this] { return m_now; });
        m_epic = discover(m_http, m_server, u"demo-epic"_s);
        // The register URL is announced in /metadata with Epic-Client-ID.
        const QJsonObject cs = m_http
                                   .get(QUrl(m_epic.base.toString() + u"/metadata"_s),
                                        {{"Accept", "application/json"}, {"Epic-Client-ID", "healthhub-demo"}})
                                   .json();
        for (const QJsonValue& e : cs.value(u"rest"_s)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"security"_s)
                                       .toObject()
                                       .value(u"extension"_s)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"extension"_s)
                                       .toArray())
            if (e.toObject().value(u"url"_s).toString() == u"register")
                m_register = QUrl(e.toObject().value(u"valueUri"_s).toString());
        QVERIFY(m_register.isValid());
        m_key = std::make_unique<TestKey>();
        m_otherKey = std::make_unique<TestKey>();
    }

    void registerWithTheLaunchToken()
    {
        const QJsonObject tok = launch(m_http, m_epic, u"father"_s);
        const QString initial = tok.value(u"access_token"_s).toString();
        m_patient = tok.value(u"patient"_s).toString();
        QVERIFY(!initial.isEmpty());
        const QJsonObject body{{u"software_id"_s, DemoServer::demoClientId()},
                               {u"jwks"_s, QJsonObject{{u"keys"_s, QJsonArray{m_key->jwk(u"k1"_s)}}}}};
        // Without the bearer token: refused.
        QCOMPARE(m_http.postJson(m_register, body).status, 401);
        // Wrong software_id.
        QJsonObject wrong = body;
        wrong[u"software_id"_s] = u"another-app"_s;
        HttpResult r = m_http.postJson(m_register, wrong, {{"Authorization", "Bearer " + initial.toLatin1()}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"invalid_client_metadata"_s);
        // A key too small to trust.
        QJsonObject small = body;
        small[u"jwks"_s] = QJsonObject{
            {u"keys"_s, QJsonArray{QJsonObject{{u"kty"_s, u"RSA"_s}, {u"n"_s, u"AQAB"_s}, {u"e"_s, u"AQAB"_s}}}}};
        QCOMPARE(m_http.postJson(m_register, small, {{"Authorization", "Bearer " + initial.toLatin1()}}).status,
                 400);
        // The real thing.
        r = m_http.postJson(m_register, body, {{"Authorization", "Bearer " + initial.toLatin1()}});
        QCOMPARE(r.status, 201);
        m_clientId = r.json().value(u"client_id"_s).toString();
        QVERIFY(!m_clientId.isEmpty());
        QVERIFY(m_clientId != DemoServer::demoClientId());
        // The initial access token registers once.
        QCOMPARE(m_http.postJson(m_register, body, {{"Authorization", "Bearer " + initial.toLatin1()}}).status,
                 401);
        // athena has no such endpoint.
        const Endpoint athena = discover(m_http, m_server, u"demo-athena"_s);
        QCOMPARE(m_http.postJson(athena.token.resolved(QUrl(u"register"_s)), body).status, 404);
    }

    void jwtBearerGivesTokensWithoutRefresh_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS384") << u"RS384"_s;
        QTest::newRow("RS256") << u"RS256"_s;
    }

    void jwtBearerGivesTokensWithoutRefresh()
    {
        QFETCH(QString, alg);
        QVERIFY(!m_clientId.isEmpty());
        const HttpResult r = jwtGrant(m_key->sign(header(alg), claims()), m_clientId);
        QCOMPARE(r.status, 200);
        const QJsonObject tok = r.json();
        QCOMPARE(tok.value(u"token_type"_s).toString(), u"bearer"_s);
        QCOMPARE(tok.value(u"patient"_s).toString(), m_patient);
        QVERIFY(!tok.value(u"scope"_s).toString().isEmpty());
        QVERIFY(tok.value(u"expires_in"_s).toInt() > 0);
        QVERIFY(!tok.contains(u"refresh_token"_s));
        const HttpResult patient = m_http.getWithToken(QUrl(m_epic.base.toString() + u"/Patient/"_s + m_patient),
                                                       tok.value(u"access_token"_s).toString());
        QCOMPARE(patient.status, 200);
    }

    void assertionRules_data()
    {
        QTest::addColumn<QString>("breakWhat");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown client") << u"client"_s << 401 << u"invalid_client"_s;
        QTest::newRow("wrong key") << u"key"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("tampered") << u"tamper"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("wrong aud") << u"aud"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("iss not client") << u"iss"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("sub not client") << u"sub"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("expired") << u"expired"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("exp over 5 min") << u"long"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("no exp") << u"noexp"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("no jti") << u"nojti"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("jti too long") << u"longjti"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("HS256") << u"hs256"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("not yet valid") << u"nbf"_s << 400 << u"invalid_grant"_s;
        QTest::newRow("not a JWT") << u"garbage"_s << 400 << u"invalid_grant"_s;
    }

    void assertionRules()
    {
        QFETCH(QString, breakWhat);
        QFETCH(int, status);
        QFETCH(QString, error);
        QVERIFY(!m_clientId.isEmpty());
        QJsonObject c = claims();
        QJsonObject h = header();
        const TestKey* key = m_key.get();
        QString clientId = m_clientId;
        const qint64 t = m_now.toSecsSinceEpoch();
        if (breakWhat == u"client")
            clientId = u"not-registered"_s;
        else if (breakWhat == u"key")
            key = m_otherKey.get();
        else if (breakWhat == u"aud")
            c[u"aud"_s] = m_epic.base.toString();
        else if (breakWhat == u"iss")
            c[u"iss"_s] = DemoServer::demoClientId();
        else if (breakWhat == u"sub")
            c[u"sub"_s] = u"someone"_s;
        else if (breakWhat == u"expired")
            c[u"exp"_s] = t - 1;
        else if (breakWhat == u"long")
            c[u"exp"_s] = t + 301;
        else if (breakWhat == u"noexp")
            c.remove(u"exp"_s);
        else if (breakWhat == u"nojti")
            c.remove(u"jti"_s);
        else if (breakWhat == u"longjti")
            c[u"jti"_s] = QString(152, u'x');
        else if (breakWhat == u"hs256")
            h[u"alg"_s] = u"HS256"_s;
        else if (breakWhat == u"nbf")
            c[u"nbf"_s] = t + 60;
        QString assertion = key->sign(h, c);
        if (breakWhat == u"tamper") {
            QJsonObject other = c;
            other[u"sub"_s] = m_clientId;
            other[u"iat"_s] = t + 1;
            assertion = QString::fromLatin1(b64url(QJsonDocument(h).toJson(QJsonDocument::Compact))) + u'.' +
                        QString::fromLatin1(b64url(QJsonDocument(other).toJson(QJsonDocument::Compact))) + u'.' +
                        assertion.section(u'.', 2);
        }
        if (breakWhat == u"garbage")
            assertion = u"not.a.jwt"_s;
        const HttpResult r = jwtGrant(assertion, clientId);
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().value(u"error"_s).toString(), error);
    }

    void jtiIsSingleUse()
    {
        const QString jti = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(jwtGrant(m_key->sign(header(), claims(jti)), m_clientId).status, 200);
        const HttpResult again = jwtGrant(m_key->sign(header(), claims(jti)), m_clientId);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    }

    void theTokensExpireAndTheGrantRenewsThem()
    {
        const QJsonObject first = jwtGrant(m_key->sign(header(), claims()), m_clientId).json();
        const QUrl url(m_epic.base.toString() + u"/Patient/"_s + m_patient);
        m_now = m_now.addSecs(first.value(u"expires_in"_s).toInt());
        QCOMPARE(m_http.getWithToken(url, first.value(u"access_token"_s).toString()).status, 401);
        const QJsonObject second = jwtGrant(m_key->sign(header(), claims()), m_clientId).json();
        QCOMPARE(m_http.getWithToken(url, second.value(u"access_token"_s).toString()).status, 200);
        // Revoking a token of the dynamic client ends its grant.
        QCOMPARE(m_http.postForm(m_epic.revoke, {{u"token"_s, second.value(u"access_token"_s).toString()}}).status,
                 200);
        const HttpResult after = jwtGrant(m_key->sign(header(), claims()), m_clientId);
        QCOMPARE(after.status, 400);
        QCOMPARE(after.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    }
};

QTEST_GUILESS_MAIN(TestDemoEpicDcr)
#include "TestDemoEpicDcr.moc"
