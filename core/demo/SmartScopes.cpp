#include "core/demo/SmartScopes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hh::demo::scopes {

namespace {

const QRegularExpression& resourceScope()
{
    // context / type . permissions [?query]
    static const QRegularExpression re(
        u"^(patient|user)/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?$"_s);
    return re;
}

} // namespace

QStringList parse(const QString& scope)
{
    QStringList out;
    for (const QString& s : scope.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
        if (!out.contains(s))
            out.append(s);
    return out;
}

QStringList grant(const QStringList& requested)
{
    static const QStringList kPlain{u"openid"_s,         u"fhirUser"_s,       u"profile"_s,      u"launch"_s,
                                    u"launch/patient"_s, u"offline_access"_s, u"online_access"_s};
    QStringList out;
    for (const QString& s : requested) {
        if (kPlain.contains(s)) {
            out.append(s);
            continue;
        }
        const auto m = resourceScope().match(s);
        if (m.hasMatch() && !m.captured(3).isEmpty())
            out.append(s);
    }
    return out;
}

QString reply(Vendor vendor, const QStringList& granted)
{
    if (vendor == Vendor::Athena)
        return granted.join(u' ');
    QStringList out;
    for (const QString& s : granted) {
        const auto m = resourceScope().match(s);
        if (m.hasMatch()) {
            const QString perms = m.captured(3);
            const bool read = perms == u"read" || perms == u"*" || perms.contains(u'r') || perms.contains(u's');
            const QString v1 = m.captured(1) + u'/' + m.captured(2) + (read ? u".read"_s : u".write"_s);
            if (!out.contains(v1))
                out.append(v1);
            continue;
        }
        out.append(s);
    }
    return out.join(u' ');
}

bool allows(const QStringList& granted, const QString& type, QChar permission)
{
    for (const QString& s : granted) {
        const auto m = resourceScope().match(s);
        if (!m.hasMatch() || m.captured(1) != u"patient")
            continue;
        if (m.captured(2) != u"*" && m.captured(2) != type)
            continue;
        const QString perms = m.captured(3);
        if (perms == u"read" || perms == u"*" || perms.contains(permission))
            return true;
    }
    return false;
}

bool has(const QStringList& granted, const QString& scope)
{
    return granted.contains(scope);
}

} // namespace hh::demo::scopes
