#pragma once

#include "core/connect/Endpoint.h"
#include "core/connect/VendorSettings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace hh::connect {

// The client id, redirect URI and scopes a sign-in to an endpoint uses. Each comes from, in order:
// the endpoint's own override (emr_endpoints), the built-in endpoint's default (demo endpoints:
// client id healthhub-demo), the vendor setting (app_settings), the vendor default. Pure, any thread.
struct EndpointSettings {
    enum class Origin { Endpoint, Builtin, Vendor, Default, None };

    QString clientId;           // empty = none configured (the user must enter one)
    Origin clientIdOrigin = Origin::None;
    QUrl redirectUri;
    Origin redirectUriOrigin = Origin::Default;
    QString scopes;             // empty = the vendor default, decided after discovery (defaultScopes())
    Origin scopesOrigin = Origin::Default;

    // The default redirect URI of the embedded login and the browser fallback:
    // http://127.0.0.1:<kDefaultRedirectPort>/callback. A loopback IP literal (RFC 8252 §7.3,
    // FHIR-SMART-NOTES §2) on a fixed port, so it can be registered with a vendor; the embedded view
    // captures it before anything is sent, and only the browser fallback binds the port.
    static constexpr quint16 kDefaultRedirectPort = 47319;
    [[nodiscard]] static QUrl defaultRedirectUri();

    [[nodiscard]] static EndpointSettings resolve(const Endpoint& endpoint, const VendorSettings& vendor);

    // The vendor's default scope string for a server advertising `capabilities`
    // (smart::ScopeSet::defaultScopeString with the preferred SMART version).
    [[nodiscard]] static QString defaultScopes(const QString& vendorKey, const QStringList& capabilities);
};

} // namespace hh::connect
