#pragma once

#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace hh::smart {

// The EHR vendor of a health system. Decides default scopes, quirks and the persistent-access path.
// Stored keys (emr_endpoints.vendor, profile_emr_connections.provider): "epic", "athena", "other".
enum class Vendor { Epic, Athena, Other };

[[nodiscard]] QString vendorKey(Vendor vendor);
[[nodiscard]] std::optional<Vendor> vendorFromKey(QStringView key);

// A guess from a FHIR base URL alone: athenahealth hosts (athenahealth.com, athena.io) → Athena;
// Epic-hosted names (epic.com, epichosted.com, "epicproxy"/"interconnect" hosts) or Epic's
// characteristic path ".../api/FHIR/R4" (or DSTU2/STU3) → Epic; everything else → Other.
[[nodiscard]] Vendor guessVendor(const QUrl& fhirBaseUrl);

} // namespace hh::smart
