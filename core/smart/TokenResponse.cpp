#include "core/smart/TokenResponse.h"

#include "core/smart/Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

Error protocol(const QString& detail)
{
    return Error(ErrorCode::Protocol, Tr::tr("The health system sent a sign-in answer Health Hub cannot read."),
                 detail);
}

// expires_in as sent: a JSON number or a numeric string; nullopt when absent/unusable.
std::optional<qint64> readExpiresIn(const QJsonValue& v)
{
    double d = 0;
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(d) || d <= 0)
        return std::nullopt;
    if (d > 1e12)
        d = 1e12;
    return static_cast<qint64>(d);
}

SecretBytes secretString(const QJsonValue& v)
{
    if (!v.isString())
        return {};
    return SecretBytes(v.toString().toUtf8());
}

} // namespace

bool isGrantRevokedError(QStringView e)
{
    return e == u"invalid_grant" || e == u"invalid_client" || e == u"unauthorized_client" ||
           e == u"access_denied" || e == u"invalid_token";
}

Result<TokenResponse> parseTokenResponse(QByteArrayView body, int httpStatus, const QDateTime& nowUtc)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(body.data(), body.size()), &err);
    const bool isObject = err.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject o = isObject ? doc.object() : QJsonObject();

    if (isObject && o.contains("error"_L1)) {
        const QString code = o.value("error"_L1).toString().left(64);
        const QString description = cleanDescription(o.value("error_description"_L1).toString());
        const QString detail =
            u"oauth error '%1' (HTTP %2)"_s.arg(code.isEmpty() ? u"?"_s : cleanDescription(code)).arg(httpStatus);
        if (isGrantRevokedError(code)) {
            const QString msg =
                description.isEmpty()
                    ? Tr::tr("The health system no longer accepts this sign-in. Please sign in again.")
                    : Tr::tr("The health system no longer accepts this sign-in (%1). Please sign in again.")
                          .arg(description);
            return Error(ErrorCode::Unauthorized, msg, detail);
        }
        const QString msg = description.isEmpty()
                                ? Tr::tr("The health system refused the request (%1).").arg(cleanDescription(code))
                                : Tr::tr("The health system refused the request (%1: %2).")
                                      .arg(cleanDescription(code), description);
        return Error(ErrorCode::Server, msg, detail);
    }
    if (httpStatus < 200 || httpStatus > 299) {
        const QString detail = u"token endpoint: HTTP %1"_s.arg(httpStatus);
        if (httpStatus == 401 || httpStatus == 403)
            return Error(ErrorCode::Unauthorized,
                         Tr::tr("The health system no longer accepts this sign-in. Please sign in again."),
                         detail);
        return Error(ErrorCode::Server,
                     Tr::tr("The health system answered with an error (HTTP %1).").arg(httpStatus), detail);
    }
    if (!isObject)
        return protocol(u"token response is not a JSON object"_s);

    TokenResponse r;
    const QJsonValue access = o.value("access_token"_L1);
    if (!access.isString() || access.toString().isEmpty())
        return protocol(u"token response has no access_token"_s);
    r.accessToken = SecretBytes(access.toString().toUtf8());

    const QString type = o.value("token_type"_L1).toString();
    if (type.compare(u"bearer", Qt::CaseInsensitive) != 0)
        return protocol(u"token_type is not Bearer"_s);
    r.tokenType = u"Bearer"_s;

    const QDateTime now = nowUtc.toUTC();
    qint64 lifetime = TokenResponse::kDefaultLifetime;
    r.expirySource = TokenResponse::ExpirySource::Default;
    if (const auto expiresIn = readExpiresIn(o.value("expires_in"_L1))) {
        lifetime = *expiresIn;
        r.expirySource = TokenResponse::ExpirySource::ExpiresIn;
    } else if (const auto claims =
                   jwtClaimsUnverified(QByteArrayView(r.accessToken.data(), qsizetype(r.accessToken.size())))) {
        const QJsonValue exp = claims->value("exp"_L1);
        if (exp.isDouble() && std::isfinite(exp.toDouble())) {
            const double remaining = exp.toDouble() - double(now.toSecsSinceEpoch());
            lifetime = static_cast<qint64>(std::clamp(remaining, -1e12, 1e12));
            r.expirySource = TokenResponse::ExpirySource::JwtExp;
        }
    }
    r.expiresIn = std::clamp(lifetime, TokenResponse::kMinLifetime, TokenResponse::kMaxLifetime);
    r.expiresAt = now.addSecs(r.expiresIn);

    r.refreshToken = secretString(o.value("refresh_token"_L1));
    r.idToken = secretString(o.value("id_token"_L1));
    if (o.value("scope"_L1).isString())
        r.scope = o.value("scope"_L1).toString().simplified();
    const QJsonValue patient = o.value("patient"_L1);
    if (patient.isString())
        r.patient = patient.toString().trimmed();
    return r;
}

QString cleanDescription(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isPrint())
            out.append(c);
        else if (c.isSpace())
            out.append(u' ');
    }
    out = out.simplified();
    if (out.size() > 200)
        out = out.left(200) + u"…"_s;
    return out;
}

} // namespace hh::smart
