#include "core/smart/Pkce.h"

#include "core/smart/Base64Url.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <sodium.h>

namespace hh::smart {

Pkce::Pair Pkce::generate()
{
    const SecretBytes random = SecretBytes::random(kVerifierBytes);
    SecretBytes verifier(base64UrlEncode(QByteArrayView(random.data(), qsizetype(random.size()))));
    QString challenge = challengeFor(verifier);
    return Pair{std::move(verifier), std::move(challenge)};
}

bool Pkce::isValidVerifier(QByteArrayView verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const char c : verifier) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

Result<Pkce::Pair> Pkce::fromVerifier(const SecretBytes& verifier)
{
    if (!isValidVerifier(QByteArrayView(verifier.data(), qsizetype(verifier.size()))))
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("hh::smart", "The sign-in request is damaged. Please try again."),
                     QStringLiteral("PKCE verifier does not satisfy RFC 7636 4.1"));
    return Pair{verifier, challengeFor(verifier)};
}

QString Pkce::challengeFor(const SecretBytes& verifier)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(verifier.data(), qsizetype(verifier.size())),
                                                       QCryptographicHash::Sha256);
    return QString::fromLatin1(base64UrlEncode(digest));
}

QString generateState()
{
    const SecretBytes random = SecretBytes::random(Pkce::kStateBytes);
    return QString::fromLatin1(base64UrlEncode(QByteArrayView(random.data(), qsizetype(random.size()))));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

bool constantTimeEquals(const QString& a, const QString& b)
{
    const QByteArray ua = a.toUtf8();
    const QByteArray ub = b.toUtf8();
    return constantTimeEquals(QByteArrayView(ua), QByteArrayView(ub));
}

} // namespace hh::smart
