#pragma once

namespace hh::ui {

// GUI preferences kept with QSettings (the application's organization/name). Only non-PHI values
// belong here: timeouts, window geometry — never names, emails or anything from the vault.
class UiSettings
{
public:
    static constexpr int kDefaultAutoLockMinutes = 10;
    static constexpr int kMaxAutoLockMinutes = 24 * 60;

    // 0 = never lock automatically.
    [[nodiscard]] static int autoLockMinutes();
    static void setAutoLockMinutes(int minutes);
};

} // namespace hh::ui
