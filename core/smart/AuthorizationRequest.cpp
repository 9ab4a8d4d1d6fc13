#include "core/smart/AuthorizationRequest.h"

#include "core/smart/Pkce.h"
#include "core/smart/UrlPolicy.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

Error invalid(const QString& detail)
{
    return Error(ErrorCode::InvalidInput,
                 QCoreApplication::translate("hh::smart",
                                             "The sign-in settings for this health system are incomplete or "
                                             "invalid."),
                 detail);
}

void addParam(QByteArray& query, const char* key, const QString& value)
{
    if (!query.isEmpty())
        query.append('&');
    query.append(key);
    query.append('=');
    query.append(value.toUtf8().toPercentEncoding());
}

bool isBase64UrlChars(const QString& s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

Result<QUrl> AuthorizationRequest::toUrl() const
{
    if (!isAllowedUrl(authorizationEndpoint))
        return invalid(u"authorization endpoint is not https"_s);
    if (!isAllowedUrl(redirectUri) || redirectUri.hasFragment())
        return invalid(u"redirect URI must be https or loopback http, without fragment"_s);
    if (!isAllowedUrl(audience))
        return invalid(u"aud (FHIR base) is not https"_s);
    if (clientId.trimmed().isEmpty())
        return invalid(u"client id is empty"_s);
    if (scope.trimmed().isEmpty())
        return invalid(u"scope is empty"_s);
    if (state.size() < 22 || !isBase64UrlChars(state))
        return invalid(u"state has fewer than 128 bits"_s);
    if (codeChallenge.size() != 43 || !isBase64UrlChars(codeChallenge))
        return invalid(u"code challenge is not an S256 challenge"_s);
    if (!nonce.isEmpty() && (nonce.size() < 22 || !isBase64UrlChars(nonce)))
        return invalid(u"nonce is too short or not base64url"_s);

    QByteArray query = authorizationEndpoint.query(QUrl::FullyEncoded).toLatin1();
    addParam(query, "response_type", u"code"_s);
    addParam(query, "client_id", clientId.trimmed());
    addParam(query, "redirect_uri", redirectUri.toString(QUrl::FullyEncoded));
    addParam(query, "scope", scope.simplified());
    addParam(query, "state", state);
    addParam(query, "aud", normalizeFhirBase(audience).toString(QUrl::FullyEncoded));
    addParam(query, "code_challenge", codeChallenge);
    addParam(query, "code_challenge_method", u"S256"_s);
    if (!nonce.isEmpty())
        addParam(query, "nonce", nonce);
    if (!loginHint.trimmed().isEmpty())
        addParam(query, "login_hint", loginHint.trimmed());
    QUrl url = authorizationEndpoint.adjusted(QUrl::RemoveFragment);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    if (!url.isValid())
        return invalid(u"authorization URL is not valid"_s);
    return url;
}

Result<PreparedAuthorization> prepareAuthorization(const SmartConfiguration& config, const QString& clientId,
                                                   const QUrl& redirectUri, const QString& scope,
                                                   const QString& loginHint,
                                                   const std::function<QString(const QString&)>& nonceForState)
{
    Pkce::Pair pkce = Pkce::generate();
    AuthorizationRequest req;
    req.authorizationEndpoint = config.authorizationEndpoint;
    req.clientId = clientId;
    req.redirectUri = redirectUri;
    req.scope = scope;
    req.state = generateState();
    req.audience = config.fhirBaseUrl;
    req.codeChallenge = pkce.challenge;
    req.loginHint = loginHint;
    if (nonceForState)
        req.nonce = nonceForState(req.state);
    auto url = req.toUrl();
    if (!url)
        return url.error();
    return PreparedAuthorization{url.value(), req.state, std::move(pkce.verifier)};
}

} // namespace hh::smart
