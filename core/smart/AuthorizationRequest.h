#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/smart/SmartConfiguration.h"

#include <QString>
#include <QUrl>

#include <functional>

namespace hh::smart {

// The standalone-launch authorization request (SMART App Launch, authorization code + PKCE).
// toUrl() builds the GET URL: response_type=code, client_id, redirect_uri, scope, state,
// aud (= FHIR base), code_challenge, code_challenge_method=S256 and optional login_hint, appended
// to any query the authorization endpoint already has. Every value is fully percent-encoded
// ('+' → %2B), so servers that decode the query as a form read exactly what we sent.
// Pure value type, any thread.
struct AuthorizationRequest {
    QUrl authorizationEndpoint;
    QString clientId;
    QUrl redirectUri;      // exactly as registered; no fragment
    QString scope;         // space-separated
    QString state;         // generateState()
    QUrl audience;         // the FHIR base URL
    QString codeChallenge; // Pkce::Pair::challenge
    QString loginHint;     // optional
    QString nonce;         // OpenID Connect nonce, echoed in the id_token (optional; ≥ 22 characters if set)

    // InvalidInput when: endpoint/redirect/audience fail isAllowedUrl() (redirect: https or
    // loopback http) or the redirect has a fragment; client id, scope empty; state shorter than
    // 22 characters (128 bits); challenge not 43 base64url characters.
    [[nodiscard]] Result<QUrl> toUrl() const;
};

// Everything a login needs to remember until the redirect: keep `state` and the encrypted
// `codeVerifier` in oauth_states, open `url`.
struct PreparedAuthorization {
    QUrl url;
    QString state;
    SecretBytes codeVerifier;
};

// Generates a fresh state and PKCE pair and builds the URL from a discovered configuration
// (aud = config.fhirBaseUrl).
// nonceForState (optional) gives the OpenID Connect nonce for the generated state (ConnectService
// derives it from the state with a key, so it needs no storage of its own).
[[nodiscard]] Result<PreparedAuthorization> prepareAuthorization(
    const SmartConfiguration& config, const QString& clientId, const QUrl& redirectUri, const QString& scope,
    const QString& loginHint = {}, const std::function<QString(const QString& state)>& nonceForState = {});

} // namespace hh::smart
