// Device key (RSA, OpenSSL) and the JWT bearer client assertion. Signatures are checked with an
// independent OpenSSL verifier built from the public JWK.
#include "core/smart/DeviceKey.h"
#include "core/smart/Jwt.h"

#include "smart/JwtVerifier.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;
using hh::smart::test::jwsPart;
using hh::smart::test::verifyJwsWithJwk;

namespace {

// PEM of a key made directly with OpenSSL (for rejection tests).
QByteArray opensslPem(const char* algorithm, int rsaBits, const char* passphrase = nullptr)
{
    EVP_PKEY* key = nullptr;
    if (QByteArray(algorithm) == "RSA")
        key = EVP_RSA_gen(static_cast<unsigned int>(rsaBits));
    else
        key = EVP_EC_gen("P-256");
    BIO* bio = BIO_new(BIO_s_mem());
    if (passphrase) {
        PEM_write_bio_PKCS8PrivateKey(bio, key, EVP_aes_256_cbc(), passphrase, int(qstrlen(passphrase)), nullptr,
                                      nullptr);
    } else {
        PEM_write_bio_PKCS8PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, len);
    BIO_free(bio);
    EVP_PKEY_free(key);
    return out;
}

} // namespace

class TestDeviceKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatedKeyIs2048BitRsa();
    void publicJwkShape();
    void keyIdIsRfc7638Thumbprint();
    void pemRoundTrip();
    void signaturesVerify_data();
    void signaturesVerify();
    void tamperedSignatureFails();
    void clientAssertion();
    void clientAssertionJtiIsUnique();
    void rejectsBadKeys_data();
    void rejectsBadKeys();
    void rejectsBadSizes();

private:
    DeviceKey m_key;
};

void TestDeviceKey::initTestCase()
{
    auto key = DeviceKey::generate();
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().detail()));
    m_key = key.value();
}

void TestDeviceKey::generatedKeyIs2048BitRsa()
{
    QVERIFY(!m_key.isNull());
    QCOMPARE(m_key.bits(), 2048);
    QVERIFY(DeviceKey().isNull());
}

void TestDeviceKey::publicJwkShape()
{
    const QJsonObject jwk = m_key.publicJwk();
    QCOMPARE(jwk.value(u"kty"_s).toString(), u"RSA"_s);
    QCOMPARE(jwk.value(u"e"_s).toString(), u"AQAB"_s); // 65537
    QCOMPARE(jwk.value(u"alg"_s).toString(), u"RS384"_s);
    QCOMPARE(jwk.value(u"kid"_s).toString(), m_key.keyId());
    const QByteArray n = QByteArray::fromBase64(jwk.value(u"n"_s).toString().toLatin1(),
                                                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(n.size(), 256); // 2048-bit modulus
    QVERIFY(!jwk.value(u"n"_s).toString().contains(u'='));
    // No private parts.
    for (const char* p : {"d", "p", "q", "dp", "dq", "qi"})
        QVERIFY2(!jwk.contains(QLatin1StringView(p)), p);
}

void TestDeviceKey::keyIdIsRfc7638Thumbprint()
{
    const QJsonObject jwk = m_key.publicJwk();
    const QByteArray canonical = "{\"e\":\"" + jwk.value(u"e"_s).toString().toLatin1() +
                                 "\",\"kty\":\"RSA\",\"n\":\"" + jwk.value(u"n"_s).toString().toLatin1() + "\"}";
    const QByteArray expected = QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(m_key.keyId().toLatin1(), expected);
    QCOMPARE(m_key.keyId().size(), 43);
}

void TestDeviceKey::pemRoundTrip()
{
    auto pem = m_key.privateKeyPem();
    QVERIFY(pem.ok());
    QVERIFY(pem->toByteArray().startsWith("-----BEGIN PRIVATE KEY-----"));
    auto loaded = DeviceKey::fromPrivateKeyPem(pem.value());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->keyId(), m_key.keyId());
    QCOMPARE(loaded->publicJwk(), m_key.publicJwk());
    // A signature by the reloaded key verifies against the original public key.
    const QByteArray header =
        QByteArray(R"({"alg":"RS384"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray input = header + ".e30";
    auto sig = loaded->sign(input);
    QVERIFY(sig.ok());
    const QByteArray jws =
        input + '.' + sig->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QVERIFY(verifyJwsWithJwk(jws, m_key.publicJwk(), "RS384"));
}

void TestDeviceKey::signaturesVerify_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("RS256") << int(DeviceKey::Algorithm::RS256) << QByteArray("RS256");
    QTest::newRow("RS384") << int(DeviceKey::Algorithm::RS384) << QByteArray("RS384");
    QTest::newRow("RS512") << int(DeviceKey::Algorithm::RS512) << QByteArray("RS512");
}

void TestDeviceKey::signaturesVerify()
{
    QFETCH(int, alg);
    QFETCH(QByteArray, name);
    const auto algorithm = static_cast<DeviceKey::Algorithm>(alg);
    QCOMPARE(algorithmName(algorithm).toLatin1(), name);
    const QByteArray header =
        ("{\"alg\":\"" + name + "\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray input = header + ".eyJzdWIiOiJ4In0";
    auto sig = m_key.sign(input, algorithm);
    QVERIFY(sig.ok());
    QCOMPARE(sig->size(), 256);
    const QByteArray jws =
        input + '.' + sig->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QVERIFY(verifyJwsWithJwk(jws, m_key.publicJwk(), name.constData()));
}

void TestDeviceKey::tamperedSignatureFails()
{
    auto assertion = makeClientAssertion(m_key, u"client"_s, QUrl(u"https://idp.example/token"_s),
                                         QDateTime::currentDateTimeUtc());
    QVERIFY(assertion.ok());
    QByteArray jws = assertion->toByteArray();
    QVERIFY(verifyJwsWithJwk(jws, m_key.publicJwk(), "RS384"));
    // Change one claim character: the signature no longer matches.
    const qsizetype dot = jws.indexOf('.');
    jws[dot + 5] = jws[dot + 5] == 'A' ? 'B' : 'A';
    QVERIFY(!verifyJwsWithJwk(jws, m_key.publicJwk(), "RS384"));
    // Another key's JWK does not verify it either.
    auto other = DeviceKey::generate();
    QVERIFY(other.ok());
    QVERIFY(!verifyJwsWithJwk(assertion->toByteArray(), other->publicJwk(), "RS384"));
}

void TestDeviceKey::clientAssertion()
{
    const QDateTime now = QDateTime(QDate(2026, 5, 4), QTime(10, 0, 0), Qt::UTC);
    const QUrl tokenUrl(u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"_s);
    auto assertion = makeClientAssertion(m_key, u"dyn-client-123"_s, tokenUrl, now);
    QVERIFY(assertion.ok());
    const QByteArray jws = assertion->toByteArray();
    QVERIFY(verifyJwsWithJwk(jws, m_key.publicJwk(), "RS384"));
    const QJsonObject header = jwsPart(jws, 0);
    QCOMPARE(header.value(u"alg"_s).toString(), u"RS384"_s);
    QCOMPARE(header.value(u"typ"_s).toString(), u"JWT"_s);
    QCOMPARE(header.value(u"kid"_s).toString(), m_key.keyId());
    const QJsonObject claims = jwsPart(jws, 1);
    QCOMPARE(claims.value(u"iss"_s).toString(), u"dyn-client-123"_s);
    QCOMPARE(claims.value(u"sub"_s).toString(), u"dyn-client-123"_s);
    QCOMPARE(claims.value(u"aud"_s).toString(), tokenUrl.toString());
    const qint64 t = now.toSecsSinceEpoch();
    QCOMPARE(qint64(claims.value(u"iat"_s).toDouble()), t);
    QCOMPARE(qint64(claims.value(u"nbf"_s).toDouble()), t);
    const qint64 exp = qint64(claims.value(u"exp"_s).toDouble());
    QVERIFY(exp > t);
    QVERIFY(exp - t <= 300); // Epic: at most 5 minutes
    const QString jti = claims.value(u"jti"_s).toString();
    QVERIFY(!jti.isEmpty());
    QVERIFY(jti.size() <= 151);
}

void TestDeviceKey::clientAssertionJtiIsUnique()
{
    QSet<QString> jtis;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 20; ++i) {
        auto a = makeClientAssertion(m_key, u"c"_s, QUrl(u"https://idp.example/token"_s), now);
        QVERIFY(a.ok());
        jtis.insert(jwsPart(a->toByteArray(), 1).value(u"jti"_s).toString());
    }
    QCOMPARE(jtis.size(), 20);
}

void TestDeviceKey::rejectsBadKeys_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    QTest::newRow("rsa 1024") << opensslPem("RSA", 1024);
    QTest::newRow("ec p-256") << opensslPem("EC", 0);
    // Must fail without prompting for a passphrase on the terminal.
    QTest::newRow("encrypted") << opensslPem("RSA", 2048, "secret");
}

void TestDeviceKey::rejectsBadKeys()
{
    QFETCH(QByteArray, pem);
    auto key = DeviceKey::fromPrivateKeyPem(SecretBytes(pem));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), ErrorCode::VaultCorrupt); // a stored key: damaged data, not bad input (exit 1)
}

void TestDeviceKey::rejectsBadSizes()
{
    QVERIFY(!DeviceKey::generate(1024).ok());
    QVERIFY(!DeviceKey::generate(8192).ok());
    QVERIFY(!DeviceKey().privateKeyPem().ok());
    QVERIFY(!DeviceKey().sign("x").ok());
    QVERIFY(DeviceKey().publicJwk().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeviceKey)
#include "TestDeviceKey.moc"
