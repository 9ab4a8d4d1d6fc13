#include "ui/Theme.h"

#include <array>

using namespace Qt::StringLiterals;

namespace hh::ui {

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorTextColor(const QPalette& palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor avatarColor(const QString& key)
{
    // Muted tones with enough contrast for white text in both themes.
    static constexpr std::array<QRgb, 8> kColors = {
        0xff2e7d6b, 0xff3b6ea5, 0xff8e4b9b, 0xffb0553a,
        0xff5a7d2a, 0xff9c3f5c, 0xff4a5fa8, 0xff7a6230,
    };
    // FNV-1a: deterministic across runs and platforms (qHash may be seeded).
    quint32 hash = 2166136261u;
    for (const QChar c : key) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor::fromRgb(kColors[hash % kColors.size()]);
}

QString initialsOf(const QString& name)
{
    const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return u"?"_s;
    auto firstLetter = [](const QString& word) {
        // Keep a surrogate pair together.
        const int len = (word.size() > 1 && word.at(0).isHighSurrogate()) ? 2 : 1;
        return word.left(len).toUpper();
    };
    QString initials = firstLetter(words.first());
    if (words.size() > 1)
        initials += firstLetter(words.last());
    return initials;
}

QIcon themedIcon(const QString& themeName, const QString& resourcePath)
{
    return QIcon::fromTheme(themeName, QIcon(resourcePath));
}

QIcon appIcon()
{
    return QIcon(u":/icons/healthhub.svg"_s);
}

QFont headingFont(const QFont& base)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.5);
    else
        f.setPixelSize(f.pixelSize() * 3 / 2);
    f.setWeight(QFont::DemiBold);
    return f;
}

} // namespace hh::ui
