#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/smart/DeviceKey.h"
#include "core/smart/TokenResponse.h"

#include <QDateTime>
#include <QFuture>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace hh::smart {

// OAuth calls to a health system's token, revocation and registration endpoints. Public client:
// no client secret is ever sent; requests are form-encoded POSTs (DCR: JSON) with
// `Accept: application/json`, a bounded timeout, no redirects followed, no caching.
//
// Async style: every call returns QFuture<Result<…>> that always finishes (Cancelled if the
// network manager is destroyed first). Call from the thread that owns the QNetworkAccessManager
// (e.g. a sync worker with its own manager); continue with future.then(context, …). The
// TokenClient object itself may be destroyed while calls are in flight. Endpoints must pass
// isAllowedUrl() or the future finishes at once with a Protocol error.
class TokenClient
{
public:
    enum class TokenTypeHint { AccessToken, RefreshToken };

    struct CodeExchange {
        SecretBytes code;         // RedirectResult::code, byte-exact
        QUrl redirectUri;         // identical to the one in the authorization request
        SecretBytes codeVerifier; // from oauth_states
        QString clientId;
    };

    struct RegisteredClient {
        QString clientId; // the dynamic client id (profile_emr_connections.dynamic_client_id)
        QString keyId;    // DeviceKey::keyId() registered with it (key_id)
    };

    explicit TokenClient(QNetworkAccessManager* nam);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // For tests: the clock used for expiresAt and JWT assertions (UTC).
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }

    // grant_type=authorization_code, code, redirect_uri, code_verifier, client_id.
    [[nodiscard]] QFuture<Result<TokenResponse>> exchangeCode(const QUrl& tokenEndpoint,
                                                              const CodeExchange& request);

    // grant_type=refresh_token, refresh_token, client_id [, scope]. ROTATION: if the reply holds a
    // refresh token it replaces the old one, which must not be used again: persist it (encrypted,
    // atomically) before using the new access token. No refresh token in the reply = keep the old.
    // invalid_grant & co. → ErrorCode::Unauthorized (connection needs sign-in again).
    [[nodiscard]] QFuture<Result<TokenResponse>> refresh(const QUrl& tokenEndpoint,
                                                         const SecretBytes& refreshToken, const QString& clientId,
                                                         const QString& scope = {});

    // RFC 7009: token, token_type_hint, client_id. HTTP 200 = revoked (also for unknown tokens).
    [[nodiscard]] QFuture<Status> revoke(const QUrl& revocationEndpoint, const SecretBytes& token,
                                         TokenTypeHint hint, const QString& clientId);

    // Epic native-app path, step 2: POST {"software_id": softwareId, "jwks": {"keys": [publicJwk]}}
    // with `Authorization: Bearer <initial access token>` (the token of the first sign-in, used at
    // once). Expects 201 (200 accepted) with a `client_id`.
    [[nodiscard]] QFuture<Result<RegisteredClient>> registerClient(const QUrl& registrationEndpoint,
                                                                   const SecretBytes& initialAccessToken,
                                                                   const QString& softwareId,
                                                                   const DeviceKey& key);

    // Epic native-app path, step 3: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer,
    // assertion = makeClientAssertion(key, clientId, tokenEndpoint, now), client_id = clientId.
    // The reply normally has no refresh token: call again when the access token expires.
    [[nodiscard]] QFuture<Result<TokenResponse>> jwtBearerGrant(const QUrl& tokenEndpoint, const QString& clientId,
                                                                const DeviceKey& key);

    static constexpr qint64 kMaxReplyBytes = 1024 * 1024;

private:
    QFuture<Result<TokenResponse>> postTokenRequest(const QUrl& tokenEndpoint, const QByteArray& form,
                                                    const char* what);

    QNetworkAccessManager* m_nam;
    std::chrono::milliseconds m_timeout{30000};
    std::function<QDateTime()> m_now;
};

} // namespace hh::smart
