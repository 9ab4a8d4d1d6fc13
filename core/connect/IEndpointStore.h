#pragma once

#include "core/Result.h"
#include "core/connect/Endpoint.h"
#include "core/connect/VendorSettings.h"

#include <QList>
#include <QString>

namespace hh::connect {

// The directory of health systems (emr_endpoints) and the per-vendor settings (app_settings).
//
// Contract for all connect stores: blocking calls that run SQL on the CALLING thread's own
// database connection; never call them on the GUI thread (ConnectService runs them on its worker).
// Thread-safe: any number of threads may use one store object. A thread that used a store must call
// releaseThreadResources() before it ends.
class IEndpointStore
{
public:
    virtual ~IEndpointStore() = default;

    // Inserts the built-in endpoints or brings them up to date (vendor, name, place, base URL,
    // sandbox flag); the user's per-endpoint overrides are kept. Idempotent.
    [[nodiscard]] virtual Status ensureBuiltins(const QList<Endpoint>& builtins) = 0;

    // Every endpoint, ordered by name (case-insensitive).
    [[nodiscard]] virtual Result<QList<Endpoint>> list() = 0;
    // NotFound if there is no such endpoint.
    [[nodiscard]] virtual Result<Endpoint> get(const QString& id) = 0;
    // Case-insensitive substring match on name or city (empty text = everything), ordered by name
    // through the name index, `limit` rows from `offset`.
    [[nodiscard]] virtual Result<EndpointPage> search(const QString& text, int offset, int limit) = 0;

    // Adds or refreshes directory rows, matched by (fhir_base_url, name); new rows get a uuid.
    // Overrides of existing rows are kept. One transaction.
    [[nodiscard]] virtual Result<ImportSummary> importEntries(const QList<Endpoint>& entries,
                                                             const QString& source) = 0;
    // Inserts one endpoint (id made here when empty). AlreadyExists for a duplicate (base URL, name).
    [[nodiscard]] virtual Result<Endpoint> add(Endpoint endpoint) = 0;
    // Sets the per-endpoint overrides (empty = none).
    [[nodiscard]] virtual Result<Endpoint> updateOverrides(const QString& id, const QString& clientId,
                                                           const QString& redirectUri, const QString& scopes) = 0;
    // Caches the discovery document (compact JSON; empty clears it).
    [[nodiscard]] virtual Status setSmartConfig(const QString& id, const QString& json) = 0;

    // Per-vendor settings (vendor key "epic", "athena", "other").
    [[nodiscard]] virtual Result<VendorSettings> vendorSettings(const QString& vendor) = 0;
    [[nodiscard]] virtual Status setVendorSettings(const QString& vendor, const VendorSettings& settings) = 0;

    virtual void releaseThreadResources() = 0;
};

} // namespace hh::connect
