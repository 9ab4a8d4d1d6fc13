#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hh::connect {

// A pending authorization request (a row of oauth_states). The PKCE verifier stays sealed with the
// vault's secrets key. Plain value type, any thread.
struct OAuthState {
    QString state;                      // >= 128 random bits, base64url
    QString userId;
    QString profileId;
    QString endpointId;
    QString provider;                   // vendor key
    QByteArray codeVerifierEncrypted;
    QString redirectUri;
    QDateTime createdAt;                // UTC
    QDateTime expiresAt;                // UTC
    QDateTime usedAt;                   // invalid while unused
};

// Why a returned `state` was refused.
enum class StateRejection { None, Unknown, Used, Expired };

} // namespace hh::connect
