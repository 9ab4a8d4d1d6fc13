#include "core/smart/SmartConfiguration.h"

#include "core/Log.h"
#include "core/smart/UrlPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

const QString kOAuthUrisExact = u"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"_s;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

Error protocolError(const QString& detail)
{
    return Error(ErrorCode::Protocol, Tr::tr("The health system's sign-in settings could not be read."), detail);
}

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    if (!value.isArray())
        return out;
    for (const QJsonValue& v : value.toArray()) {
        if (v.isString() && !v.toString().isEmpty())
            out.append(v.toString());
    }
    return out;
}

QUrl urlField(const QJsonObject& obj, QLatin1StringView key, const QUrl& base)
{
    const QJsonValue v = obj.value(key);
    if (!v.isString())
        return {};
    return resolveAgainstBase(base, v.toString());
}

Result<QJsonObject> parseObject(QByteArrayView json, const char* what)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.data(), json.size()), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return protocolError(QStringLiteral("%1 is not a JSON object").arg(QLatin1StringView(what)));
    return doc.object();
}

QJsonArray toArray(const QStringList& list)
{
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

void dropIfNotAllowed(QUrl& url, const char* name)
{
    if (!url.isEmpty() && !isAllowedUrl(url)) {
        qCWarning(lcSmart) << "ignoring" << name << "that is not https:" << redactUrl(url);
        url = QUrl();
    }
}

} // namespace

bool SmartConfiguration::hasCapability(QStringView capability) const
{
    return capabilities.contains(capability.toString());
}

bool SmartConfiguration::supportsS256() const
{
    return codeChallengeMethodsSupported.contains(u"S256"_s);
}

bool SmartConfiguration::supportsGrantType(QStringView grantType) const
{
    return grantTypesSupported.contains(grantType.toString());
}

bool SmartConfiguration::supportsJwtBearer() const
{
    return supportsGrantType(u"urn:ietf:params:oauth:grant-type:jwt-bearer");
}

Result<SmartConfiguration> SmartConfiguration::fromWellKnown(QByteArrayView json, const QUrl& fhirBase)
{
    auto parsed = parseObject(json, "smart-configuration");
    if (!parsed)
        return parsed.error();
    const QJsonObject& o = parsed.value();
    SmartConfiguration c;
    c.fhirBaseUrl = normalizeFhirBase(fhirBase);
    c.source = Source::WellKnown;
    c.issuer = o.value("issuer"_L1).toString();
    c.issParameterSupported = o.value("authorization_response_iss_parameter_supported"_L1).toBool(false);
    c.jwksUri = urlField(o, "jwks_uri"_L1, c.fhirBaseUrl);
    c.authorizationEndpoint = urlField(o, "authorization_endpoint"_L1, c.fhirBaseUrl);
    c.tokenEndpoint = urlField(o, "token_endpoint"_L1, c.fhirBaseUrl);
    c.revocationEndpoint = urlField(o, "revocation_endpoint"_L1, c.fhirBaseUrl);
    c.registrationEndpoint = urlField(o, "registration_endpoint"_L1, c.fhirBaseUrl);
    c.introspectionEndpoint = urlField(o, "introspection_endpoint"_L1, c.fhirBaseUrl);
    c.managementEndpoint = urlField(o, "management_endpoint"_L1, c.fhirBaseUrl);
    c.capabilities = stringList(o.value("capabilities"_L1));
    c.scopesSupported = stringList(o.value("scopes_supported"_L1));
    c.codeChallengeMethodsSupported = stringList(o.value("code_challenge_methods_supported"_L1));
    c.grantTypesSupported = stringList(o.value("grant_types_supported"_L1));
    c.tokenEndpointAuthMethodsSupported = stringList(o.value("token_endpoint_auth_methods_supported"_L1));
    if (!c.authorizationEndpoint.isValid() || c.authorizationEndpoint.isEmpty())
        return protocolError(u"smart-configuration has no authorization_endpoint"_s);
    if (!c.tokenEndpoint.isValid() || c.tokenEndpoint.isEmpty())
        return protocolError(u"smart-configuration has no token_endpoint"_s);
    return c;
}

Result<SmartConfiguration> SmartConfiguration::fromCapabilityStatement(QByteArrayView json, const QUrl& fhirBase)
{
    auto parsed = parseObject(json, "CapabilityStatement");
    if (!parsed)
        return parsed.error();
    const QJsonObject& o = parsed.value();
    if (o.value("resourceType"_L1).toString() != u"CapabilityStatement")
        return protocolError(u"metadata is not a CapabilityStatement"_s);

    // Collect oauth-uris extensions: exact URL first, then suffix matches.
    QList<QJsonObject> exact;
    QList<QJsonObject> suffix;
    for (const QJsonValue& rest : o.value("rest"_L1).toArray()) {
        const QJsonObject security = rest.toObject().value("security"_L1).toObject();
        for (const QJsonValue& ext : security.value("extension"_L1).toArray()) {
            const QJsonObject e = ext.toObject();
            const QString url = e.value("url"_L1).toString();
            if (url == kOAuthUrisExact)
                exact.append(e);
            else if (url.endsWith(u"oauth-uris"))
                suffix.append(e);
        }
    }
    SmartConfiguration c;
    c.fhirBaseUrl = normalizeFhirBase(fhirBase);
    c.source = Source::CapabilityStatement;
    auto fill = [&c](const QJsonObject& ext) {
        for (const QJsonValue& sv : ext.value("extension"_L1).toArray()) {
            const QJsonObject sub = sv.toObject();
            const QString name = sub.value("url"_L1).toString();
            QJsonValue value = sub.value("valueUri"_L1);
            if (!value.isString())
                value = sub.value("valueUrl"_L1);
            if (!value.isString())
                continue;
            const QUrl url = resolveAgainstBase(c.fhirBaseUrl, value.toString());
            QUrl* target = nullptr;
            if (name == u"authorize")
                target = &c.authorizationEndpoint;
            else if (name == u"token")
                target = &c.tokenEndpoint;
            else if (name == u"register")
                target = &c.registrationEndpoint;
            else if (name == u"manage")
                target = &c.managementEndpoint;
            else if (name == u"introspect")
                target = &c.introspectionEndpoint;
            else if (name == u"revoke")
                target = &c.revocationEndpoint;
            if (target && target->isEmpty())
                *target = url;
        }
    };
    for (const QJsonObject& e : std::as_const(exact))
        fill(e);
    for (const QJsonObject& e : std::as_const(suffix))
        fill(e);
    if (c.authorizationEndpoint.isEmpty() || !c.authorizationEndpoint.isValid())
        return protocolError(u"CapabilityStatement has no oauth-uris authorize"_s);
    if (c.tokenEndpoint.isEmpty() || !c.tokenEndpoint.isValid())
        return protocolError(u"CapabilityStatement has no oauth-uris token"_s);
    return c;
}

Result<SmartConfiguration> SmartConfiguration::validated(SmartConfiguration c)
{
    if (!isAllowedUrl(c.fhirBaseUrl))
        return Error(ErrorCode::Protocol, Tr::tr("Health Hub only connects to health systems over https."),
                     u"FHIR base is not https"_s);
    if (!isAllowedUrl(c.authorizationEndpoint) || !isAllowedUrl(c.tokenEndpoint))
        return Error(ErrorCode::Protocol, Tr::tr("Health Hub only connects to health systems over https."),
                     u"authorization or token endpoint is not https"_s);
    dropIfNotAllowed(c.revocationEndpoint, "revocation_endpoint");
    dropIfNotAllowed(c.registrationEndpoint, "registration_endpoint");
    dropIfNotAllowed(c.introspectionEndpoint, "introspection_endpoint");
    dropIfNotAllowed(c.managementEndpoint, "management_endpoint");
    dropIfNotAllowed(c.jwksUri, "jwks_uri");
    const bool metadataOnlyWithoutList =
        c.source == Source::CapabilityStatement && c.codeChallengeMethodsSupported.isEmpty();
    if (!c.supportsS256() && !metadataOnlyWithoutList)
        return Error(ErrorCode::Protocol,
                     Tr::tr("This health system does not support the secure sign-in method (PKCE S256) that "
                            "Health Hub requires."),
                     u"server does not list S256 in code_challenge_methods_supported"_s);
    return c;
}

void SmartConfiguration::mergeMissingEndpointsFrom(const SmartConfiguration& other)
{
    auto take = [](QUrl& mine, const QUrl& theirs) {
        if (mine.isEmpty())
            mine = theirs;
    };
    take(authorizationEndpoint, other.authorizationEndpoint);
    take(tokenEndpoint, other.tokenEndpoint);
    take(revocationEndpoint, other.revocationEndpoint);
    take(registrationEndpoint, other.registrationEndpoint);
    take(introspectionEndpoint, other.introspectionEndpoint);
    take(managementEndpoint, other.managementEndpoint);
    take(jwksUri, other.jwksUri);
}

QJsonObject SmartConfiguration::toJson() const
{
    QJsonObject o;
    auto put = [&o](QLatin1StringView key, const QUrl& url) {
        if (!url.isEmpty())
            o.insert(key, url.toString(QUrl::FullyEncoded));
    };
    o.insert("fhir_base_url"_L1, fhirBaseUrl.toString(QUrl::FullyEncoded));
    o.insert("source"_L1, source == Source::WellKnown ? u"well-known"_s : u"metadata"_s);
    if (!issuer.isEmpty())
        o.insert("issuer"_L1, issuer);
    if (issParameterSupported)
        o.insert("authorization_response_iss_parameter_supported"_L1, true);
    put("jwks_uri"_L1, jwksUri);
    put("authorization_endpoint"_L1, authorizationEndpoint);
    put("token_endpoint"_L1, tokenEndpoint);
    put("revocation_endpoint"_L1, revocationEndpoint);
    put("registration_endpoint"_L1, registrationEndpoint);
    put("introspection_endpoint"_L1, introspectionEndpoint);
    put("management_endpoint"_L1, managementEndpoint);
    o.insert("capabilities"_L1, toArray(capabilities));
    o.insert("scopes_supported"_L1, toArray(scopesSupported));
    o.insert("code_challenge_methods_supported"_L1, toArray(codeChallengeMethodsSupported));
    o.insert("grant_types_supported"_L1, toArray(grantTypesSupported));
    o.insert("token_endpoint_auth_methods_supported"_L1, toArray(tokenEndpointAuthMethodsSupported));
    return o;
}

Result<SmartConfiguration> SmartConfiguration::fromJson(const QJsonObject& json)
{
    const QUrl base(json.value("fhir_base_url"_L1).toString());
    if (!base.isValid() || base.isEmpty())
        return protocolError(u"cached configuration has no fhir_base_url"_s);
    auto c = fromWellKnown(QJsonDocument(json).toJson(QJsonDocument::Compact), base);
    if (!c)
        return c;
    c->source =
        json.value("source"_L1).toString() == u"metadata" ? Source::CapabilityStatement : Source::WellKnown;
    return validated(std::move(c.value()));
}

} // namespace hh::smart
