// id_token validation (smart::verifyIdToken): signed here with RSA keys made at test time
// (DeviceKey, OpenSSL), then tampered with one property at a time.
#include "core/smart/Base64Url.h"
#include "core/smart/DeviceKey.h"
#include "core/smart/IdToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hh;
using namespace hh::smart;
using namespace Qt::StringLiterals;

namespace {
const QString kIssuer = u"https://idp.example.org/oauth2"_s;
const QString kClient = u"healthhub-client"_s;
const QString kNonce = u"4f9c1b2a7d3e8f6a0b5c9d2e1f7a3b8c"_s;
} // namespace

class TestIdToken : public QObject
{
    Q_OBJECT

private:
    DeviceKey m_key;
    DeviceKey m_otherKey;
    QDateTime m_now = QDateTime::currentDateTimeUtc();

    // The public JWK as a server publishes it for id_token signing.
    static QJsonObject signingJwk(const DeviceKey& key)
    {
        QJsonObject jwk = key.publicJwk();
        jwk.insert("alg"_L1, u"RS256"_s);
        jwk.insert("use"_L1, u"sig"_s);
        return jwk;
    }

    QJsonObject claims() const
    {
        const qint64 now = m_now.toSecsSinceEpoch();
        return QJsonObject{{u"iss"_s, kIssuer},
                           {u"sub"_s, u"patient-123"_s},
                           {u"aud"_s, kClient},
                           {u"iat"_s, double(now)},
                           {u"exp"_s, double(now + 300)},
                           {u"nonce"_s, kNonce},
                           {u"fhirUser"_s, u"https://fhir.example.org/Patient/123"_s}};
    }

    static QByteArray sign(const DeviceKey& key, const QJsonObject& claims, const QString& kid,
                           const QString& alg = u"RS256"_s)
    {
        QJsonObject header{{u"alg"_s, alg}, {u"typ"_s, u"JWT"_s}};
        if (!kid.isEmpty())
            header.insert("kid"_L1, kid);
        const QByteArray input = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        auto signature = key.sign(input, DeviceKey::Algorithm::RS256);
        return signature ? input + '.' + base64UrlEncode(signature.value()) : QByteArray();
    }

    QByteArray token(const QJsonObject& c) const { return sign(m_key, c, m_key.keyId()); }

    QJsonArray jwks() const { return QJsonArray{signingJwk(m_otherKey), signingJwk(m_key)}; }

    IdTokenExpectations expected() const
    {
        IdTokenExpectations e;
        e.issuer = kIssuer;
        e.clientId = kClient;
        e.nonce = kNonce;
        e.nowUtc = m_now;
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto a = DeviceKey::generate();
        auto b = DeviceKey::generate();
        QVERIFY(a.ok() && b.ok());
        m_key = a.value();
        m_otherKey = b.value();
        QVERIFY(m_key.keyId() != m_otherKey.keyId());
    }

    void validTokenPasses()
    {
        auto verified = verifyIdToken(token(claims()), jwks(), expected());
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().detail()));
        QCOMPARE(verified->value("fhirUser"_L1).toString(), u"https://fhir.example.org/Patient/123"_s);
        // An issuer with a trailing slash in discovery is the same issuer.
        IdTokenExpectations e = expected();
        e.issuer = kIssuer + u'/';
        QVERIFY(verifyIdToken(token(claims()), jwks(), e).ok());
        // aud as an array holding the client id (azp = the client).
        QJsonObject c = claims();
        c.insert("aud"_L1, QJsonArray{u"https://fhir.example.org"_s, kClient});
        c.insert("azp"_L1, kClient);
        QVERIFY(verifyIdToken(token(c), jwks(), expected()).ok());
        // Within the clock skew after exp.
        c = claims();
        c.insert("exp"_L1, double(m_now.toSecsSinceEpoch() - 30));
        QVERIFY(verifyIdToken(token(c), jwks(), expected()).ok());
        QCOMPARE(idTokenKeyId(token(claims())), m_key.keyId());
        QVERIFY(jwksHasKeyFor(jwks(), token(claims())));
    }

    void invalidTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("idToken");
        QTest::addColumn<QString>("detail");

        const QJsonObject good = claims();
        const QByteArray valid = token(good);

        // Signed by another key under our kid; and a valid token with one changed claim byte.
        QTest::newRow("bad signature (other key)") << sign(m_otherKey, good, m_key.keyId()) << u"signature"_s;
        QJsonObject altered = good;
        altered.insert("sub"_L1, u"patient-999"_s);
        const QList<QByteArray> parts = valid.split('.');
        const QByteArray spliced = parts[0] + '.'
            + base64UrlEncode(QJsonDocument(altered).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        QTest::newRow("bad signature (claims changed)") << spliced << u"signature"_s;

        QJsonObject c = good;
        c.insert("aud"_L1, u"someone-else"_s);
        QTest::newRow("wrong aud") << token(c) << u"aud"_s;
        c = good;
        c.insert("aud"_L1, QJsonArray{u"someone-else"_s});
        QTest::newRow("wrong aud (array)") << token(c) << u"aud"_s;
        c = good;
        c.remove("aud"_L1);
        QTest::newRow("no aud") << token(c) << u"aud"_s;

        c = good;
        c.insert("nonce"_L1, u"a-nonce-of-another-sign-in-0000"_s);
        QTest::newRow("wrong nonce") << token(c) << u"nonce"_s;
        c = good;
        c.remove("nonce"_L1);
        QTest::newRow("no nonce") << token(c) << u"nonce"_s;

        c = good;
        c.insert("exp"_L1, double(m_now.toSecsSinceEpoch() - 3600));
        QTest::newRow("expired") << token(c) << u"expired"_s;
        c = good;
        c.remove("exp"_L1);
        QTest::newRow("no exp") << token(c) << u"exp"_s;

        c = good;
        c.insert("iss"_L1, u"https://evil.example.org/oauth2"_s);
        QTest::newRow("wrong iss") << token(c) << u"iss"_s;

        QTest::newRow("unknown kid") << sign(m_key, good, u"no-such-key"_s) << u"kid"_s;
        QTest::newRow("alg HS256") << sign(m_key, good, m_key.keyId(), u"HS256"_s) << u"RS256"_s;
        QTest::newRow("alg none") << QByteArray(base64UrlEncode(R"({"alg":"none"})") + '.'
                                                + base64UrlEncode(QJsonDocument(good).toJson()) + '.')
                                  << u"JWS"_s;
        QTest::newRow("not a JWT") << QByteArray("opaque-token") << u"JWS"_s;
    }

    void invalidTokensAreRefused()
    {
        QFETCH(QByteArray, idToken);
        QFETCH(QString, detail);
        QVERIFY(!idToken.isEmpty());
        auto verified = verifyIdToken(idToken, jwks(), expected());
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code(), ErrorCode::Protocol);
        QVERIFY2(verified.error().detail().contains(detail), qPrintable(verified.error().detail()));
        QVERIFY(!verified.error().message().isEmpty());
        // The detail never carries the token.
        QVERIFY(!verified.error().detail().contains(QString::fromLatin1(idToken.left(20))));
    }

    void unknownKidIsNotInTheJwks()
    {
        // What ConnectService uses to decide to fetch the keys again (key rotation).
        const QByteArray rotated = sign(m_key, claims(), u"rotated-key"_s);
        QVERIFY(!jwksHasKeyFor(jwks(), rotated));
        QJsonObject renamed = signingJwk(m_key);
        renamed.insert("kid"_L1, u"rotated-key"_s);
        QVERIFY(jwksHasKeyFor(QJsonArray{renamed}, rotated));
        QVERIFY(verifyIdToken(rotated, QJsonArray{renamed}, expected()).ok());
    }

    void keysForOtherUsesAreIgnored()
    {
        QJsonObject enc = signingJwk(m_key);
        enc.insert("use"_L1, u"enc"_s);
        auto verified = verifyIdToken(token(claims()), QJsonArray{enc}, expected());
        QVERIFY(!verified.ok());
        QVERIFY(verified.error().detail().contains(u"kid"_s));
    }
};

QTEST_GUILESS_MAIN(TestIdToken)
#include "TestIdToken.moc"
