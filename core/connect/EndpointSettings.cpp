#include "core/connect/EndpointSettings.h"

#include "core/connect/BuiltinEndpoints.h"
#include "core/smart/ScopeSet.h"
#include "core/smart/Vendor.h"

namespace hh::connect {

QUrl EndpointSettings::defaultRedirectUri()
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(kDefaultRedirectPort);
    url.setPath(QStringLiteral("/callback"));
    return url;
}

EndpointSettings EndpointSettings::resolve(const Endpoint& endpoint, const VendorSettings& vendor)
{
    EndpointSettings s;
    if (!endpoint.clientId.trimmed().isEmpty()) {
        s.clientId = endpoint.clientId.trimmed();
        s.clientIdOrigin = Origin::Endpoint;
    } else if (const QString builtin = BuiltinEndpoints::defaultClientId(endpoint.id); !builtin.isEmpty()) {
        s.clientId = builtin;
        s.clientIdOrigin = Origin::Builtin;
    } else if (!vendor.clientId.trimmed().isEmpty()) {
        s.clientId = vendor.clientId.trimmed();
        s.clientIdOrigin = Origin::Vendor;
    }

    s.redirectUri = defaultRedirectUri();
    s.redirectUriOrigin = Origin::Default;
    if (const QUrl own(endpoint.redirectUri.trimmed()); !endpoint.redirectUri.trimmed().isEmpty() && own.isValid()) {
        s.redirectUri = own;
        s.redirectUriOrigin = Origin::Endpoint;
    } else if (const QUrl v(vendor.redirectUri.trimmed()); !vendor.redirectUri.trimmed().isEmpty() && v.isValid()) {
        s.redirectUri = v;
        s.redirectUriOrigin = Origin::Vendor;
    }

    if (!endpoint.scopes.simplified().isEmpty()) {
        s.scopes = endpoint.scopes.simplified();
        s.scopesOrigin = Origin::Endpoint;
    } else if (!vendor.scopes.simplified().isEmpty()) {
        s.scopes = vendor.scopes.simplified();
        s.scopesOrigin = Origin::Vendor;
    }
    return s;
}

QString EndpointSettings::defaultScopes(const QString& vendorKey, const QStringList& capabilities)
{
    const smart::Vendor vendor = smart::vendorFromKey(vendorKey).value_or(smart::Vendor::Other);
    return smart::ScopeSet::defaultScopeString(vendor, smart::ScopeSet::preferredVersion(vendor, capabilities));
}

} // namespace hh::connect
