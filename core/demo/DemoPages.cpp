#include "core/demo/DemoPages.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace hh::demo::pages {

namespace {

QString templateText(const QString& name)
{
    QFile f(u":/demo/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        return u"<!DOCTYPE html><html><body><p>missing page %1</p></body></html>"_s.arg(name);
    return QString::fromUtf8(f.readAll());
}

QString fill(QString text, const QHash<QString, QString>& values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(u"{{"_s + it.key() + u"}}"_s, it.value());
    return text;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QByteArray login(const LoginPage& page)
{
    QString errorBlock;
    if (!page.error.isEmpty())
        errorBlock = u"<p class=\"error\" id=\"login-error\">"_s + esc(page.error) + u"</p>"_s;
    const QString script =
        page.autoSubmit ? u"<script>document.getElementById('login-form').submit();</script>"_s : QString();
    return fill(templateText(u"login.html"_s), {{u"endpointName"_s, esc(page.endpointName)},
                                                {u"action"_s, esc(page.action)},
                                                {u"txn"_s, esc(page.txn)},
                                                {u"username"_s, esc(page.username)},
                                                {u"password"_s, esc(page.password)},
                                                {u"errorBlock"_s, errorBlock},
                                                {u"autoSubmit"_s, script}})
        .toUtf8();
}

QByteArray consent(const ConsentPage& page)
{
    QString list;
    for (const auto& [scope, description] : page.scopes)
        list += u"    <li>"_s + esc(description) + u" <code>"_s + esc(scope) + u"</code></li>\n"_s;
    const QString script =
        page.autoSubmit ? u"<script>document.getElementById('allow').click();</script>"_s : QString();
    return fill(templateText(u"consent.html"_s), {{u"endpointName"_s, esc(page.endpointName)},
                                                  {u"action"_s, esc(page.action)},
                                                  {u"txn"_s, esc(page.txn)},
                                                  {u"clientId"_s, esc(page.clientId)},
                                                  {u"patientName"_s, esc(page.patientName)},
                                                  {u"scopeList"_s, list},
                                                  {u"autoSubmit"_s, script}})
        .toUtf8();
}

QByteArray error(const QString& endpointName, const QString& error, const QString& description)
{
    return fill(templateText(u"error.html"_s), {{u"endpointName"_s, esc(endpointName)},
                                                {u"error"_s, esc(error)},
                                                {u"description"_s, esc(description)}})
        .toUtf8();
}

QString describeScope(const QString& scope)
{
    static const QHash<QString, QString> kFixed{
        {u"openid"_s, u"Confirm who you are"_s},
        {u"fhirUser"_s, u"Know which portal account you signed in with"_s},
        {u"profile"_s, u"Your name and contact details"_s},
        {u"launch/patient"_s, u"Which health record you picked"_s},
        {u"offline_access"_s, u"Keep access after you close the app, until you revoke it"_s},
        {u"online_access"_s, u"Keep access while you are using the app"_s},
    };
    if (kFixed.contains(scope))
        return kFixed.value(scope);
    if (scope.startsWith(u"patient/"_s) || scope.startsWith(u"user/"_s)) {
        const QString rest = scope.section(u'/', 1);
        const QString type = rest.section(u'.', 0, 0);
        const QString what = type == u"*" ? u"All of your health information"_s : u"Your %1 records"_s.arg(type);
        return what + u" (read only)"_s;
    }
    return u"Other access"_s;
}

} // namespace hh::demo::pages
