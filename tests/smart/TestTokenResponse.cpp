// Token endpoint reply parsing (pure).
#include "core/smart/Jwt.h"
#include "core/smart/TokenResponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);

QByteArray b64url(const QByteArray& raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An unsigned-looking JWT whose exp is `exp` (signature is irrelevant to the parser).
QByteArray fakeJwt(qint64 exp)
{
    return b64url(R"({"alg":"RS256","typ":"JWT"})") + '.' +
           b64url(QJsonDocument(QJsonObject{{u"exp"_s, double(exp)}, {u"sub"_s, u"x"_s}})
                      .toJson(QJsonDocument::Compact)) +
           '.' + b64url("signature-bytes");
}

} // namespace

class TestTokenResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epicReply();
    void tokenTypeCaseInsensitive_data();
    void tokenTypeCaseInsensitive();
    void expiry_data();
    void expiry();
    void longTokensAreNotTruncated();
    void oauthErrors_data();
    void oauthErrors();
    void garbage_data();
    void garbage();
    void jwtClaims();
};

void TestTokenResponse::epicReply()
{
    const QByteArray body = R"({"access_token":"eyJ.access.token","token_type":"bearer","expires_in":3600,
        "scope":"fhirUser launch/patient openid patient/Patient.read","id_token":"eyJ.id.token",
        "__epic.dstu2.patient":"T1wI5bk8n1YVgvWk9D05BmRV0Pi3ECImNSK8DKyKltsMB","patient":"erXuFYUfucBZaryVksYEcMg3",
        "state":"abc"})";
    auto r = parseTokenResponse(body, 200, kNow);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail()));
    QCOMPARE(r->accessToken.toByteArray(), QByteArray("eyJ.access.token"));
    QCOMPARE(r->tokenType, u"Bearer"_s);
    QCOMPARE(r->expiresIn, 3600);
    QCOMPARE(r->expiresAt, kNow.addSecs(3600));
    QCOMPARE(r->expirySource, TokenResponse::ExpirySource::ExpiresIn);
    QCOMPARE(r->patient, u"erXuFYUfucBZaryVksYEcMg3"_s);
    QCOMPARE(r->scope, u"fhirUser launch/patient openid patient/Patient.read"_s);
    QCOMPARE(r->idToken.toByteArray(), QByteArray("eyJ.id.token"));
    QVERIFY(!r->hasRefreshToken()); // Epic public client: none
}

void TestTokenResponse::tokenTypeCaseInsensitive_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("ok");
    QTest::newRow("Bearer") << QByteArray("\"Bearer\"") << true;
    QTest::newRow("bearer") << QByteArray("\"bearer\"") << true;
    QTest::newRow("BEARER") << QByteArray("\"BEARER\"") << true;
    QTest::newRow("mac") << QByteArray("\"mac\"") << false;
    QTest::newRow("DPoP") << QByteArray("\"DPoP\"") << false;
    QTest::newRow("missing") << QByteArray() << false;
    QTest::newRow("number") << QByteArray("1") << false;
}

void TestTokenResponse::tokenTypeCaseInsensitive()
{
    QFETCH(QByteArray, type);
    QFETCH(bool, ok);
    QByteArray body = R"({"access_token":"abc","expires_in":60)";
    if (!type.isEmpty())
        body += R"(,"token_type":)" + type;
    body += '}';
    auto r = parseTokenResponse(body, 200, kNow);
    QCOMPARE(r.ok(), ok);
    if (!ok)
        QCOMPARE(r.error().code(), ErrorCode::Protocol);
}

void TestTokenResponse::expiry_data()
{
    QTest::addColumn<QByteArray>("expiresIn"); // JSON value or empty for absent
    QTest::addColumn<bool>("jwt");             // access token is a JWT expiring in 1800 s
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<int>("source");
    const int kIn = int(TokenResponse::ExpirySource::ExpiresIn);
    const int kJwt = int(TokenResponse::ExpirySource::JwtExp);
    const int kDef = int(TokenResponse::ExpirySource::Default);
    QTest::newRow("3600") << QByteArray("3600") << false << qint64(3600) << kIn;
    QTest::newRow("string") << QByteArray("\"1200\"") << false << qint64(1200) << kIn;
    QTest::newRow("fraction") << QByteArray("299.7") << false << qint64(299) << kIn;
    QTest::newRow("missing, opaque") << QByteArray() << false << qint64(300) << kDef;
    QTest::newRow("missing, jwt") << QByteArray() << true << qint64(1800) << kJwt;
    QTest::newRow("null, jwt") << QByteArray("null") << true << qint64(1800) << kJwt;
    QTest::newRow("zero → fallback") << QByteArray("0") << false << qint64(300) << kDef;
    QTest::newRow("negative → jwt") << QByteArray("-5") << true << qint64(1800) << kJwt;
    QTest::newRow("garbage string") << QByteArray("\"soon\"") << false << qint64(300) << kDef;
    QTest::newRow("clamp low") << QByteArray("5") << false << TokenResponse::kMinLifetime << kIn;
    QTest::newRow("clamp high") << QByteArray("31536000") << false << TokenResponse::kMaxLifetime << kIn;
    QTest::newRow("huge") << QByteArray("1e300") << false << TokenResponse::kMaxLifetime << kIn;
}

void TestTokenResponse::expiry()
{
    QFETCH(QByteArray, expiresIn);
    QFETCH(bool, jwt);
    QFETCH(qint64, expected);
    QFETCH(int, source);
    const QByteArray token = jwt ? fakeJwt(kNow.toSecsSinceEpoch() + 1800) : QByteArray("opaque-token");
    QByteArray body = R"({"token_type":"Bearer","access_token":")" + token + '"';
    if (!expiresIn.isEmpty())
        body += R"(,"expires_in":)" + expiresIn;
    body += '}';
    auto r = parseTokenResponse(body, 200, kNow);
    QVERIFY(r.ok());
    QCOMPARE(r->expiresIn, expected);
    QCOMPARE(r->expiresAt, kNow.addSecs(expected));
    QCOMPARE(int(r->expirySource), source);
}

void TestTokenResponse::longTokensAreNotTruncated()
{
    QByteArray access(20000, 'A');
    access[0] = 'e';
    QByteArray refresh(5000, 'r');
    refresh += "+/=";
    const QByteArray body = R"({"token_type":"Bearer","expires_in":3600,"access_token":")" + access +
                            R"(","refresh_token":")" + refresh + R"("})";
    auto r = parseTokenResponse(body, 200, kNow);
    QVERIFY(r.ok());
    QCOMPARE(r->accessToken.toByteArray(), access);
    QCOMPARE(r->refreshToken.toByteArray(), refresh);
    QVERIFY(r->hasRefreshToken());
}

void TestTokenResponse::oauthErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("invalid_grant 400")
        << QByteArray(R"({"error":"invalid_grant","error_description":"Refresh token expired"})") << 400
        << ErrorCode::Unauthorized;
    QTest::newRow("invalid_client 401")
        << QByteArray(R"({"error":"invalid_client"})") << 401 << ErrorCode::Unauthorized;
    QTest::newRow("unauthorized_client")
        << QByteArray(R"({"error":"unauthorized_client"})") << 400 << ErrorCode::Unauthorized;
    QTest::newRow("access_denied") << QByteArray(R"({"error":"access_denied"})") << 400 << ErrorCode::Unauthorized;
    QTest::newRow("invalid_request") << QByteArray(R"({"error":"invalid_request"})") << 400 << ErrorCode::Server;
    QTest::newRow("unsupported_grant_type")
        << QByteArray(R"({"error":"unsupported_grant_type"})") << 400 << ErrorCode::Server;
    QTest::newRow("error with 200") << QByteArray(R"({"error":"invalid_grant","access_token":"x"})") << 200
                                    << ErrorCode::Unauthorized;
    QTest::newRow("401 no body") << QByteArray() << 401 << ErrorCode::Unauthorized;
    QTest::newRow("500 html") << QByteArray("<html>oops</html>") << 500 << ErrorCode::Server;
    QTest::newRow("429") << QByteArray() << 429 << ErrorCode::Server;
}

void TestTokenResponse::oauthErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(ErrorCode, code);
    auto r = parseTokenResponse(body, status, kNow);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), code);
    QVERIFY(!r.error().message().isEmpty());
    if (body.contains("Refresh token expired"))
        QVERIFY(r.error().message().contains(u"Refresh token expired"));
    const QString oauthError = QJsonDocument::fromJson(body).object().value(u"error"_s).toString();
    if (!oauthError.isEmpty())
        QVERIFY(r.error().detail().contains(oauthError));
    QVERIFY(!r.error().detail().contains(u"Refresh token expired"_s)); // descriptions stay out of logs
}

void TestTokenResponse::garbage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>Sign in</body></html>");
    QTest::newRow("array") << QByteArray(R"([{"access_token":"x"}])");
    QTest::newRow("truncated") << QByteArray(R"({"access_token":"x","token_type":"Bea)");
    QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer","expires_in":1})");
    QTest::newRow("empty access token") << QByteArray(R"({"access_token":"","token_type":"Bearer"})");
    QTest::newRow("numeric access token") << QByteArray(R"({"access_token":12,"token_type":"Bearer"})");
    QTest::newRow("nul bytes") << QByteArray("\0\0\0{", 4);
}

void TestTokenResponse::garbage()
{
    QFETCH(QByteArray, body);
    auto r = parseTokenResponse(body, 200, kNow);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::Protocol);
}

void TestTokenResponse::jwtClaims()
{
    const auto claims = jwtClaimsUnverified(fakeJwt(123));
    QVERIFY(claims.has_value());
    QCOMPARE(claims->value(u"exp"_s).toDouble(), 123.0);
    QVERIFY(!jwtClaimsUnverified("opaque").has_value());
    QVERIFY(!jwtClaimsUnverified("a.b.c").has_value());
    QVERIFY(!jwtClaimsUnverified(fakeJwt(1) + ".extra.part").has_value()); // JWE-like
    QVERIFY(!jwtClaimsUnverified("..").has_value());
}

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "TestTokenResponse.moc"
