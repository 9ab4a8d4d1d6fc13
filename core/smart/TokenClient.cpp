#include "core/smart/TokenClient.h"

#include "core/Log.h"
#include "core/smart/HttpCall.h"
#include "core/smart/Jwt.h"
#include "core/smart/UrlPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

QNetworkRequest formRequest(const QUrl& url)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    req.setRawHeader("Accept", "application/json");
    return req;
}

Error notAllowed()
{
    return Error(ErrorCode::Protocol, Tr::tr("Health Hub only connects to health systems over https."),
                 u"endpoint is not an allowed URL"_s);
}

} // namespace

TokenClient::TokenClient(QNetworkAccessManager* nam)
    : m_nam(nam), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

QFuture<Result<TokenResponse>> TokenClient::postTokenRequest(const QUrl& tokenEndpoint, const QByteArray& form,
                                                             const char* what)
{
    if (!isAllowedUrl(tokenEndpoint))
        return readyFuture<TokenResponse>(notAllowed());
    HttpOptions options;
    options.timeout = m_timeout;
    options.maxBytes = kMaxReplyBytes;
    auto promise = makePromise<TokenResponse>();
    const auto now = m_now;
    const QString whatName = QString::fromLatin1(what);
    qCDebug(lcSmart) << whatName << "→" << redactUrl(tokenEndpoint);
    sendHttp(m_nam, formRequest(tokenEndpoint), "POST", form, options)
        .then([promise, now, whatName](const Result<HttpReply>& reply) {
            if (!reply) {
                promise->finish(reply.error());
                return;
            }
            // Error statuses carry OAuth error JSON; the parser handles both, but never let it
            // parse declared HTML/XML.
            const QByteArray& type = reply->mediaType;
            const bool declaredOther = !type.isEmpty() && !isJsonMediaType(type) && type != "text/plain" &&
                                       type != "application/octet-stream";
            if (declaredOther) {
                if (reply->status >= 200 && reply->status <= 299) {
                    promise->finish(
                        Error(ErrorCode::Protocol,
                              Tr::tr("The health system sent a sign-in answer Health Hub cannot read."),
                              u"%1: non-JSON reply"_s.arg(whatName)));
                } else {
                    promise->finish(httpStatusError(reply->status, "token endpoint"));
                }
                return;
            }
            auto parsed = parseTokenResponse(reply->body, reply->status, now());
            if (!parsed)
                qCWarning(lcSmart) << whatName << "failed:" << parsed.error().detail();
            promise->finish(std::move(parsed));
        });
    return promise->future();
}

QFuture<Result<TokenResponse>> TokenClient::exchangeCode(const QUrl& tokenEndpoint, const CodeExchange& request)
{
    FormBody form;
    form.add("grant_type", QByteArrayLiteral("authorization_code"))
        .add("code", request.code.toByteArray())
        .add("redirect_uri", request.redirectUri.toString(QUrl::FullyEncoded))
        .add("code_verifier", request.codeVerifier.toByteArray())
        .add("client_id", request.clientId);
    return postTokenRequest(tokenEndpoint, form.bytes(), "code exchange");
}

QFuture<Result<TokenResponse>> TokenClient::refresh(const QUrl& tokenEndpoint, const SecretBytes& refreshToken,
                                                    const QString& clientId, const QString& scope)
{
    if (refreshToken.isEmpty())
        return readyFuture<TokenResponse>(Error(ErrorCode::Unauthorized,
                                                Tr::tr("This connection needs you to sign in again."),
                                                u"no refresh token"_s));
    FormBody form;
    form.add("grant_type", QByteArrayLiteral("refresh_token"))
        .add("refresh_token", refreshToken.toByteArray())
        .add("client_id", clientId);
    if (!scope.trimmed().isEmpty())
        form.add("scope", scope.simplified());
    return postTokenRequest(tokenEndpoint, form.bytes(), "refresh");
}

QFuture<Result<TokenResponse>> TokenClient::jwtBearerGrant(const QUrl& tokenEndpoint, const QString& clientId,
                                                           const DeviceKey& key)
{
    if (key.isNull() || clientId.isEmpty())
        return readyFuture<TokenResponse>(Error(ErrorCode::Unauthorized,
                                                Tr::tr("This connection needs you to sign in again."),
                                                u"no device key or dynamic client id"_s));
    auto assertion = makeClientAssertion(key, clientId, tokenEndpoint, m_now());
    if (!assertion)
        return readyFuture<TokenResponse>(assertion.error());
    FormBody form;
    form.add("grant_type", QByteArrayLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"))
        .add("assertion", assertion->toByteArray())
        .add("client_id", clientId);
    return postTokenRequest(tokenEndpoint, form.bytes(), "jwt-bearer grant");
}

QFuture<Status> TokenClient::revoke(const QUrl& revocationEndpoint, const SecretBytes& token, TokenTypeHint hint,
                                    const QString& clientId)
{
    auto promise = makePromise<void>();
    if (!isAllowedUrl(revocationEndpoint)) {
        promise->finish(notAllowed());
        return promise->future();
    }
    FormBody form;
    form.add("token", token.toByteArray())
        .add("token_type_hint", hint == TokenTypeHint::RefreshToken ? QByteArrayLiteral("refresh_token")
                                                                    : QByteArrayLiteral("access_token"))
        .add("client_id", clientId);
    HttpOptions options;
    options.timeout = m_timeout;
    options.maxBytes = kMaxReplyBytes;
    sendHttp(m_nam, formRequest(revocationEndpoint), "POST", form.bytes(), options)
        .then([promise](const Result<HttpReply>& reply) {
            if (!reply) {
                promise->finish(reply.error());
                return;
            }
            if (reply->status >= 200 && reply->status <= 299) {
                promise->finish(success());
                return;
            }
            if (isJsonMediaType(reply->mediaType)) {
                auto parsed = parseTokenResponse(reply->body, reply->status, QDateTime::currentDateTimeUtc());
                promise->finish(parsed ? Error(ErrorCode::Protocol, Tr::tr("The health system did not confirm."),
                                               u"revocation: unexpected body"_s)
                                       : parsed.error());
                return;
            }
            promise->finish(httpStatusError(reply->status, "revocation"));
        });
    return promise->future();
}

QFuture<Result<TokenClient::RegisteredClient>> TokenClient::registerClient(const QUrl& registrationEndpoint,
                                                                           const SecretBytes& initialAccessToken,
                                                                           const QString& softwareId,
                                                                           const DeviceKey& key)
{
    auto promise = makePromise<RegisteredClient>();
    if (!isAllowedUrl(registrationEndpoint)) {
        promise->finish(notAllowed());
        return promise->future();
    }
    if (key.isNull() || initialAccessToken.isEmpty() || softwareId.isEmpty()) {
        promise->finish(Error(ErrorCode::Unknown, Tr::tr("The device could not be registered."),
                              u"registration needs a key, an initial token and a software id"_s));
        return promise->future();
    }
    QJsonObject jwks;
    jwks.insert("keys"_L1, QJsonArray{key.publicJwk()});
    QJsonObject body;
    body.insert("software_id"_L1, softwareId);
    body.insert("jwks"_L1, jwks);

    QNetworkRequest req(registrationEndpoint);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("Authorization", "Bearer " + initialAccessToken.toByteArray());
    HttpOptions options;
    options.timeout = m_timeout;
    options.maxBytes = kMaxReplyBytes;
    const QString keyId = key.keyId();
    sendHttp(m_nam, req, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact), options)
        .then([promise, keyId](const Result<HttpReply>& reply) {
            if (!reply) {
                promise->finish(reply.error());
                return;
            }
            if (reply->status != 201 && reply->status != 200) {
                if (isJsonMediaType(reply->mediaType)) {
                    auto parsed = parseTokenResponse(reply->body, reply->status, QDateTime::currentDateTimeUtc());
                    if (!parsed) {
                        promise->finish(parsed.error());
                        return;
                    }
                }
                promise->finish(httpStatusError(reply->status, "client registration"));
                return;
            }
            auto json = jsonObjectFromReply(reply.value(), "client registration");
            if (!json) {
                promise->finish(json.error());
                return;
            }
            const QString clientId = json->value("client_id"_L1).toString();
            if (clientId.isEmpty()) {
                promise->finish(Error(ErrorCode::Protocol, Tr::tr("The device could not be registered."),
                                      u"registration reply has no client_id"_s));
                return;
            }
            qCInfo(lcSmart) << "dynamic client registered";
            promise->finish(RegisteredClient{clientId, keyId});
        });
    return promise->future();
}

} // namespace hh::smart
