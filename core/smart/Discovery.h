#pragma once

#include "core/Result.h"
#include "core/smart/SmartConfiguration.h"

#include <QFuture>
#include <QString>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace hh::smart {

// Finds out how to sign in to a FHIR server.
//
// discover(): GET {base}/.well-known/smart-configuration (Accept: application/json). When that
// answers with an HTTP error status, a non-JSON body (HTML 404 pages, XML) or a document without
// authorization/token endpoints, it falls back to GET {base}/metadata (Accept:
// application/fhir+json) and the CapabilityStatement's oauth-uris extension. A transport failure
// (no route, TLS error, timeout) does not fall back: it is reported as Network. A well-known
// document that parses but fails the policy (no S256, http endpoints) is refused, also without
// fallback. The result has passed SmartConfiguration::validated().
// With Options::epicClientId set, /metadata is sent with `Epic-Client-ID`; when the well-known
// document has no registration_endpoint, /metadata is then fetched too and its `register` (and any
// other missing endpoint) merged in; failure of that extra call is not an error.
//
// Async style: QFuture<Result<…>>; the future always finishes (Cancelled if the network manager is
// destroyed first). Thread: call from the thread that owns the QNetworkAccessManager; continue
// with future.then(context, …). The object only holds the (non-owned) manager pointer; it may be
// destroyed while requests are in flight.
class Discovery
{
public:
    struct Options {
        QString epicClientId;                     // sent as Epic-Client-ID to /metadata
        std::chrono::milliseconds timeout{20000}; // per request
        bool allowMetadataFallback = true;
    };

    explicit Discovery(QNetworkAccessManager* nam);

    [[nodiscard]] QFuture<Result<SmartConfiguration>> discover(const QUrl& fhirBase, const Options& options);
    [[nodiscard]] QFuture<Result<SmartConfiguration>> discover(const QUrl& fhirBase)
    {
        return discover(fhirBase, Options{});
    }

    static constexpr qint64 kMaxDocumentBytes = 8 * 1024 * 1024;

private:
    QNetworkAccessManager* m_nam;
};

} // namespace hh::smart
