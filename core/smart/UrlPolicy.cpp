#include "core/smart/UrlPolicy.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace hh::smart {

bool isLoopbackHost(const QString& host)
{
    if (host.isEmpty())
        return false;
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    if (isV4)
        return (v4 >> 24) == 127;
    return address == QHostAddress(QHostAddress::LocalHostIPv6);
}

bool isAllowedUrl(const QUrl& url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return false;
    if (!url.userInfo().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return true;
    if (scheme == u"http")
        return isLoopbackHost(url.host());
    return false;
}

QUrl normalizeFhirBase(const QUrl& url)
{
    QUrl out = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo |
                            QUrl::NormalizePathSegments);
    out.setScheme(out.scheme().toLower());
    out.setHost(out.host().toLower());
    QString path = out.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    out.setPath(path, QUrl::TolerantMode);
    return out;
}

QUrl resolveAgainstBase(const QUrl& fhirBase, const QString& reference)
{
    const QString trimmed = reference.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl ref(trimmed);
    if (!ref.isRelative())
        return ref;
    QUrl dir = normalizeFhirBase(fhirBase);
    dir.setPath(dir.path(QUrl::FullyEncoded) + u'/', QUrl::TolerantMode);
    return dir.resolved(ref);
}

static QUrl appendPath(const QUrl& fhirBase, QStringView suffix)
{
    QUrl out = normalizeFhirBase(fhirBase);
    out.setPath(out.path(QUrl::FullyEncoded) + suffix.toString(), QUrl::TolerantMode);
    return out;
}

QUrl wellKnownUrl(const QUrl& fhirBase)
{
    return appendPath(fhirBase, u"/.well-known/smart-configuration");
}

QUrl metadataUrl(const QUrl& fhirBase)
{
    return appendPath(fhirBase, u"/metadata");
}

} // namespace hh::smart
