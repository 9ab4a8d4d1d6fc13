#pragma once

#include "core/Result.h"
#include "core/connect/EmrConnection.h"

#include <QList>
#include <QString>

namespace hh::connect {

// The connections (profile_emr_connections) of one account's profiles: every call is scoped to
// profiles of that account. Same threading contract as IEndpointStore. The connection layer owns
// the token, key and status columns; the sync engine owns sync_state and last_synced_at.
class IConnectionStore
{
public:
    virtual ~IConnectionStore() = default;

    // True when the profile belongs to the account.
    [[nodiscard]] virtual Result<bool> profileExists(const QString& profileId) = 0;

    [[nodiscard]] virtual Result<EmrConnection> get(const QString& connectionId) = 0;
    // NotFound when the profile has no connection to the endpoint.
    [[nodiscard]] virtual Result<EmrConnection> find(const QString& profileId, const QString& endpointId) = 0;
    // A profile's connections, or every connection of the account when profileId is empty.
    [[nodiscard]] virtual Result<QList<EmrConnection>> list(const QString& profileId) = 0;

    // After a sign-in: inserts the connection, or updates the existing row of (profile, endpoint)
    // (a new sign-in replaces tokens, patient, scope, registration; status connected, last_error
    // cleared). Returns the stored row (id filled in).
    [[nodiscard]] virtual Result<EmrConnection> saveSignIn(const EmrConnection& connection) = 0;

    // Token columns after a refresh or JWT bearer grant, atomically (one UPDATE); status becomes
    // connected and last_error is cleared. NotFound if the connection is gone or disconnected.
    [[nodiscard]] virtual Status updateTokens(const QString& connectionId, const TokenUpdate& update) = 0;

    // Status and last_error; with clearTokens the access and refresh tokens are deleted too.
    [[nodiscard]] virtual Status setStatus(const QString& connectionId, ConnectionStatus status,
                                           const QString& lastError, bool clearTokens) = 0;

    // Epic's device registration (DCR client id, sealed private key PEM, key id).
    [[nodiscard]] virtual Status setDeviceRegistration(const QString& connectionId, const QString& dynamicClientId,
                                                       const QByteArray& privateKeyEncrypted,
                                                       const QString& keyId) = 0;

    // Disconnect: deletes tokens and the device registration, status 'disconnected'. With
    // deleteData, the connection's synced data goes too (raw and normalized resources, sync jobs,
    // clean records that came only from it; the profile summary is removed so it is rebuilt).
    // One transaction.
    [[nodiscard]] virtual Status disconnect(const QString& connectionId, bool deleteData) = 0;

    virtual void releaseThreadResources() = 0;
};

} // namespace hh::connect
