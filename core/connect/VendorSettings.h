#pragma once

#include <QString>

namespace hh::connect {

// What the user set for one vendor (app_settings keys connect/vendor/<vendor>/client_id,
// .../redirect_uri, .../scopes). Empty = not set (the built-in default applies).
struct VendorSettings {
    QString clientId;
    QString redirectUri;
    QString scopes;
};

} // namespace hh::connect
