#pragma once

#include <QString>
#include <QUrl>

namespace hh::smart {

// The one transport rule for everything SMART: https, or plain http only to a loopback host
// (127.0.0.0/8, ::1, "localhost"). URLs with user info, without a host, or of any other scheme
// are refused. Used for FHIR bases, OAuth endpoints, redirect URIs and directory downloads.
[[nodiscard]] bool isAllowedUrl(const QUrl& url);

// True for 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and "localhost".
[[nodiscard]] bool isLoopbackHost(const QString& host);

// A FHIR base in the form Health Hub stores and compares: scheme and host lower-case, no query,
// fragment or user info, no trailing slash (Epic's directory lists bases with one).
[[nodiscard]] QUrl normalizeFhirBase(const QUrl& url);

// Resolves an endpoint URL from a discovery document against the FHIR base, treating the base as a
// directory: "token" → "{base}/token", "/oauth2/token" → "{scheme}://{host}/oauth2/token";
// absolute URLs are returned as they are. Empty input gives an empty URL.
[[nodiscard]] QUrl resolveAgainstBase(const QUrl& fhirBase, const QString& reference);

// {base}/.well-known/smart-configuration and {base}/metadata.
[[nodiscard]] QUrl wellKnownUrl(const QUrl& fhirBase);
[[nodiscard]] QUrl metadataUrl(const QUrl& fhirBase);

} // namespace hh::smart
