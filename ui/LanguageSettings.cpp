#include "ui/LanguageSettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
const QString kLanguageKey = u"ui/language"_s;
QString g_active; // GUI thread only: written once at startup, read by the dialog
} // namespace

QStringList LanguageSettings::available()
{
    return {u"en"_s, u"es"_s};
}

QString LanguageSettings::language()
{
    const QString code = QSettings().value(kLanguageKey).toString().trimmed().toLower();
    return available().contains(code) ? code : QString();
}

void LanguageSettings::setLanguage(const QString& code)
{
    QSettings settings;
    const QString clean = code.trimmed().toLower();
    if (available().contains(clean))
        settings.setValue(kLanguageKey, clean);
    else
        settings.remove(kLanguageKey);
}

QString LanguageSettings::active()
{
    return g_active;
}

void LanguageSettings::setActive(const QString& code)
{
    g_active = code;
}

QString LanguageSettings::nativeName(const QString& code)
{
    // The shipped languages by their own names (QLocale would say "español de España", "American English").
    if (code.startsWith(u"en"))
        return u"English"_s;
    if (code.startsWith(u"es"))
        return u"Español"_s;
    const QString name = QLocale(code).nativeLanguageName();
    if (name.isEmpty())
        return code;
    return name.left(1).toUpper() + name.mid(1);
}

} // namespace hh::ui
