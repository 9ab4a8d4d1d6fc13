#pragma once

#include "core/Result.h"
#include "core/smart/Vendor.h"

#include <QByteArrayView>
#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace hh::smart {

// One health system from an endpoint directory (a row of emr_endpoints).
struct DirectoryEntry {
    QString name; // organization name, never empty
    QString city; // from the Organization's first address with a city/state; may be empty
    QString state;
    QUrl fhirBaseUrl; // normalizeFhirBase(): https (or loopback http), no trailing slash
    Vendor vendor = Vendor::Other;
    QString portalName; // Brands: the portal the endpoint belongs to, if named
};

// Importer for endpoint directories (pure parse; fuzzed):
// - Epic's R4 endpoint Bundle (open.epic.com/Endpoints/R4, 2021 and 2026 formats): Endpoint
//   resources with a contained Organization referenced from managingOrganization WITHOUT '#'
//   (with '#' is accepted too). Name from the contained Organization (else Endpoint.name); vendor
//   epic for every entry.
// - SMART User-access Brands Bundles (HL7 SMART App Launch 2.2; also Oracle Health's directory):
//   Organization resources linked to Endpoint resources through Organization.endpoint and the
//   organization-portal extension's portalEndpoint (relative "Endpoint/id" or absolute fullUrl
//   references). An Organization without endpoints inherits those of its partOf parent (brand
//   hierarchy, ≤ 8 levels). Endpoints nobody references are listed under their own name. Vendor
//   guessed from the base URL (guessVendor()).
// Endpoints are skipped (counted in `skipped`) when the address is missing or not allowed by
// isAllowedUrl(), the status is not active, the connection type is not hl7-fhir-rest, or the
// endpoint-fhir-version extension says a non-R4 version (DSTU2 etc.). Entries are de-duplicated
// by (base URL, name), keeping the first.
// Errors (InvalidInput, nothing partially returned): not JSON, not a Bundle, `entry` not an array
// or an entry/resource not an object, a wrongly typed Endpoint.address, or no usable endpoint.
struct DirectoryImport {
    enum class Format { EpicEndpointBundle, UserAccessBrands };

    Format format = Format::UserAccessBrands;
    QList<DirectoryEntry> entries;
    int skipped = 0; // endpoints left out (see above)

    // emr_endpoints.source: "epic-directory" or "brands".
    [[nodiscard]] QString sourceKey() const;
};

class EndpointDirectory
{
public:
    [[nodiscard]] static Result<DirectoryImport> parse(QByteArrayView json);
    // Reads and parses a file (≤ maxBytes). Blocking: run it with QtConcurrent off the GUI thread.
    [[nodiscard]] static Result<DirectoryImport> importFromFile(const QString& path,
                                                                qint64 maxBytes = kDefaultMaxBytes);
    // GET (Accept: application/fhir+json, application/json) with a size cap and a timeout, then
    // parses on the global thread pool. url must pass isAllowedUrl(). Call from the thread that
    // owns `nam`; the future always finishes.
    [[nodiscard]] static QFuture<Result<DirectoryImport>>
    importFromUrl(QNetworkAccessManager* nam, const QUrl& url, qint64 maxBytes = kDefaultMaxBytes,
                  std::chrono::milliseconds timeout = std::chrono::seconds(120));

    // Epic's Brands bundle is ≈ 90 MB.
    static constexpr qint64 kDefaultMaxBytes = 160LL * 1024 * 1024;
};

} // namespace hh::smart

Q_DECLARE_METATYPE(hh::smart::DirectoryEntry)
