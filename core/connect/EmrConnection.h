#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hh::connect {

// Status column of profile_emr_connections.
enum class ConnectionStatus { Connected, NeedsReauth, Error, Disconnected };

// "connected", "needs_reauth", "error", "disconnected" (the stored keys).
[[nodiscard]] inline QString connectionStatusKey(ConnectionStatus status)
{
    switch (status) {
    case ConnectionStatus::Connected: return QStringLiteral("connected");
    case ConnectionStatus::NeedsReauth: return QStringLiteral("needs_reauth");
    case ConnectionStatus::Error: return QStringLiteral("error");
    case ConnectionStatus::Disconnected: return QStringLiteral("disconnected");
    }
    return QStringLiteral("error");
}

[[nodiscard]] inline std::optional<ConnectionStatus> connectionStatusFromKey(QStringView key)
{
    for (ConnectionStatus s : {ConnectionStatus::Connected, ConnectionStatus::NeedsReauth, ConnectionStatus::Error,
                               ConnectionStatus::Disconnected}) {
        if (key == connectionStatusKey(s))
            return s;
    }
    return std::nullopt;
}

// A profile signed in to a health system (a row of profile_emr_connections). Secrets stay sealed
// (crypto::seal with the vault's secrets key) in the *Encrypted members: they are opened only
// where a token is sent. Plain value type, any thread.
struct EmrConnection {
    QString id;
    QString profileId;
    QString endpointId;
    QString provider;                 // vendor key
    QString patientEmrId;             // token response `patient`
    QByteArray accessTokenEncrypted;  // empty = none
    QByteArray refreshTokenEncrypted; // empty = none
    QDateTime expiresAt;              // UTC; invalid = unknown
    QString scope;                    // granted
    ConnectionStatus status = ConnectionStatus::Connected;
    QString lastError;                // words for people; never tokens or PHI
    QString lastSyncedAt;
    QString clientId;                 // the client id of the sign-in (empty for rows made before schema v2:
                                      // use the endpoint/vendor setting); refresh and DCR use it
    QString dynamicClientId;          // Epic DCR client id
    QByteArray privateKeyEncrypted;   // Epic DCR device key (PEM), sealed
    QString keyId;
    QString accessExpiresOn;          // when the patient's grant ends, if known
    QString createdAt;
    QString updatedAt;

    [[nodiscard]] bool hasRefreshToken() const { return !refreshTokenEncrypted.isEmpty(); }
    [[nodiscard]] bool hasDeviceRegistration() const
    {
        return !dynamicClientId.isEmpty() && !privateKeyEncrypted.isEmpty();
    }
};

// The token columns written after a sign-in, refresh or JWT bearer grant, in one statement.
struct TokenUpdate {
    QByteArray accessTokenEncrypted;
    // Rotation: a new sealed refresh token replaces the stored one; empty keeps the stored one
    // (unless clearRefreshToken).
    QByteArray refreshTokenEncrypted;
    bool clearRefreshToken = false;
    QDateTime expiresAt;
    QString scope;                    // empty keeps the stored scope
    QString patientEmrId;             // empty keeps the stored patient
};

} // namespace hh::connect

Q_DECLARE_METATYPE(hh::connect::EmrConnection)
Q_DECLARE_METATYPE(hh::connect::ConnectionStatus)
