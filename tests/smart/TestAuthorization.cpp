// The authorization request URL and redirect parsing.
#include "core/smart/AuthorizationRequest.h"
#include "core/smart/Pkce.h"
#include "core/smart/RedirectResult.h"

#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;

namespace {

AuthorizationRequest sampleRequest()
{
    AuthorizationRequest r;
    r.authorizationEndpoint = QUrl(u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/authorize"_s);
    r.clientId = u"my-client-id"_s;
    r.redirectUri = QUrl(u"http://127.0.0.1:8765/callback"_s);
    r.scope = u"launch/patient openid fhirUser patient/Observation.read"_s;
    r.state = u"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
    r.audience = QUrl(u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/"_s);
    r.codeChallenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
    return r;
}

// Decodes a query the way a server's form decoder would ('+' = space), independent of QUrlQuery.
QMap<QString, QString> formDecode(const QByteArray& query)
{
    QMap<QString, QString> out;
    for (const QByteArray& pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        QByteArray k = pair.left(eq), v = pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(k)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(v)));
    }
    return out;
}

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlHasEveryParameter();
    void valuesSurviveFormDecoding();
    void keepsExistingEndpointQuery();
    void loginHintOptional();
    void invalidRequests_data();
    void invalidRequests();
    void prepareAuthorizationGeneratesFreshSecrets();

    void redirectMatch_data();
    void redirectMatch();
    void redirectWithCode();
    void redirectWithError();
    void redirectErrorWinsOverCode();
    void redirectMalformed();
    void redirectCodeIsByteExact();
};

void TestAuthorization::urlHasEveryParameter()
{
    auto url = sampleRequest().toUrl();
    QVERIFY(url.ok());
    QCOMPARE(url->scheme(), u"https"_s);
    QCOMPARE(url->host(), u"fhir.epic.com"_s);
    QCOMPARE(url->path(), u"/interconnect-fhir-oauth/oauth2/authorize"_s);
    const auto params = formDecode(url->query(QUrl::FullyEncoded).toLatin1());
    QCOMPARE(params.value(u"response_type"_s), u"code"_s);
    QCOMPARE(params.value(u"client_id"_s), u"my-client-id"_s);
    QCOMPARE(params.value(u"redirect_uri"_s), u"http://127.0.0.1:8765/callback"_s);
    QCOMPARE(params.value(u"scope"_s), u"launch/patient openid fhirUser patient/Observation.read"_s);
    QCOMPARE(params.value(u"state"_s), u"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s);
    QCOMPARE(params.value(u"aud"_s), u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"_s);
    QCOMPARE(params.value(u"code_challenge"_s), u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
    QCOMPARE(params.value(u"code_challenge_method"_s), u"S256"_s);
    QVERIFY(!params.contains(u"login_hint"_s));
    QVERIFY(!params.contains(u"launch"_s));
    QCOMPARE(params.size(), 8);
}

void TestAuthorization::valuesSurviveFormDecoding()
{
    AuthorizationRequest r = sampleRequest();
    r.loginHint = u"mom+health@example.com"_s; // '+' must not become a space
    r.clientId = u"id&evil=1"_s;               // delimiters must be encoded
    auto url = r.toUrl();
    QVERIFY(url.ok());
    const QByteArray query = url->query(QUrl::FullyEncoded).toLatin1();
    QVERIFY(!query.contains("mom+health"));
    const auto params = formDecode(query);
    QCOMPARE(params.value(u"login_hint"_s), u"mom+health@example.com"_s);
    QCOMPARE(params.value(u"client_id"_s), u"id&evil=1"_s);
    QVERIFY(!params.contains(u"evil"_s));
}

void TestAuthorization::keepsExistingEndpointQuery()
{
    AuthorizationRequest r = sampleRequest();
    r.authorizationEndpoint = QUrl(u"https://idp.example/authorize?tenant=abc"_s);
    auto url = r.toUrl();
    QVERIFY(url.ok());
    const auto params = formDecode(url->query(QUrl::FullyEncoded).toLatin1());
    QCOMPARE(params.value(u"tenant"_s), u"abc"_s);
    QCOMPARE(params.value(u"response_type"_s), u"code"_s);
}

void TestAuthorization::loginHintOptional()
{
    AuthorizationRequest r = sampleRequest();
    r.loginHint = u"fhircamila"_s;
    auto url = r.toUrl();
    QVERIFY(url.ok());
    QCOMPARE(QUrlQuery(url.value()).queryItemValue(u"login_hint"_s), u"fhircamila"_s);
}

void TestAuthorization::invalidRequests_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("http endpoint") << u"endpoint"_s << u"http://idp.example/authorize"_s;
    QTest::newRow("http redirect") << u"redirect"_s << u"http://app.example/callback"_s;
    QTest::newRow("redirect fragment") << u"redirect"_s << u"https://app.example/callback#x"_s;
    QTest::newRow("http aud") << u"aud"_s << u"http://fhir.example/r4"_s;
    QTest::newRow("empty client") << u"client"_s << QString();
    QTest::newRow("empty scope") << u"scope"_s << u"  "_s;
    QTest::newRow("short state") << u"state"_s << u"abc"_s;
    QTest::newRow("state bad chars") << u"state"_s << u"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+/"_s;
    QTest::newRow("plain challenge") << u"challenge"_s << u"short"_s;
}

void TestAuthorization::invalidRequests()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    AuthorizationRequest r = sampleRequest();
    if (field == u"endpoint")
        r.authorizationEndpoint = QUrl(value);
    else if (field == u"redirect")
        r.redirectUri = QUrl(value);
    else if (field == u"aud")
        r.audience = QUrl(value);
    else if (field == u"client")
        r.clientId = value;
    else if (field == u"scope")
        r.scope = value;
    else if (field == u"state")
        r.state = value;
    else if (field == u"challenge")
        r.codeChallenge = value;
    auto url = r.toUrl();
    QVERIFY(!url.ok());
    QCOMPARE(url.error().code(), ErrorCode::InvalidInput);
}

void TestAuthorization::prepareAuthorizationGeneratesFreshSecrets()
{
    SmartConfiguration config;
    config.fhirBaseUrl = QUrl(u"https://fhir.example/r4"_s);
    config.authorizationEndpoint = QUrl(u"https://fhir.example/authorize"_s);
    config.tokenEndpoint = QUrl(u"https://fhir.example/token"_s);
    auto a = prepareAuthorization(config, u"cid"_s, QUrl(u"http://127.0.0.1:8765/callback"_s), u"openid"_s);
    auto b = prepareAuthorization(config, u"cid"_s, QUrl(u"http://127.0.0.1:8765/callback"_s), u"openid"_s);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->state != b->state);
    QVERIFY(!a->codeVerifier.equals(b->codeVerifier));
    const QUrlQuery q(a->url);
    QCOMPARE(q.queryItemValue(u"state"_s), a->state);
    QCOMPARE(q.queryItemValue(u"code_challenge"_s), Pkce::challengeFor(a->codeVerifier));
    QCOMPARE(q.queryItemValue(u"aud"_s, QUrl::FullyDecoded), u"https://fhir.example/r4"_s);
}

void TestAuthorization::redirectMatch_data()
{
    QTest::addColumn<QString>("registered");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << u"http://127.0.0.1:8765/callback"_s << u"http://127.0.0.1:8765/callback?code=x"_s
                          << true;
    QTest::newRow("other port") << u"http://127.0.0.1:8765/callback"_s
                                << u"http://127.0.0.1:8766/callback?code=x"_s << false;
    QTest::newRow("other path") << u"http://127.0.0.1:8765/callback"_s
                                << u"http://127.0.0.1:8765/callback2?code=x"_s << false;
    QTest::newRow("path prefix") << u"http://127.0.0.1:8765/callback"_s << u"http://127.0.0.1:8765/callback/x"_s
                                 << false;
    QTest::newRow("other host") << u"http://127.0.0.1:8765/callback"_s
                                << u"http://localhost:8765/callback?code=x"_s << false;
    QTest::newRow("other scheme") << u"https://app.example/cb"_s << u"http://app.example/cb?code=x"_s << false;
    QTest::newRow("default port") << u"https://app.example/cb"_s << u"https://app.example:443/cb?code=x"_s << true;
    QTest::newRow("host case") << u"https://app.example/cb"_s << u"https://APP.example/cb?code=x"_s << true;
    QTest::newRow("path case") << u"https://app.example/cb"_s << u"https://app.example/CB?code=x"_s << false;
    QTest::newRow("empty path") << u"https://app.example"_s << u"https://app.example/?code=x"_s << true;
    QTest::newRow("portal page") << u"http://127.0.0.1:8765/callback"_s
                                 << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/authorize?x=1"_s
                                 << false;
    QTest::newRow("custom scheme") << u"com.example.healthhub:/oauth/callback"_s
                                   << u"com.example.healthhub:/oauth/callback?code=x"_s << true;
}

void TestAuthorization::redirectMatch()
{
    QFETCH(QString, registered);
    QFETCH(QString, url);
    QFETCH(bool, matches);
    QCOMPARE(matchesRedirectUri(QUrl(url), QUrl(registered)), matches);
    QCOMPARE(parseRedirect(QUrl(url), QUrl(registered)).isRedirect(), matches);
}

void TestAuthorization::redirectWithCode()
{
    const QUrl registered(u"http://127.0.0.1:8765/callback"_s);
    const auto r = parseRedirect(QUrl(u"http://127.0.0.1:8765/callback?code=abc%2Fdef&state=st-1"_s), registered);
    QCOMPARE(r.kind, RedirectResult::Kind::Code);
    QCOMPARE(r.code.toByteArray(), QByteArray("abc/def"));
    QCOMPARE(r.state, u"st-1"_s);
    QVERIFY(r.error.isEmpty());
}

void TestAuthorization::redirectWithError()
{
    const QUrl registered(u"http://127.0.0.1:8765/callback"_s);
    const auto r = parseRedirect(
        QUrl(
            u"http://127.0.0.1:8765/callback?error=access_denied&error_description=The%20user%20said%20no&state=s"_s),
        registered);
    QCOMPARE(r.kind, RedirectResult::Kind::Error);
    QCOMPARE(r.error, u"access_denied"_s);
    QCOMPARE(r.errorDescription, u"The user said no"_s);
    QCOMPARE(r.state, u"s"_s);
    QVERIFY(r.code.isEmpty());
}

void TestAuthorization::redirectErrorWinsOverCode()
{
    const auto r = parseRedirect(QUrl(u"https://app.example/cb?code=x&error=server_error&state=s"_s),
                                 QUrl(u"https://app.example/cb"_s));
    QCOMPARE(r.kind, RedirectResult::Kind::Error);
    QVERIFY(r.code.isEmpty());
    const auto empty =
        parseRedirect(QUrl(u"https://app.example/cb?error=&state=s"_s), QUrl(u"https://app.example/cb"_s));
    QCOMPARE(empty.kind, RedirectResult::Kind::Error);
    QVERIFY(!empty.error.isEmpty());
}

void TestAuthorization::redirectMalformed()
{
    const auto r = parseRedirect(QUrl(u"https://app.example/cb?state=s"_s), QUrl(u"https://app.example/cb"_s));
    QCOMPARE(r.kind, RedirectResult::Kind::Malformed);
    const auto none = parseRedirect(QUrl(u"https://app.example/cb"_s), QUrl(u"https://app.example/cb"_s));
    QCOMPARE(none.kind, RedirectResult::Kind::Malformed);
}

void TestAuthorization::redirectCodeIsByteExact()
{
    // A long JWT-like code with every base64url character: nothing truncated or altered.
    QByteArray code;
    for (int i = 0; i < 40; ++i)
        code += "eyJhbGciOiJSUzI1NiJ9-_.";
    QUrl url(u"http://127.0.0.1:8765/callback"_s);
    url.setQuery(u"code="_s + QString::fromLatin1(code) + u"&state=abc"_s);
    const auto r = parseRedirect(url, QUrl(u"http://127.0.0.1:8765/callback"_s));
    QCOMPARE(r.kind, RedirectResult::Kind::Code);
    QCOMPARE(r.code.toByteArray(), code);
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "TestAuthorization.moc"
