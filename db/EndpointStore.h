#pragma once

#include "core/connect/IEndpointStore.h"

#include <memory>

namespace hh::db {

class ConnectionFactory;

// emr_endpoints and the connect/vendor/* keys of app_settings over the encrypted database.
// Every call uses the calling thread's own connection (role "connect") of the factory; see
// connect::IEndpointStore for the threading contract.
class EndpointStore final : public connect::IEndpointStore
{
public:
    explicit EndpointStore(std::shared_ptr<ConnectionFactory> factory);

    [[nodiscard]] Status ensureBuiltins(const QList<connect::Endpoint>& builtins) override;
    [[nodiscard]] Result<QList<connect::Endpoint>> list() override;
    [[nodiscard]] Result<connect::Endpoint> get(const QString& id) override;
    [[nodiscard]] Result<connect::EndpointPage> search(const QString& text, int offset, int limit) override;
    [[nodiscard]] Result<connect::ImportSummary> importEntries(const QList<connect::Endpoint>& entries,
                                                              const QString& source) override;
    [[nodiscard]] Result<connect::Endpoint> add(connect::Endpoint endpoint) override;
    [[nodiscard]] Result<connect::Endpoint> updateOverrides(const QString& id, const QString& clientId,
                                                            const QString& redirectUri,
                                                            const QString& scopes) override;
    [[nodiscard]] Status setSmartConfig(const QString& id, const QString& json) override;
    [[nodiscard]] Result<connect::VendorSettings> vendorSettings(const QString& vendor) override;
    [[nodiscard]] Status setVendorSettings(const QString& vendor, const connect::VendorSettings& settings) override;
    void releaseThreadResources() override;

    // The LIKE pattern for a search word: %word% with %, _ and \ escaped (ESCAPE '\').
    [[nodiscard]] static QString likePattern(const QString& word);

private:
    std::shared_ptr<ConnectionFactory> m_factory;
};

} // namespace hh::db
