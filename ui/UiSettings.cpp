#include "ui/UiSettings.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
const QString kAutoLockKey = u"security/autoLockMinutes"_s;
}

int UiSettings::autoLockMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(kAutoLockKey, kDefaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, kMaxAutoLockMinutes) : kDefaultAutoLockMinutes;
}

void UiSettings::setAutoLockMinutes(int minutes)
{
    QSettings().setValue(kAutoLockKey, std::clamp(minutes, 0, kMaxAutoLockMinutes));
}

} // namespace hh::ui
