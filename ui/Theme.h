#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace hh::ui {

// Small look-and-feel helpers. Colors come from the palette (light and dark system themes);
// the only fixed colors are the avatar backgrounds, chosen to carry white initials.

// A red that stays readable on the palette's window color.
[[nodiscard]] QColor errorTextColor(const QPalette& palette);
// True when the palette's window background is dark.
[[nodiscard]] bool isDarkPalette(const QPalette& palette);
// A stable avatar background for a key (the profile id, so a rename keeps the color).
[[nodiscard]] QColor avatarColor(const QString& key);
// Up to two initials: first letters of the first and last words ("Mary Jane Doe" -> "MD").
[[nodiscard]] QString initialsOf(const QString& name);
// The theme icon when the desktop has one, otherwise ours from resources/icons.
[[nodiscard]] QIcon themedIcon(const QString& themeName, const QString& resourcePath);
// The application icon (resources/icons/healthhub.svg).
[[nodiscard]] QIcon appIcon();
// Base font scaled for a page heading.
[[nodiscard]] QFont headingFont(const QFont& base);

} // namespace hh::ui
