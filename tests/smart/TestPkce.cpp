// PKCE (RFC 7636), state and constant-time comparison, base64url.
#include "core/smart/Base64Url.h"
#include "core/smart/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7636AppendixB();
    void generatedPairIsValidAndConsistent();
    void generatedVerifiersDiffer();
    void fromVerifierValidates_data();
    void fromVerifierValidates();
    void stateHasEnoughEntropyAndAlphabet();
    void constantTimeEquals();
    void base64Url_data();
    void base64Url();
    void base64UrlRejectsOtherAlphabets();
};

void TestPkce::rfc7636AppendixB()
{
    // RFC 7636 Appendix B (the challenge is ...CHaoeK1t8URWbuGJSstw-cM; SHA-256 checked independently).
    const SecretBytes verifier(QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    QCOMPARE(Pkce::challengeFor(verifier), u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
    auto pair = Pkce::fromVerifier(verifier);
    QVERIFY(pair.ok());
    QCOMPARE(pair->challenge, u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
    QVERIFY(pair->verifier.equals(verifier));
}

void TestPkce::generatedPairIsValidAndConsistent()
{
    const Pkce::Pair pair = Pkce::generate();
    QCOMPARE(pair.verifier.size(), std::size_t(43)); // 32 bytes → 43 base64url chars
    const QByteArray v = pair.verifier.toByteArray();
    QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]{43}$"_s).match(QString::fromLatin1(v)).hasMatch());
    QVERIFY(Pkce::isValidVerifier(v));
    QCOMPARE(pair.challenge.size(), 43);
    QCOMPARE(pair.challenge, Pkce::challengeFor(pair.verifier));
    // Independent S256 computation.
    const QByteArray expected = QCryptographicHash::hash(v, QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(pair.challenge.toLatin1(), expected);
}

void TestPkce::generatedVerifiersDiffer()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 64; ++i)
        seen.insert(Pkce::generate().verifier.toByteArray());
    QCOMPARE(seen.size(), 64);
}

void TestPkce::fromVerifierValidates_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
    QTest::newRow("128 chars") << QByteArray(128, 'Z') << true;
    QTest::newRow("unreserved punctuation") << QByteArray("abc-._~").repeated(7) << true;
    QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
    QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
    QTest::newRow("plus") << (QByteArray(42, 'a') + '+') << false;
    QTest::newRow("slash") << (QByteArray(42, 'a') + '/') << false;
    QTest::newRow("space") << (QByteArray(42, 'a') + ' ') << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestPkce::fromVerifierValidates()
{
    QFETCH(QByteArray, verifier);
    QFETCH(bool, valid);
    auto pair = Pkce::fromVerifier(SecretBytes(verifier));
    QCOMPARE(pair.ok(), valid);
    if (!valid)
        QCOMPARE(pair.error().code(), ErrorCode::InvalidInput);
}

void TestPkce::stateHasEnoughEntropyAndAlphabet()
{
    QSet<QString> seen;
    for (int i = 0; i < 64; ++i) {
        const QString state = generateState();
        QVERIFY(state.size() >= 22); // ≥ 16 bytes / 128 bits
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]+$"_s).match(state).hasMatch());
        const auto raw = base64UrlDecode(state.toLatin1());
        QVERIFY(raw.has_value());
        QVERIFY(raw->size() >= 16);
        seen.insert(state);
    }
    QCOMPARE(seen.size(), 64);
}

void TestPkce::constantTimeEquals()
{
    QVERIFY(hh::smart::constantTimeEquals(u"abc"_s, u"abc"_s));
    QVERIFY(!hh::smart::constantTimeEquals(u"abc"_s, u"abd"_s));
    QVERIFY(!hh::smart::constantTimeEquals(u"abc"_s, u"abcd"_s));
    QVERIFY(!hh::smart::constantTimeEquals(u"abc"_s, QString()));
    QVERIFY(hh::smart::constantTimeEquals(QString(), QString()));
    QVERIFY(hh::smart::constantTimeEquals(QByteArrayView("xyz"), QByteArrayView("xyz")));
    QVERIFY(!hh::smart::constantTimeEquals(QByteArrayView("xyz"), QByteArrayView("xyZ")));
}

void TestPkce::base64Url_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("encoded");
    // RFC 4648 §10 vectors, without padding.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    QTest::newRow("url alphabet") << QByteArray::fromHex("fbff") << QByteArray("-_8");
}

void TestPkce::base64Url()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, encoded);
    QCOMPARE(base64UrlEncode(raw), encoded);
    const auto decoded = base64UrlDecode(encoded);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, raw);
}

void TestPkce::base64UrlRejectsOtherAlphabets()
{
    QVERIFY(!base64UrlDecode("+/8").has_value());
    QVERIFY(!base64UrlDecode("Zm 9v").has_value());
    QVERIFY(!base64UrlDecode("Zm9v\n").has_value());
}

QTEST_GUILESS_MAIN(TestPkce)
#include "TestPkce.moc"
