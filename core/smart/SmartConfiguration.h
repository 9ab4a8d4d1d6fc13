#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hh::smart {

// What a FHIR server says about its OAuth 2.0 / SMART App Launch support. Built from
// `{base}/.well-known/smart-configuration` or, as a fallback, the CapabilityStatement
// (`{base}/metadata`, extension `…/StructureDefinition/oauth-uris` in rest.security).
// Relative URLs are resolved against the FHIR base (see resolveAgainstBase()).
// Pure value type, any thread.
struct SmartConfiguration {
    enum class Source { WellKnown, CapabilityStatement };

    QUrl fhirBaseUrl; // normalized (no trailing slash); also the `aud` parameter
    Source source = Source::WellKnown;
    QString issuer;
    // RFC 9207: the authorization server names itself (`iss`) in every authorization response.
    bool issParameterSupported = false;
    QUrl jwksUri;
    QUrl authorizationEndpoint; // required
    QUrl tokenEndpoint;         // required
    QUrl revocationEndpoint;    // RFC 7009; empty if not offered
    QUrl registrationEndpoint;  // RFC 7591 (Epic: only in /metadata with Epic-Client-ID)
    QUrl introspectionEndpoint;
    QUrl managementEndpoint; // where the patient manages grants
    QStringList capabilities;
    QStringList scopesSupported;
    QStringList codeChallengeMethodsSupported;
    QStringList grantTypesSupported;
    QStringList tokenEndpointAuthMethodsSupported;

    [[nodiscard]] bool hasCapability(QStringView capability) const;
    [[nodiscard]] bool supportsS256() const;
    [[nodiscard]] bool supportsGrantType(QStringView grantType) const;
    // DCR + JWT bearer (Epic's native-app path) is possible.
    [[nodiscard]] bool supportsJwtBearer() const;

    // Parses a `.well-known/smart-configuration` document. Errors: not a JSON object (Protocol),
    // no authorization or token endpoint (Protocol). Does not apply the policy: see validate().
    [[nodiscard]] static Result<SmartConfiguration> fromWellKnown(QByteArrayView json, const QUrl& fhirBase);
    // Parses a FHIR CapabilityStatement. The oauth-uris extension is matched by its exact URL
    // (http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris), and otherwise by any
    // URL ending in "oauth-uris" (athena also sends a bogus "http://DSTU2/…" copy); the exact one
    // wins, the others only fill gaps. Sub-extensions: authorize, token, register, manage,
    // introspect, revoke. Capabilities are not expressed there and stay empty.
    [[nodiscard]] static Result<SmartConfiguration> fromCapabilityStatement(QByteArrayView json,
                                                                            const QUrl& fhirBase);

    // The policy Health Hub applies before any sign-in (FHIR-SMART-NOTES §1):
    // - authorization and token endpoints present and allowed by isAllowedUrl() (https, or http
    //   to loopback); optional endpoints that fail isAllowedUrl() are dropped, never used;
    // - PKCE S256: a well-known document MUST list "S256" in code_challenge_methods_supported
    //   (missing list or no S256 → refused). A CapabilityStatement cannot express PKCE methods, so
    //   a metadata-only server (SMART v1, e.g. Epic before Aug 2021) is accepted with an empty
    //   list and we still send S256; it is refused only if it somehow lists methods without S256.
    // Returns the (possibly trimmed) configuration or Protocol.
    [[nodiscard]] static Result<SmartConfiguration> validated(SmartConfiguration config);

    // Fills endpoints that are empty here from `other` (used to take Epic's `register` URL from
    // /metadata while keeping the well-known document as the authority).
    void mergeMissingEndpointsFrom(const SmartConfiguration& other);

    // Round trip for the emr_endpoints.smart_config cache column.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<SmartConfiguration> fromJson(const QJsonObject& json);
};

} // namespace hh::smart

Q_DECLARE_METATYPE(hh::smart::SmartConfiguration)
