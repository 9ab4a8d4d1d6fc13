#include "core/demo/OAuthService.h"

#include "core/Log.h"
#include "core/demo/DemoPages.h"
#include "core/demo/Jwt.h"
#include "core/demo/SmartScopes.h"
#include "core/vault/Crypto.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hh::demo {

namespace {

constexpr int kCodeLifetimeSecs = 60;
constexpr int kTransactionLifetimeSecs = 600;
constexpr int kMaxAssertionLifetimeSecs = 300;
const QString kDemoClientId = u"healthhub-demo"_s;
const QString kJwtBearer = u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;
const QString kDemoPassword = u"demo"_s;

QString normalizedUrl(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

bool isPkceVerifier(const QString& v)
{
    static const QRegularExpression re(u"^[A-Za-z0-9\\-._~]{43,128}$"_s);
    return re.match(v).hasMatch();
}

QString s256(const QString& verifier)
{
    return QString::fromLatin1(
        jwt::base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

bool constantTimeEquals(const QString& a, const QString& b)
{
    const QByteArray x = a.toUtf8(), y = b.toUtf8();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}

DemoResponse tokenJson(const QJsonObject& o)
{
    DemoResponse r = DemoResponse::json(200, o, "application/json;charset=UTF-8");
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Pragma", "no-cache");
    return r;
}

DemoResponse htmlResponse(int status, const QByteArray& html)
{
    DemoResponse r = DemoResponse::bytes(status, html, "text/html; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("X-Frame-Options", "DENY");
    r.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    return r;
}

QUrl withQuery(const QString& uri, const QList<QPair<QString, QString>>& items)
{
    QUrl url(uri);
    QUrlQuery q(url);
    for (const auto& [k, v] : items)
        if (!v.isEmpty() || k == u"state")
            q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    url.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

// The grant fields inside a sealed token.
void writeGrant(QJsonObject& o, const OAuthService::Grant& g)
{
    o.insert(u"g"_s, g.id);
    o.insert(u"e"_s, g.endpointId);
    o.insert(u"c"_s, g.clientId);
    o.insert(u"p"_s, g.patientId);
    o.insert(u"u"_s, g.user);
    o.insert(u"s"_s, g.scopes.join(u' '));
}

OAuthService::Grant readGrant(const QJsonObject& o)
{
    OAuthService::Grant g;
    g.id = o.value(u"g"_s).toString();
    g.endpointId = o.value(u"e"_s).toString();
    g.clientId = o.value(u"c"_s).toString();
    g.patientId = o.value(u"p"_s).toString();
    g.user = o.value(u"u"_s).toString();
    g.scopes = o.value(u"s"_s).toString().split(u' ', Qt::SkipEmptyParts);
    return g;
}

const QString kAccessKind = u"at"_s;
const QString kRefreshKind = u"rt"_s;
const QString kClientKind = u"dc"_s;

} // namespace

OAuthService::OAuthService(const SyntheticFamily& family, std::function<QDateTime()> clock)
    : m_family(family), m_clock(std::move(clock))
{
    m_settings.tokenKey = SecretBytes::random(crypto::kKeySize);
}

void OAuthService::setSettings(const Settings& settings)
{
    m_settings = settings;
    if (m_settings.tokenKey.size() != crypto::kKeySize)
        m_settings.tokenKey = SecretBytes::random(crypto::kKeySize);
}

// "hh<kind>." + base64url(nonce || secretbox(json)): opaque to clients, unforgeable and unreadable
// without the key; the kind is inside the sealed payload too, so one kind never passes for another.
QString OAuthService::sealToken(const QString& kind, QJsonObject payload) const
{
    payload.insert(u"k"_s, kind);
    const QByteArray sealed =
        crypto::seal(m_settings.tokenKey, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return u"hh"_s + kind + u'.' + QString::fromLatin1(jwt::base64Url(sealed));
}

std::optional<QJsonObject> OAuthService::openToken(const QString& kind, const QString& token) const
{
    const QString prefix = u"hh"_s + kind + u'.';
    if (!token.startsWith(prefix) || token.size() > 8192)
        return std::nullopt;
    const auto raw = jwt::fromBase64Url(QStringView(token).mid(prefix.size()).toLatin1());
    if (!raw)
        return std::nullopt;
    auto opened = crypto::open(m_settings.tokenKey, *raw);
    if (!opened)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(opened->toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() || doc.object().value(u"k"_s).toString() != kind)
        return std::nullopt;
    return doc.object();
}

std::optional<OAuthService::TokenContents> OAuthService::openAccessToken(const QString& token) const
{
    const auto o = openToken(kAccessKind, token);
    if (!o)
        return std::nullopt;
    TokenContents t;
    t.grant = readGrant(*o);
    t.grant.revoked = isRevoked(t.grant.id);
    t.jti = o->value(u"j"_s).toString();
    t.issuedMs = qint64(o->value(u"t"_s).toDouble());
    t.expiresAt = qint64(o->value(u"x"_s).toDouble());
    return t;
}

std::optional<OAuthService::TokenContents> OAuthService::openRefreshToken(const QString& token) const
{
    const auto o = openToken(kRefreshKind, token);
    if (!o)
        return std::nullopt;
    TokenContents t;
    t.grant = readGrant(*o);
    t.grant.revoked = isRevoked(t.grant.id);
    t.jti = o->value(u"j"_s).toString();
    return t;
}

std::optional<OAuthService::DynamicClient> OAuthService::openDynamicClient(const QString& clientId) const
{
    const auto o = openToken(kClientKind, clientId);
    if (!o)
        return std::nullopt;
    DynamicClient c;
    c.grant = readGrant(*o);
    c.grant.clientId = clientId; // the grant belongs to the dynamic client itself
    c.grant.revoked = isRevoked(c.grant.id);
    c.endpointId = c.grant.endpointId;
    c.softwareId = o->value(u"sw"_s).toString();
    c.keys = o->value(u"keys"_s).toArray();
    return c;
}

QString OAuthService::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(jwt::base64Url(raw));
}

bool OAuthService::isAllowedRedirect(const QString& uri, const QStringList& extra)
{
    if (extra.contains(uri))
        return true;
    const QUrl url(uri, QUrl::StrictMode);
    // RFC 8252 §7.3: loopback IP literal, any port, the registered path.
    return url.isValid() && url.scheme() == u"http" && url.host() == u"127.0.0.1" && url.userInfo().isEmpty() &&
           url.path() == u"/callback" && !url.hasQuery() && !url.hasFragment();
}

bool OAuthService::isKnownClient(const QString& clientId) const
{
    return clientId == kDemoClientId || m_settings.clientIds.contains(clientId);
}

QString OAuthService::resolvePatientId(const EndpointConfig& ep, const QString& user) const
{
    const auto patient = m_family.patient(user);
    if (!patient)
        return {};
    return ep.isReplay() ? ep.replayPatientId : patient->idAt(ep.vendor);
}

void OAuthService::purge()
{
    const QDateTime t = now();
    for (auto it = m_transactions.begin(); it != m_transactions.end();)
        it = it->created.secsTo(t) > kTransactionLifetimeSecs ? m_transactions.erase(it) : std::next(it);
    for (auto it = m_seenJti.begin(); it != m_seenJti.end();)
        it = it.value() < t ? m_seenJti.erase(it) : std::next(it);
}

DemoResponse OAuthService::handle(const EndpointConfig& ep, const QString& operation, const DemoRequest& request)
{
    purge();
    if (operation == u"authorize")
        return authorize(ep, request);
    if (operation == u"login" && request.method == "POST")
        return login(ep, request);
    if (operation == u"consent" && request.method == "POST")
        return consent(ep, request);
    if (operation == u"token")
        return request.method == "POST" ? token(ep, request)
                                        : DemoResponse::oauthError(405, u"invalid_request"_s, u"POST only"_s);
    if (operation == u"revoke" && request.method == "POST")
        return revoke(ep, request);
    if (operation == u"introspect" && request.method == "POST")
        return introspect(ep, request);
    if (operation == u"register" && ep.vendor == Vendor::Epic && request.method == "POST")
        return registerClient(ep, request);
    if ((operation == u"jwks" || operation == u"keys") && request.method == "GET")
        return jwks();
    return DemoResponse::oauthError(404, u"invalid_request"_s, u"Unknown OAuth operation"_s);
}

// --- authorize / login / consent
// ---------------------------------------------------------------------------------

DemoResponse OAuthService::errorPage(const EndpointConfig& ep, const QString& error,
                                     const QString& description) const
{
    return htmlResponse(400, pages::error(ep.name, error, description));
}

DemoResponse OAuthService::loginPage(const EndpointConfig& ep, const Transaction& txn, const QString& username,
                                     const QString& error) const
{
    pages::LoginPage page;
    page.endpointName = ep.name;
    page.action = u"login"_s;
    page.txn = txn.id;
    page.username = username;
    page.error = error;
    if (m_settings.autoApprove && error.isEmpty()) {
        page.username = username.isEmpty() ? m_family.patients().first().key : username;
        page.password = kDemoPassword;
        page.autoSubmit = true;
    }
    return htmlResponse(200, pages::login(page));
}

DemoResponse OAuthService::authorize(const EndpointConfig& ep, const DemoRequest& request)
{
    QUrlQuery params;
    if (request.method == "GET") {
        params = request.formQuery();
    } else if (request.method == "POST" && ep.vendor == Vendor::Athena) {
        params = request.form();
    } else {
        // Epic advertises authorize-post but only takes GET for a standalone launch.
        return errorPage(ep, u"invalid_request"_s, u"Use GET for the authorization request."_s);
    }
    const QString clientId = queryValue(params, u"client_id"_s);
    const QString redirectUri = queryValue(params, u"redirect_uri"_s);
    // RFC 6749 §4.1.2.1: a bad client or redirect URI is reported to the user, never by redirecting.
    if (clientId.isEmpty() || !isKnownClient(clientId))
        return errorPage(ep, u"invalid_client"_s, u"Unknown client_id."_s);
    if (redirectUri.isEmpty() || !isAllowedRedirect(redirectUri, m_settings.extraRedirectUris))
        return errorPage(ep, u"invalid_request"_s,
                         u"The redirect_uri does not match the registered redirect URI."_s);

    const QString state = queryValue(params, u"state"_s);
    const auto fail = [&](const QString& error, const QString& description) {
        return DemoResponse::redirect(withQuery(
            redirectUri, {{u"error"_s, error}, {u"error_description"_s, description}, {u"state"_s, state}}));
    };
    if (queryValue(params, u"response_type"_s) != u"code")
        return fail(u"unsupported_response_type"_s, u"Only response_type=code is supported."_s);
    const QString challenge = queryValue(params, u"code_challenge"_s);
    const QString method = queryValue(params, u"code_challenge_method"_s);
    if (challenge.isEmpty())
        return fail(u"invalid_request"_s, u"PKCE code_challenge is required."_s);
    if (method != u"S256")
        return fail(u"invalid_request"_s, u"Transform algorithm not supported: use code_challenge_method=S256."_s);
    static const QRegularExpression kChallenge(u"^[A-Za-z0-9_-]{43}$"_s);
    if (!kChallenge.match(challenge).hasMatch())
        return fail(u"invalid_request"_s, u"Malformed code_challenge."_s);
    const QString aud = queryValue(params, u"aud"_s);
    if (aud.isEmpty())
        return fail(u"invalid_request"_s, u"The aud parameter is required."_s);
    if (normalizedUrl(aud) != normalizedUrl(ep.fhirBase()))
        return fail(u"invalid_request"_s, u"The aud parameter does not name this FHIR server."_s);
    const QStringList requested = scopes::parse(queryValue(params, u"scope"_s));
    if (requested.isEmpty())
        return fail(u"invalid_scope"_s, u"A scope is required."_s);

    Transaction txn;
    txn.id = randomToken(24);
    txn.endpointId = ep.id;
    txn.clientId = clientId;
    txn.redirectUri = redirectUri;
    txn.state = state;
    txn.scopes = requested;
    txn.codeChallenge = challenge;
    txn.nonce = queryValue(params, u"nonce"_s);
    txn.created = now();
    m_transactions.insert(txn.id, txn);

    // User names are case-insensitive, as the login form treats them.
    QString hint = queryValue(params, u"login_hint"_s).trimmed().toLower();
    if (m_settings.autoApprove && !m_family.patient(hint)) {
        // Nobody is there to type a user name: refuse rather than sign in as somebody else (a profile would get
        // another person's records).
        m_transactions.remove(txn.id);
        const QString why = hint.isEmpty()
                                ? u"This demo portal signs in by itself only the patient its login_hint names "
                                  u"(mother, father, self or child)."_s
                                : u"This demo portal has no patient with that user name."_s;
        return DemoResponse::redirect(withQuery(
            redirectUri, {{u"error"_s, u"access_denied"_s}, {u"error_description"_s, why}, {u"state"_s, state}}));
    }
    if (!m_family.patient(hint))
        hint.clear();
    return loginPage(ep, txn, hint, {});
}

DemoResponse OAuthService::login(const EndpointConfig& ep, const DemoRequest& request)
{
    const QUrlQuery form = request.form();
    auto it = m_transactions.find(queryValue(form, u"txn"_s));
    if (it == m_transactions.end() || it->endpointId != ep.id)
        return errorPage(ep, u"invalid_request"_s, u"The sign-in session expired. Start again from the app."_s);
    const QString username = queryValue(form, u"username"_s).trimmed().toLower();
    const QString password = queryValue(form, u"password"_s);
    if (!m_family.patient(username) || password != kDemoPassword) {
        auto page = loginPage(ep, *it, username, u"Incorrect username or password."_s);
        return page;
    }
    it->user = username;
    const auto patient = m_family.patient(username);
    pages::ConsentPage page;
    page.endpointName = ep.name;
    page.action = u"consent"_s;
    page.txn = it->id;
    page.clientId = it->clientId;
    page.patientName = patient->displayName;
    for (const QString& s : it->scopes)
        page.scopes.append({s, pages::describeScope(s)});
    page.autoSubmit = m_settings.autoApprove;
    return htmlResponse(200, pages::consent(page));
}

DemoResponse OAuthService::consent(const EndpointConfig& ep, const DemoRequest& request)
{
    const QUrlQuery form = request.form();
    auto it = m_transactions.find(queryValue(form, u"txn"_s));
    if (it == m_transactions.end() || it->endpointId != ep.id || it->user.isEmpty())
        return errorPage(ep, u"invalid_request"_s, u"The sign-in session expired. Start again from the app."_s);
    const Transaction txn = *it;
    m_transactions.erase(it); // single use
    if (queryValue(form, u"decision"_s) != u"allow")
        return DemoResponse::redirect(
            withQuery(txn.redirectUri, {{u"error"_s, u"access_denied"_s},
                                        {u"error_description"_s, u"The patient denied access."_s},
                                        {u"state"_s, txn.state}}));
    Grant grant;
    grant.id = randomToken(12);
    grant.endpointId = ep.id;
    grant.clientId = txn.clientId;
    grant.user = txn.user;
    grant.patientId = resolvePatientId(ep, txn.user);
    grant.scopes = scopes::grant(txn.scopes);
    m_grants.insert(grant.id, grant);

    Code code;
    code.endpointId = ep.id;
    code.clientId = txn.clientId;
    code.redirectUri = txn.redirectUri;
    code.codeChallenge = txn.codeChallenge;
    code.state = txn.state;
    code.nonce = txn.nonce;
    code.grantId = grant.id;
    code.created = now();
    const QString value = randomToken(32);
    m_codes.insert(value, code);
    recordIssued(value);
    return DemoResponse::redirect(withQuery(txn.redirectUri, {{u"code"_s, value}, {u"state"_s, txn.state}}));
}

// --- token
// -------------------------------------------------------------------------------------------------------

QJsonObject OAuthService::issueTokens(const EndpointConfig& ep, Grant& grant, bool withRefresh,
                                      const QString& nonce, bool withIdToken)
{
    QJsonObject payload;
    writeGrant(payload, grant);
    const QString jti = randomToken(12);
    payload.insert(u"j"_s, jti);
    payload.insert(u"t"_s, double(now().toMSecsSinceEpoch()));
    payload.insert(u"x"_s, double(now().addSecs(m_settings.accessTokenLifetimeSecs).toSecsSinceEpoch()));
    const QString access = sealToken(kAccessKind, payload);
    m_issuedAccessJti.insert(jti);
    const bool epic = ep.vendor == Vendor::Epic;
    QJsonObject o{{u"access_token"_s, access},
                  {u"token_type"_s, epic ? u"bearer"_s : u"Bearer"_s},
                  {u"expires_in"_s, m_settings.accessTokenLifetimeSecs},
                  {u"scope"_s, scopes::reply(ep.vendor, grant.scopes)},
                  {u"patient"_s, grant.patientId}};
    if (epic)
        o[u"__epic.dstu2.patient"_s] = u"T"_s + grant.patientId.mid(1);
    if (withRefresh) {
        QJsonObject rt;
        writeGrant(rt, grant);
        rt.insert(u"j"_s, randomToken(12));
        o[u"refresh_token"_s] = sealToken(kRefreshKind, rt);
    }
    if (withIdToken && scopes::has(grant.scopes, u"openid"_s)) {
        const qint64 iat = now().toSecsSinceEpoch();
        QJsonObject claims{
            {u"iss"_s, ep.issuer()},
            {u"sub"_s,
             QString::fromLatin1(jwt::base64Url(QCryptographicHash::hash((ep.id + u':' + grant.user).toUtf8(),
                                                                         QCryptographicHash::Sha256))
                                     .left(22))},
            {u"aud"_s, grant.clientId},
            {u"iat"_s, iat},
            {u"exp"_s, iat + 300},
            {u"fhirUser"_s, ep.fhirBase() + u"/Patient/"_s + grant.patientId}};
        if (!nonce.isEmpty())
            claims[u"nonce"_s] = nonce;
        if (scopes::has(grant.scopes, u"profile"_s))
            claims[u"preferred_username"_s] = grant.user;
        o[u"id_token"_s] = QString::fromLatin1(jwt::ServerKey::instance().sign(claims));
    }
    for (const QString& key : {u"access_token"_s, u"refresh_token"_s, u"id_token"_s})
        if (o.contains(key))
            recordIssued(o.value(key).toString());
    return o;
}

void OAuthService::recordIssued(const QString& secret)
{
    if (m_recordIssued && m_issuedSecrets.size() < kMaxRecordedSecrets)
        m_issuedSecrets.append(secret);
}

DemoResponse OAuthService::token(const EndpointConfig& ep, const DemoRequest& request)
{
    if (!request.header("authorization").isEmpty() && request.header("authorization").startsWith("Basic"))
        return DemoResponse::oauthError(401, u"invalid_client"_s,
                                        u"Confidential clients are not registered here."_s);
    const QUrlQuery form = request.form();
    const QString grantType = queryValue(form, u"grant_type"_s);
    if (grantType.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"grant_type is required."_s);
    if (grantType == u"authorization_code")
        return tokenFromCode(ep, form);
    if (grantType == u"refresh_token")
        return tokenFromRefresh(ep, form);
    if (grantType == kJwtBearer && ep.vendor == Vendor::Epic)
        return tokenFromJwt(ep, form);
    return DemoResponse::oauthError(400, u"unsupported_grant_type"_s, u"Unsupported grant_type."_s);
}

DemoResponse OAuthService::tokenFromCode(const EndpointConfig& ep, const QUrlQuery& form)
{
    const QString clientId = queryValue(form, u"client_id"_s);
    const QString codeValue = queryValue(form, u"code"_s);
    const QString redirectUri = queryValue(form, u"redirect_uri"_s);
    const QString verifier = queryValue(form, u"code_verifier"_s);
    if (clientId.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"client_id is required."_s);
    if (!isKnownClient(clientId))
        return DemoResponse::oauthError(401, u"invalid_client"_s, u"Unknown client_id."_s);
    if (codeValue.isEmpty() || redirectUri.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"code and redirect_uri are required."_s);
    if (verifier.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"code_verifier is required (PKCE)."_s);
    auto it = m_codes.find(codeValue);
    if (it == m_codes.end() || it->endpointId != ep.id)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"Unknown authorization code."_s);
    if (it->used) {
        // RFC 6749 §4.1.2: a reused code revokes what it produced.
        revokeGrant(it->grantId);
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The authorization code was already used."_s);
    }
    if (it->created.secsTo(now()) > kCodeLifetimeSecs) {
        it->used = true;
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The authorization code expired."_s);
    }
    if (it->clientId != clientId)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The code was issued to another client."_s);
    if (it->redirectUri != redirectUri)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"redirect_uri does not match."_s);
    if (!isPkceVerifier(verifier) || !constantTimeEquals(s256(verifier), it->codeChallenge))
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"PKCE verification failed."_s);
    it->used = true;
    auto grant = m_grants.find(it->grantId);
    if (grant == m_grants.end() || isRevoked(grant->id))
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The grant was revoked."_s);
    // Epic gives public clients no refresh token; athena does when offline_access was granted.
    const bool refresh = ep.vendor == Vendor::Athena && scopes::has(grant->scopes, u"offline_access"_s);
    QJsonObject reply = issueTokens(ep, *grant, refresh, it->nonce, true);
    if (ep.vendor == Vendor::Epic && !it->state.isEmpty())
        reply[u"state"_s] = it->state;
    return tokenJson(reply);
}

DemoResponse OAuthService::tokenFromRefresh(const EndpointConfig& ep, const QUrlQuery& form)
{
    const QString clientId = queryValue(form, u"client_id"_s);
    const QString value = queryValue(form, u"refresh_token"_s);
    if (value.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"refresh_token is required."_s);
    if (clientId.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"client_id is required."_s);
    if (!isKnownClient(clientId))
        return DemoResponse::oauthError(401, u"invalid_client"_s, u"Unknown client_id."_s);
    auto contents = openRefreshToken(value);
    if (!contents || contents->grant.endpointId != ep.id)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"Unknown refresh token."_s);
    Grant* grant = &contents->grant;
    if (m_usedRefreshJti.contains(contents->jti)) {
        // Reuse of a rotated refresh token: the grant is compromised.
        revokeGrant(grant->id);
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The refresh token was already used."_s);
    }
    if (grant->revoked)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The grant was revoked."_s);
    if (grant->clientId != clientId)
        return DemoResponse::oauthError(400, u"invalid_grant"_s,
                                        u"The refresh token belongs to another client."_s);
    const QString requestedScope = queryValue(form, u"scope"_s);
    if (!requestedScope.isEmpty()) {
        const QStringList subset = scopes::parse(requestedScope);
        for (const QString& s : subset)
            if (!grant->scopes.contains(s))
                return DemoResponse::oauthError(400, u"invalid_scope"_s, u"The scope exceeds the grant."_s);
        grant->scopes = subset;
    }
    m_usedRefreshJti.insert(contents->jti); // rotation
    return tokenJson(issueTokens(ep, *grant, true, {}, false));
}

DemoResponse OAuthService::tokenFromJwt(const EndpointConfig& ep, const QUrlQuery& form)
{
    const QString clientId = queryValue(form, u"client_id"_s);
    const QString assertion = queryValue(form, u"assertion"_s);
    if (assertion.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"assertion is required."_s);
    auto client = openDynamicClient(clientId);
    if (clientId.isEmpty() || !client || client->endpointId != ep.id)
        return DemoResponse::oauthError(401, u"invalid_client"_s, u"Unknown client_id."_s);
    const auto parsed = jwt::parse(assertion.toLatin1());
    if (!parsed)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The assertion is not a JWT."_s);
    const QString alg = parsed->header.value(u"alg"_s).toString();
    if (alg != u"RS384" && alg != u"RS256" && alg != u"RS512")
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"Unsupported assertion algorithm."_s);
    const QString kid = parsed->header.value(u"kid"_s).toString();
    bool verified = false;
    for (const QJsonValue& k : std::as_const(client->keys)) {
        const QJsonObject key = k.toObject();
        if (!kid.isEmpty() && key.contains(u"kid"_s) && key.value(u"kid"_s).toString() != kid)
            continue;
        if (jwt::verifyRsa(*parsed, key)) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The assertion signature is invalid."_s);
    const QJsonObject& c = parsed->claims;
    if (c.value(u"iss"_s).toString() != clientId || c.value(u"sub"_s).toString() != clientId)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"iss and sub must be the client_id."_s);
    const QString tokenUrl = ep.oauthUrl(u"token"_s);
    const QJsonValue aud = c.value(u"aud"_s);
    const bool audOk = aud.isString() ? aud.toString() == tokenUrl
                                      : aud.isArray() && aud.toArray().contains(QJsonValue(tokenUrl));
    if (!audOk)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"aud must be the token endpoint URL."_s);
    const qint64 t = now().toSecsSinceEpoch();
    if (!c.value(u"exp"_s).isDouble())
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"exp is required."_s);
    const qint64 exp = qint64(c.value(u"exp"_s).toDouble());
    if (exp <= t)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The assertion expired."_s);
    if (exp > t + kMaxAssertionLifetimeSecs)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"exp must be at most 5 minutes ahead."_s);
    if (c.contains(u"nbf"_s) && qint64(c.value(u"nbf"_s).toDouble()) > t)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The assertion is not valid yet (nbf)."_s);
    const QString jti = c.value(u"jti"_s).toString();
    if (jti.isEmpty() || jti.size() > 151)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"jti is required (at most 151 characters)."_s);
    const QString jtiKey = clientId + u'\n' + jti;
    if (m_seenJti.contains(jtiKey))
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The assertion jti was already used."_s);
    m_seenJti.insert(jtiKey, QDateTime::fromSecsSinceEpoch(exp, Qt::UTC));
    if (client->grant.revoked)
        return DemoResponse::oauthError(400, u"invalid_grant"_s, u"The patient's authorization was revoked."_s);
    return tokenJson(issueTokens(ep, client->grant, false, {}, false));
}

// --- register / revoke / introspect / jwks
// ------------------------------------------------------------------------

DemoResponse OAuthService::registerClient(const EndpointConfig& ep, const DemoRequest& request)
{
    const QString bearer = request.bearerToken();
    const auto at = openAccessToken(bearer);
    const TokenCheck check = checkAccessToken(ep, bearer);
    if (bearer.isEmpty() || !at || check.status != TokenCheck::Status::Valid ||
        m_registrationJti.contains(at->jti)) {
        DemoResponse r = DemoResponse::oauthError(401, u"invalid_token"_s,
                                                  u"A fresh access token of the patient's launch is required."_s);
        r.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return r;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return DemoResponse::oauthError(400, u"invalid_client_metadata"_s, u"The body must be a JSON object."_s);
    const QJsonObject body = doc.object();
    const QString softwareId = body.value(u"software_id"_s).toString();
    if (softwareId != check.grant->clientId)
        return DemoResponse::oauthError(400, u"invalid_client_metadata"_s,
                                        u"software_id must be the client_id of the launch."_s);
    const QJsonArray keys = body.value(u"jwks"_s).toObject().value(u"keys"_s).toArray();
    if (keys.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_client_metadata"_s, u"jwks.keys is required."_s);
    for (const QJsonValue& k : keys) {
        const QJsonObject key = k.toObject();
        const auto n = jwt::fromBase64Url(key.value(u"n"_s).toString().toLatin1());
        if (key.value(u"kty"_s).toString() != u"RSA" || !n || n->size() < 256 ||
            key.value(u"e"_s).toString().isEmpty())
            return DemoResponse::oauthError(400, u"invalid_client_metadata"_s,
                                            u"Each key must be an RSA public key of at least 2048 bits."_s);
    }
    m_registrationJti.insert(at->jti);
    // The dynamic client gets its own copy of the patient's grant, sealed into its client id (the
    // registered keys too), so that it outlives this server.
    Grant grant = *check.grant;
    grant.id = randomToken(12);
    grant.clientId.clear(); // = the dynamic client id itself (openDynamicClient)
    QJsonObject payload;
    writeGrant(payload, grant);
    payload.insert(u"sw"_s, softwareId);
    payload.insert(u"keys"_s, keys);
    const QString dynamicId = sealToken(kClientKind, payload);
    QJsonObject reply{{u"client_id"_s, dynamicId},
                      {u"software_id"_s, softwareId},
                      {u"client_id_issued_at"_s, now().toSecsSinceEpoch()},
                      {u"token_endpoint_auth_method"_s, u"private_key_jwt"_s},
                      {u"grant_types"_s, QJsonArray{kJwtBearer}},
                      {u"jwks"_s, QJsonObject{{u"keys"_s, keys}}}};
    DemoResponse r = DemoResponse::json(201, reply, "application/json;charset=UTF-8");
    r.setHeader("Cache-Control", "no-store");
    return r;
}

void OAuthService::revokeGrant(const QString& grantId)
{
    if (!grantId.isEmpty())
        m_revokedGrants.insert(grantId);
}

DemoResponse OAuthService::revoke(const EndpointConfig& ep, const DemoRequest& request)
{
    const QUrlQuery form = request.form();
    const QString value = queryValue(form, u"token"_s);
    const QString clientId = queryValue(form, u"client_id"_s);
    if (value.isEmpty())
        return DemoResponse::oauthError(400, u"invalid_request"_s, u"token is required."_s);
    auto contents = openAccessToken(value);
    if (!contents)
        contents = openRefreshToken(value);
    if (contents && contents->grant.endpointId == ep.id) {
        if (!clientId.isEmpty() && clientId != contents->grant.clientId)
            return DemoResponse::oauthError(401, u"invalid_client"_s, u"The token belongs to another client."_s);
        revokeGrant(contents->grant.id);
    }
    // RFC 7009 §2.2: 200 also for unknown tokens.
    DemoResponse r = DemoResponse::empty(200);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

DemoResponse OAuthService::introspect(const EndpointConfig& ep, const DemoRequest& request)
{
    const QString value = queryValue(request.form(), u"token"_s);
    const TokenCheck check = checkAccessToken(ep, value);
    if (check.status != TokenCheck::Status::Valid) {
        const auto r = openRefreshToken(value);
        if (r && !m_usedRefreshJti.contains(r->jti) && !r->grant.revoked && r->grant.endpointId == ep.id)
            return tokenJson(QJsonObject{{u"active"_s, true},
                                         {u"token_type"_s, u"refresh_token"_s},
                                         {u"client_id"_s, r->grant.clientId},
                                         {u"scope"_s, scopes::reply(ep.vendor, r->grant.scopes)},
                                         {u"patient"_s, r->grant.patientId}});
        return tokenJson(QJsonObject{{u"active"_s, false}});
    }
    const auto at = openAccessToken(value);
    return tokenJson(QJsonObject{{u"active"_s, true},
                                 {u"token_type"_s, u"Bearer"_s},
                                 {u"client_id"_s, check.grant->clientId},
                                 {u"scope"_s, scopes::reply(ep.vendor, check.grant->scopes)},
                                 {u"patient"_s, check.grant->patientId},
                                 {u"exp"_s, at ? at->expiresAt : 0},
                                 {u"iss"_s, ep.issuer()}});
}

DemoResponse OAuthService::jwks() const
{
    return DemoResponse::json(200, QJsonObject{{u"keys"_s, QJsonArray{jwt::ServerKey::instance().publicJwk()}}});
}

// --- validation for the resource servers ----------------------------------------------------------------------

OAuthService::TokenCheck OAuthService::checkAccessToken(const EndpointConfig& endpoint, const QString& token) const
{
    TokenCheck check;
    if (token.isEmpty())
        return check;
    check.status = TokenCheck::Status::Invalid;
    const auto at = openAccessToken(token);
    if (!at || at->grant.revoked || at->grant.endpointId != endpoint.id)
        return check;
    const bool forced = m_expiredAccessJti.contains(at->jti)
        || (!m_issuedAccessJti.contains(at->jti) && at->issuedMs < m_expiredBeforeMs);
    check.grant = at->grant;
    check.status = (forced || now().toSecsSinceEpoch() >= at->expiresAt) ? TokenCheck::Status::Expired
                                                                          : TokenCheck::Status::Valid;
    return check;
}

void OAuthService::expireAccessToken(const QString& token)
{
    if (const auto at = openAccessToken(token))
        m_expiredAccessJti.insert(at->jti);
}

void OAuthService::expireAllAccessTokens()
{
    for (const QString& jti : std::as_const(m_issuedAccessJti))
        m_expiredAccessJti.insert(jti);
    m_expiredBeforeMs = now().toMSecsSinceEpoch();
}

} // namespace hh::demo
