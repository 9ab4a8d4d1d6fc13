#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace hh::smart {

// An RSA key pair generated on this device for Epic's native-app path (dynamic client
// registration + JWT bearer grant). OpenSSL libcrypto (EVP APIs); Qt cannot sign with RSA.
//
// The private key leaves this object only as PKCS#8 PEM in SecretBytes, for the caller to encrypt
// (vault key / keychain) and store (profile_emr_connections.private_key_encrypted); it is never
// written anywhere in clear by this class. Copies share the same immutable key; signing is
// thread-safe.
class DeviceKey
{
public:
    enum class Algorithm { RS256, RS384, RS512 };

    DeviceKey();
    ~DeviceKey();
    DeviceKey(const DeviceKey&);
    DeviceKey& operator=(const DeviceKey&);
    DeviceKey(DeviceKey&&) noexcept;
    DeviceKey& operator=(DeviceKey&&) noexcept;

    // 2048 bits by default (larger keys reportedly fail at Epic); 2048..4096 accepted.
    [[nodiscard]] static Result<DeviceKey> generate(int bits = 2048);
    // An unencrypted PEM private key (PKCS#8 or PKCS#1) of an RSA key ≥ 2048 bits. Never prompts
    // for a passphrase. InvalidInput otherwise.
    [[nodiscard]] static Result<DeviceKey> fromPrivateKeyPem(const SecretBytes& pem);

    [[nodiscard]] bool isNull() const { return !m_key; }
    [[nodiscard]] int bits() const;
    // PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").
    [[nodiscard]] Result<SecretBytes> privateKeyPem() const;
    // RFC 7638 JWK thumbprint (SHA-256, base64url): stable for the key, used as `kid`.
    [[nodiscard]] QString keyId() const;
    // {"kty":"RSA","n":…,"e":…,"kid":keyId(),"alg":"RS384"} (base64url big-endian n and e).
    [[nodiscard]] QJsonObject publicJwk() const;
    // RSASSA-PKCS1-v1_5 with SHA-256/384/512 over `data`.
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView data, Algorithm algorithm = Algorithm::RS384) const;

private:
    explicit DeviceKey(std::shared_ptr<evp_pkey_st> key);
    std::shared_ptr<evp_pkey_st> m_key;
};

[[nodiscard]] QString algorithmName(DeviceKey::Algorithm algorithm);

} // namespace hh::smart
