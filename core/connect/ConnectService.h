#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/connect/ConnectStores.h"
#include "core/connect/EmrConnection.h"
#include "core/connect/Endpoint.h"
#include "core/connect/EndpointSettings.h"
#include "core/connect/VendorSettings.h"
#include "core/smart/RedirectResult.h"
#include "core/sync/TokenProvider.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace hh::connect {

// One sign-in in progress: what the login window opens and what it must capture.
struct LoginRequest {
    QString profileId;
    QString endpointId;
    QString endpointName;
    QString vendor;
    QString clientId;
    QUrl authorizeUrl;   // open this (carries state, PKCE challenge, aud): never log it, use redactUrl()
    QUrl redirectUri;    // capture every navigation to it (scheme + host + port + path)
    QString state;       // the state sent; compared in constant time with what comes back
    QDateTime expiresAt; // UTC: the state is refused after this
};

struct LoginOptions {
    QString loginHint;   // optional login_hint (the demo's auto-approve picks the patient from it)
    QUrl redirectUri;    // empty = the endpoint's effective redirect URI
};

struct DisconnectResult {
    bool revocationSupported = false; // the server offers RFC 7009 revocation
    bool revoked = false;             // every token we held was revoked there
    QString revocationError;          // words for people when revocation failed (tokens are deleted anyway)
};

// The connection layer of a signed-in account: the directory of health systems, the SMART login
// (PKCE, single-use state, token exchange, Epic's device registration), token refresh for the sync
// engine, and disconnect.
//
// Threading: every operation runs on the service's own worker thread, which owns its database
// connections (through the stores) and its QNetworkAccessManager; results come back through QFuture
// (continue on the GUI thread with hh::ui::whenFinished or a QFutureWatcher). All public methods are
// thread-safe and never block, except accessToken() (the ITokenProvider call for sync workers), which
// blocks the calling thread and must not be called from the GUI thread.
//
// Lifetime: create after sign-in (stores from db::makeConnectStores(vault.connections(), userId),
// key from vault.secretsKey()), destroy BEFORE the vault is locked (its connections must be released
// while the factory is alive). The destructor waits for the worker; unfinished futures finish with
// ErrorCode::Cancelled. Never destroy it from inside one of its own continuations.
class ConnectService final : public QObject, public sync::ITokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectService)

public:
    struct Options {
        std::function<QDateTime()> clock;                 // UTC now; default: the system clock
        std::chrono::milliseconds httpTimeout{30000};     // per request
        std::chrono::seconds stateLifetime{600};          // oauth_states expiry (10 min)
    };

    ConnectService(ConnectStores stores, SecretBytes secretsKey, QString userId, Options options,
                   QObject* parent = nullptr);
    ConnectService(ConnectStores stores, SecretBytes secretsKey, QString userId, QObject* parent = nullptr);
    ~ConnectService() override;

    // Finishes once the built-in endpoints are in the directory (inserted or updated when the
    // service starts; idempotent). Every other operation runs after it.
    [[nodiscard]] QFuture<Status> ready() const { return m_ready; }

    // --- Directory -------------------------------------------------------------------------------
    [[nodiscard]] QFuture<Result<QList<Endpoint>>> listEndpoints();
    [[nodiscard]] QFuture<Result<EndpointPage>> searchEndpoints(const QString& text, int offset, int limit);
    [[nodiscard]] QFuture<Result<Endpoint>> endpoint(const QString& endpointId);
    // An Epic R4 endpoint Bundle or a SMART User-access Brands Bundle, from a file path or an
    // http(s) URL (https, or loopback http).
    [[nodiscard]] QFuture<Result<ImportSummary>> importDirectory(const QString& fileOrUrl);
    // A health system by its FHIR base URL: discovery must succeed (it decides what is supported);
    // the vendor is "other". clientId optional (per-endpoint override).
    [[nodiscard]] QFuture<Result<Endpoint>> addEndpoint(const QString& name, const QUrl& fhirBase,
                                                        const QString& clientId = {});
    [[nodiscard]] QFuture<Result<Endpoint>> setEndpointOverrides(const QString& endpointId, const QString& clientId,
                                                                 const QString& redirectUri, const QString& scopes);
    [[nodiscard]] QFuture<Result<VendorSettings>> vendorSettings(const QString& vendor);
    [[nodiscard]] QFuture<Status> setVendorSettings(const QString& vendor, const VendorSettings& settings);
    [[nodiscard]] QFuture<Result<EndpointSettings>> effectiveSettings(const QString& endpointId);

    // --- Login -----------------------------------------------------------------------------------
    // Discovery (well-known, CapabilityStatement fallback), PKCE S256, a fresh state stored in
    // oauth_states with the verifier sealed, expiring after Options::stateLifetime. Demo endpoints
    // must be running (DemoEndpoints::ensureStarted on the GUI thread first).
    [[nodiscard]] QFuture<Result<LoginRequest>> beginLogin(const QString& profileId, const QString& endpointId,
                                                           const LoginOptions& options = {});
    // What came back on the redirect URI (code or error). The state is consumed (single-use) in
    // every case; unknown/used/expired states and error redirects end the login with a clear
    // message and exchange nothing. On success the connection is stored: tokens sealed, status
    // connected; for Epic without a refresh token, the device is registered (DCR) and the JWT
    // bearer grant set up.
    [[nodiscard]] QFuture<Result<EmrConnection>> completeLogin(const LoginRequest& request,
                                                               const smart::RedirectResult& redirect);
    // The user gave up: consume the state so it can never be used.
    [[nodiscard]] QFuture<Status> abandonLogin(const QString& state);

    // --- Connections -----------------------------------------------------------------------------
    // A profile's connections (every connection of the account for an empty profileId).
    [[nodiscard]] QFuture<Result<QList<EmrConnection>>> connections(const QString& profileId);
    [[nodiscard]] QFuture<Result<EmrConnection>> connection(const QString& profileId, const QString& endpointId);
    // Revokes the tokens where the server supports it, deletes them (and Epic's device key),
    // status 'disconnected'; deleteData also removes the synced data of the connection.
    [[nodiscard]] QFuture<Result<DisconnectResult>> disconnect(const QString& connectionId, bool deleteData);

    // --- Tokens ----------------------------------------------------------------------------------
    // A usable access token: the stored one, or renewed (refresh token, else Epic's JWT bearer
    // grant) when it expires within 60 s or forceRefresh. Renewals are single-flight per
    // connection; a rotated refresh token is stored before the new access token is handed out. A
    // refused renewal sets status needs_reauth (ErrorCode::Unauthorized).
    [[nodiscard]] QFuture<Result<sync::AccessToken>> renewAccessToken(const QString& connectionId, bool forceRefresh);
    // sync::ITokenProvider: blocking renewAccessToken(). Not on the GUI thread.
    [[nodiscard]] Result<sync::AccessToken> accessToken(const QString& connectionId, bool forceRefresh) override;

    [[nodiscard]] const QString& userId() const { return m_userId; }

Q_SIGNALS:
    // A connection was stored, renewed, needs sign-in again, failed or was disconnected. Emitted
    // from the worker thread (connect with a context object: queued delivery).
    void connectionChanged(const QString& connectionId, hh::connect::ConnectionStatus status);

private:
    class Engine;
    template<typename T, typename F>
    QFuture<Result<T>> post(F&& work);

    ConnectStores m_stores;
    QString m_userId;
    QThread* m_thread = nullptr;
    Engine* m_engine = nullptr; // lives in m_thread
    QFuture<Status> m_ready;
    SecretBytes m_demoTokenKey;
};

} // namespace hh::connect

Q_DECLARE_METATYPE(hh::connect::LoginRequest)
