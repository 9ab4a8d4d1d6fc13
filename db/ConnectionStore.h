#pragma once

#include "core/connect/ConnectStores.h"
#include "core/connect/IConnectionStore.h"

#include <memory>

namespace hh::db {

class ConnectionFactory;

// profile_emr_connections of one account's profiles over the encrypted database (role "connect"
// connections). Tokens and keys arrive and leave sealed: this class never sees a secret in clear.
class ConnectionStore final : public connect::IConnectionStore
{
public:
    ConnectionStore(std::shared_ptr<ConnectionFactory> factory, QString userId);

    [[nodiscard]] Result<bool> profileExists(const QString& profileId) override;
    [[nodiscard]] Result<connect::EmrConnection> get(const QString& connectionId) override;
    [[nodiscard]] Result<connect::EmrConnection> find(const QString& profileId, const QString& endpointId) override;
    [[nodiscard]] Result<QList<connect::EmrConnection>> list(const QString& profileId) override;
    [[nodiscard]] Result<connect::EmrConnection> saveSignIn(const connect::EmrConnection& connection) override;
    [[nodiscard]] Status updateTokens(const QString& connectionId, const connect::TokenUpdate& update) override;
    [[nodiscard]] Status setStatus(const QString& connectionId, connect::ConnectionStatus status,
                                   const QString& lastError, bool clearTokens) override;
    [[nodiscard]] Status setDeviceRegistration(const QString& connectionId, const QString& dynamicClientId,
                                               const QByteArray& privateKeyEncrypted, const QString& keyId) override;
    [[nodiscard]] Status disconnect(const QString& connectionId, bool deleteData) override;
    void releaseThreadResources() override;

private:
    std::shared_ptr<ConnectionFactory> m_factory;
    QString m_userId;
};

// The three connect stores of the signed-in account over one vault (VaultService::connections(),
// currentUser()->id).
[[nodiscard]] connect::ConnectStores makeConnectStores(std::shared_ptr<ConnectionFactory> factory,
                                                       const QString& userId);

} // namespace hh::db
