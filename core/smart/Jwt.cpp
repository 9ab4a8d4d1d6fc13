#include "core/smart/Jwt.h"

#include "core/smart/Base64Url.h"
#include "core/smart/DeviceKey.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace hh::smart {

std::optional<QJsonObject> jwtDecodeJsonPart(QByteArrayView part)
{
    const auto raw = base64UrlDecode(part);
    if (!raw)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

std::optional<QJsonObject> jwtClaimsUnverified(QByteArrayView token)
{
    const qsizetype first = token.indexOf('.');
    if (first <= 0)
        return std::nullopt;
    const qsizetype second = token.indexOf('.', first + 1);
    if (second <= first + 1 || token.indexOf('.', second + 1) >= 0)
        return std::nullopt; // exactly three parts (a JWE has five)
    const auto header = jwtDecodeJsonPart(token.first(first));
    if (!header || !header->value("alg"_L1).isString())
        return std::nullopt;
    return jwtDecodeJsonPart(token.sliced(first + 1, second - first - 1));
}

Result<SecretBytes> makeClientAssertion(const DeviceKey& key, const QString& clientId, const QUrl& tokenEndpoint,
                                        const QDateTime& nowUtc)
{
    QJsonObject header;
    header.insert("alg"_L1, u"RS384"_s);
    header.insert("typ"_L1, u"JWT"_s);
    header.insert("kid"_L1, key.keyId());

    const qint64 now = nowUtc.toSecsSinceEpoch();
    const SecretBytes jtiBytes = SecretBytes::random(32);
    QJsonObject claims;
    claims.insert("iss"_L1, clientId);
    claims.insert("sub"_L1, clientId);
    claims.insert("aud"_L1, tokenEndpoint.toString(QUrl::FullyEncoded));
    claims.insert("jti"_L1, QString::fromLatin1(
                                base64UrlEncode(QByteArrayView(jtiBytes.data(), qsizetype(jtiBytes.size())))));
    claims.insert("iat"_L1, double(now));
    claims.insert("nbf"_L1, double(now));
    claims.insert("exp"_L1, double(now + kAssertionLifetimeSeconds));

    const QByteArray signingInput = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto signature = key.sign(signingInput, DeviceKey::Algorithm::RS384);
    if (!signature)
        return signature.error();
    return SecretBytes(signingInput + '.' + base64UrlEncode(signature.value()));
}

} // namespace hh::smart
