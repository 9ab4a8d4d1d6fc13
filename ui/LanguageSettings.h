#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace hh::ui {

// The user interface language chosen in Settings ▸ Language, kept with QSettings (not PHI). It takes
// effect at the next start (app/Bootstrap.cpp): `--lang` overrides it, and it overrides the system
// locale. An empty code means "follow the system".
class LanguageSettings
{
public:
    // Language codes Health Hub ships translations for (translations/healthhub_<code>.ts).
    [[nodiscard]] static QStringList available();
    // The stored choice: "" (system) or one of available(); anything else reads as "".
    [[nodiscard]] static QString language();
    // Stores code ("" = system); codes not in available() are stored as "".
    static void setLanguage(const QString& code);
    // The language in use by this process (set at startup; may differ from language() after a change).
    [[nodiscard]] static QString active();
    static void setActive(const QString& code);
    // The language the name of code is written in ("English", "Español").
    [[nodiscard]] static QString nativeName(const QString& code);
};

} // namespace hh::ui
