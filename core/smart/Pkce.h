#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QByteArrayView>
#include <QString>

namespace hh::smart {

// PKCE (RFC 7636) with S256 only, plus the OAuth `state`. Pure functions, any thread.
class Pkce
{
public:
    // code_verifier: 32 random bytes (libsodium), base64url without padding = 43 characters of
    // [A-Za-z0-9-_]; code_challenge = BASE64URL-NOPAD(SHA256(ASCII(code_verifier))).
    struct Pair {
        SecretBytes verifier; // ASCII; store encrypted (oauth_states.code_verifier_encrypted)
        QString challenge;    // safe to put in the authorize URL
    };

    [[nodiscard]] static Pair generate();
    // For a stored verifier: checks RFC 7636 §4.1 (43–128 chars of [A-Za-z0-9-._~]) and derives
    // its challenge. InvalidInput otherwise.
    [[nodiscard]] static Result<Pair> fromVerifier(const SecretBytes& verifier);
    [[nodiscard]] static QString challengeFor(const SecretBytes& verifier);
    [[nodiscard]] static bool isValidVerifier(QByteArrayView verifier);

    static constexpr int kVerifierBytes = 32;
    static constexpr int kStateBytes = 32; // ≥ 16 required; 256 bits
};

// A fresh `state`: kStateBytes random bytes, base64url without padding (43 characters).
[[nodiscard]] QString generateState();

// Constant-time equality (length is not secret). Use it to compare a returned state with the
// stored one, and for any other secret comparison.
[[nodiscard]] bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
[[nodiscard]] bool constantTimeEquals(const QString& a, const QString& b);

} // namespace hh::smart
