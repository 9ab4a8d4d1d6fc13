#include "core/smart/RedirectResult.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

int effectivePort(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    const int fallback = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    return url.port(fallback);
}

QString effectivePath(const QUrl& url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? u"/"_s : path;
}

} // namespace

bool matchesRedirectUri(const QUrl& url, const QUrl& registered)
{
    if (!url.isValid() || !registered.isValid())
        return false;
    return url.scheme().compare(registered.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(registered.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(url) == effectivePort(registered) && effectivePath(url) == effectivePath(registered);
}

RedirectResult parseRedirect(const QUrl& url, const QUrl& registered)
{
    RedirectResult r;
    if (!matchesRedirectUri(url, registered))
        return r;
    const QUrlQuery query(url);
    r.state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    r.error = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    r.errorDescription = query.queryItemValue(u"error_description"_s, QUrl::FullyDecoded);
    if (query.hasQueryItem(u"iss"_s))
        r.issuer = query.queryItemValue(u"iss"_s, QUrl::FullyDecoded);
    const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    if (query.hasQueryItem(u"error"_s)) {
        r.kind = RedirectResult::Kind::Error;
        if (r.error.isEmpty())
            r.error = u"unknown_error"_s;
    } else if (!code.isEmpty()) {
        r.kind = RedirectResult::Kind::Code;
        r.code = SecretBytes(code.toUtf8());
    } else {
        r.kind = RedirectResult::Kind::Malformed;
    }
    return r;
}

} // namespace hh::smart
