#pragma once

// Internal to hh_demo: the JSON Web Token pieces the demo authorization servers need, on OpenSSL 3:
// verifying RS256/RS384/RS512 client assertions against a registered JWK (Epic's JWT bearer grant) and
// signing id_tokens with a server key (RS256).

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace hh::demo::jwt {

QByteArray base64Url(const QByteArray& data);
std::optional<QByteArray> fromBase64Url(QByteArrayView text);

struct Parsed {
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // "header.payload" as received
    QByteArray signature;
};

// Splits and decodes a compact JWS; nullopt if it is not one.
std::optional<Parsed> parse(QByteArrayView token);

// Verifies an RSA signature (alg RS256, RS384 or RS512) with a public JWK {"kty":"RSA","n":…,"e":…}.
bool verifyRsa(const Parsed& jwt, const QJsonObject& jwk);

// The process-wide id_token signing key (RSA 2048, generated on first use; thread-safe).
class ServerKey
{
public:
    static const ServerKey& instance();
    [[nodiscard]] QString kid() const { return m_kid; }
    [[nodiscard]] QJsonObject publicJwk() const { return m_jwk; }
    // Compact JWS, RS256.
    [[nodiscard]] QByteArray sign(const QJsonObject& claims) const;

    ServerKey(const ServerKey&) = delete;
    ServerKey& operator=(const ServerKey&) = delete;
    ~ServerKey();

private:
    ServerKey();
    void* m_pkey = nullptr; // EVP_PKEY*
    QString m_kid;
    QJsonObject m_jwk;
};

} // namespace hh::demo::jwt
