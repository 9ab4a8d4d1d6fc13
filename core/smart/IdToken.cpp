#include "core/smart/IdToken.h"

#include "core/Log.h"
#include "core/smart/Base64Url.h"
#include "core/smart/HttpCall.h"
#include "core/smart/Jwk.h"
#include "core/smart/Jwt.h"
#include "core/smart/UrlPolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkRequest>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

Error refused(const QString& detail)
{
    return Error(ErrorCode::Protocol,
                 Tr::tr("The health system's proof of identity (id_token) is not valid, so Health Hub did not "
                        "connect. Nothing was stored."),
                 u"id_token: "_s + detail);
}

struct Jws {
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput;
    QByteArray signature;
};

std::optional<Jws> parseJws(QByteArrayView token)
{
    if (token.size() > 64 * 1024)
        return std::nullopt;
    const qsizetype first = token.indexOf('.');
    if (first <= 0)
        return std::nullopt;
    const qsizetype second = token.indexOf('.', first + 1);
    if (second <= first + 1 || second + 1 >= token.size() || token.indexOf('.', second + 1) >= 0)
        return std::nullopt;
    auto header = jwtDecodeJsonPart(token.first(first));
    auto claims = jwtDecodeJsonPart(token.sliced(first + 1, second - first - 1));
    auto signature = base64UrlDecode(token.sliced(second + 1));
    if (!header || !claims || !signature || signature->isEmpty())
        return std::nullopt;
    return Jws{*header, *claims, token.first(second).toByteArray(), *signature};
}

bool verifyRs256(EVP_PKEY* key, const QByteArray& signingInput, const QByteArray& signature)
{
    std::unique_ptr<EVP_MD_CTX, OpenSslFree> md(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by md
    if (!md || EVP_DigestVerifyInit(md.get(), &pctx, EVP_sha256(), nullptr, key) <= 0)
        return false;
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) <= 0)
        return false;
    return EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            size_t(signature.size()), reinterpret_cast<const unsigned char*>(signingInput.constData()),
                            size_t(signingInput.size()))
        == 1;
}

// Keys of the JWKS a header may be verified with: the kid's, or every RSA signing key without a kid.
QList<QJsonObject> candidateKeys(const QJsonArray& keys, const QString& kid)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : keys) {
        const QJsonObject k = v.toObject();
        if (k.value("kty"_L1).toString() != u"RSA")
            continue;
        if (k.contains("use"_L1) && k.value("use"_L1).toString() != u"sig")
            continue;
        if (k.contains("alg"_L1) && k.value("alg"_L1).toString() != u"RS256")
            continue;
        if (!kid.isEmpty() && k.value("kid"_L1).toString() != kid)
            continue;
        out.append(k);
    }
    return out;
}

QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString idTokenKeyId(QByteArrayView idToken)
{
    const qsizetype first = idToken.indexOf('.');
    if (first <= 0)
        return {};
    const auto header = jwtDecodeJsonPart(idToken.first(first));
    return header ? header->value("kid"_L1).toString() : QString();
}

bool jwksHasKeyFor(const QJsonArray& keys, QByteArrayView idToken)
{
    return !candidateKeys(keys, idTokenKeyId(idToken)).isEmpty();
}

Result<QJsonObject> verifyIdToken(QByteArrayView idToken, const QJsonArray& keys,
                                  const IdTokenExpectations& expected)
{
    const auto jws = parseJws(idToken);
    if (!jws)
        return refused(u"not a compact JWS"_s);
    const QString alg = jws->header.value("alg"_L1).toString();
    if (alg != u"RS256")
        return refused(u"alg %1 is not RS256"_s.arg(alg.left(16)));
    const QString kid = jws->header.value("kid"_L1).toString();
    const QList<QJsonObject> candidates = candidateKeys(keys, kid);
    if (candidates.isEmpty())
        return refused(u"no key in the JWKS for kid"_s);
    bool verified = false;
    for (const QJsonObject& jwk : candidates) {
        auto key = rsaPublicKeyFromJwk(jwk);
        if (key && verifyRs256(key.get(), jws->signingInput, jws->signature)) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return refused(u"signature does not verify"_s);

    const QJsonObject& c = jws->claims;
    if (expected.issuer.isEmpty() || !c.value("iss"_L1).isString()
        || withoutTrailingSlash(c.value("iss"_L1).toString()) != withoutTrailingSlash(expected.issuer))
        return refused(u"iss does not match the issuer"_s);

    const QJsonValue aud = c.value("aud"_L1);
    bool audOk = false;
    if (aud.isString()) {
        audOk = aud.toString() == expected.clientId;
    } else if (aud.isArray()) {
        const QJsonArray list = aud.toArray();
        audOk = list.contains(QJsonValue(expected.clientId));
        // OIDC Core §3.1.3.7: with several audiences, azp should be present and be the client.
        if (audOk && list.size() > 1 && c.contains("azp"_L1))
            audOk = c.value("azp"_L1).toString() == expected.clientId;
    }
    if (expected.clientId.isEmpty() || !audOk)
        return refused(u"aud does not contain the client id"_s);

    const qint64 now = expected.nowUtc.toSecsSinceEpoch();
    if (!c.value("exp"_L1).isDouble())
        return refused(u"no exp"_s);
    const qint64 exp = qint64(c.value("exp"_L1).toDouble());
    if (exp <= now - expected.skewSeconds)
        return refused(u"expired"_s);
    if (c.value("iat"_L1).isDouble() && qint64(c.value("iat"_L1).toDouble()) > now + expected.skewSeconds)
        return refused(u"issued in the future"_s);

    const QJsonValue nonce = c.value("nonce"_L1);
    if (expected.nonce.isEmpty() || !nonce.isString()
        || !constantTimeEquals(nonce.toString().toUtf8(), expected.nonce.toUtf8()))
        return refused(u"nonce does not match"_s);
    return c;
}

QFuture<Result<QJsonArray>> fetchJwks(QNetworkAccessManager* nam, const QUrl& jwksUri,
                                      std::chrono::milliseconds timeout)
{
    if (!isAllowedUrl(jwksUri))
        return readyFuture<QJsonArray>(Error(ErrorCode::Protocol,
                                             Tr::tr("Health Hub only connects to health systems over https."),
                                             u"jwks_uri is not an allowed URL"_s));
    QNetworkRequest request(jwksUri);
    request.setRawHeader("Accept", "application/json");
    HttpOptions options;
    options.timeout = timeout;
    options.maxBytes = 512 * 1024;
    auto promise = makePromise<QJsonArray>();
    qCDebug(lcSmart) << "fetching signing keys from" << redactUrl(jwksUri);
    sendHttp(nam, request, "GET", {}, options).then([promise](const Result<HttpReply>& reply) {
        if (!reply) {
            promise->finish(reply.error());
            return;
        }
        if (reply->status < 200 || reply->status > 299) {
            promise->finish(httpStatusError(reply->status, "jwks_uri"));
            return;
        }
        auto doc = jsonObjectFromReply(reply.value(), "jwks");
        if (!doc) {
            promise->finish(doc.error());
            return;
        }
        const QJsonValue keys = doc->value("keys"_L1);
        if (!keys.isArray()) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("The health system sent an answer Health Hub cannot read."),
                                  u"jwks without keys array"_s));
            return;
        }
        promise->finish(keys.toArray());
    });
    return promise->future();
}

} // namespace hh::smart
