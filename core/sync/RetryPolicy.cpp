#include "core/sync/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace hh::sync {

namespace {
std::chrono::milliseconds scaled(std::chrono::milliseconds ms, double scale)
{
    const double v = static_cast<double>(ms.count()) * std::max(0.0, scale);
    return std::chrono::milliseconds(static_cast<qint64>(std::llround(v)));
}

// RFC 9110 HTTP-date, obsolete forms included. Month names are English regardless of locale; the day
// name is dropped (QLocale would reject a date whose weekday does not match, e.g. a 2-digit RFC 850 year
// read in the wrong century).
QDateTime parseHttpDate(const QString& text)
{
    const QLocale c = QLocale::c();
    const QString s = text.simplified();
    QDateTime t;
    const qsizetype comma = s.indexOf(u',');
    if (comma >= 0) {
        const QString rest = s.mid(comma + 1).trimmed();
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        t = c.toDateTime(rest, QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"));
        if (!t.isValid())
            t = c.toDateTime(rest, QStringLiteral("d MMM yyyy HH:mm:ss 'GMT'"));
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        if (!t.isValid()) {
            t = c.toDateTime(rest, QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"));
            if (t.isValid() && t.date().year() < 1970)
                t = t.addYears(100);
        }
    } else {
        // asctime: Sun Nov  6 08:49:37 1994
        const qsizetype space = s.indexOf(u' ');
        if (space > 0)
            t = c.toDateTime(s.mid(space + 1), QStringLiteral("MMM d HH:mm:ss yyyy"));
    }
    if (!t.isValid())
        return {};
    t.setTimeZone(QTimeZone::utc());
    return t;
}
} // namespace

std::chrono::milliseconds RetryPolicy::delay(int retry, std::optional<std::chrono::milliseconds> retryAfter) const
{
    if (retryAfter)
        return scaled(*retryAfter, timeScale);
    const int shift = std::clamp(retry, 0, 30);
    const double base = static_cast<double>(initialBackoff.count()) * std::pow(2.0, shift);
    const double capped = std::min(base, static_cast<double>(maxBackoff.count()));
    const double half = capped / 2.0;
    const double jittered = half + QRandomGenerator::global()->generateDouble() * half;
    return scaled(std::chrono::milliseconds(static_cast<qint64>(std::llround(jittered))), timeScale);
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        bool ok = false;
        const qint64 seconds = v.size() > 9 ? -1 : v.toLongLong(&ok);
        if (!ok || seconds < 0)
            return std::nullopt;
        return std::chrono::milliseconds(seconds * 1000);
    }
    const QDateTime when = parseHttpDate(QString::fromLatin1(v));
    if (!when.isValid())
        return std::nullopt;
    const qint64 ms = nowUtc.msecsTo(when);
    return std::chrono::milliseconds(std::max<qint64>(0, ms));
}

} // namespace hh::sync
