#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/demo/SyntheticFamily.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace hh::demo {

struct DemoServerOptions {
    bool autoApprove = false; // login and consent pages submit themselves (login_hint, else "self")
    int scale = 1;            // history multiplier of the synthetic family (1..SyntheticFamily::kMaxScale)
    QString replayDir;        // recordings in the corpus's index.json format (adds replay-* endpoints)
    QStringList faults;       // fault SPECs, see core/demo/FaultPlan.h
    int accessTokenLifetimeSecs = 3600;
    quint16 port = 0;              // 0 = a free port
    QStringList extraClientIds;    // public client ids accepted besides "healthhub-demo"
    QStringList extraRedirectUris; // exact redirect URIs accepted besides http://127.0.0.1:<any>/callback
    // 32 bytes: access tokens, refresh tokens and dynamic client ids are sealed with it and carry their
    // grant, so a server started later with the same key (the app's next process: it derives the key
    // from the vault's secrets key) accepts them. Empty = a random key: tokens die with the server.
    SecretBytes tokenKey;
};

struct DemoEndpoint {
    QString id;       // demo-epic, demo-athena, replay-epic-1, ...
    QString vendor;   // epic | athena
    QString name;     // display name
    QUrl fhirBaseUrl; // http://127.0.0.1:PORT/demo-epic/api/FHIR/R4, http://127.0.0.1:PORT/demo-athena/fhir/r4
};

// The demo health systems of issue 3: a SMART on FHIR R4 server on 127.0.0.1 with an Epic-flavoured and an
// athenahealth-flavoured endpoint serving the synthetic family (SyntheticFamily), plus one endpoint per
// recording when replaying.
//
// URL layout (PORT from start()):
//   {root}                       /demo-epic                        /demo-athena
//   FHIR base                    {root}/api/FHIR/R4                {root}/fhir/r4
//   discovery                    {base}/.well-known/smart-configuration, {base}/metadata
//   OAuth                        {root}/oauth2/{op}                {root}/oauth2/v1/{op}
//     op: authorize, token, revoke, introspect, jwks (+ register on Epic); pages post to login and consent
//   replay recording N           /replay/N/api/FHIR/R4 (Epic) or /replay/N/fhir/r4 (athena), OAuth likewise
//   test controls (loopback)     /_control/faults (GET list, POST add a SPEC, DELETE clear),
//                                /_control/expire-tokens (POST)
//
// Client: public client id "healthhub-demo"; redirect URIs http://127.0.0.1:<any port>/callback (RFC 8252
// §7.3); PKCE S256 required; aud = the endpoint's FHIR base. Sign-ins self, mother, father, child, password
// "demo". demo-athena issues refresh tokens when offline_access is granted; demo-epic never does (public
// client) but offers dynamic client registration + the JWT bearer grant, as Epic does.
//
// Threading: the server lives in the thread of the object; all requests are handled there, asynchronously
// (slow replies use timers, nothing blocks), so a client may run in the same thread and event loop.
class DemoServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    explicit DemoServer(QObject* parent = nullptr);
    ~DemoServer() override;

    // Binds 127.0.0.1 only. Fails on invalid options, an unreadable replay directory, a bad fault SPEC or a
    // port in use. Returns the port.
    [[nodiscard]] Result<quint16> start(const DemoServerOptions& options);
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const;

    [[nodiscard]] QList<DemoEndpoint> endpoints() const;
    [[nodiscard]] std::optional<DemoEndpoint> endpoint(const QString& id) const;
    // The family being served (valid while running).
    [[nodiscard]] const SyntheticFamily& family() const;

    // Test controls.
    [[nodiscard]] Status addFault(const QString& spec);
    void clearFaults();
    [[nodiscard]] QStringList faults() const;
    void expireAllAccessTokens();
    // Records every code and token the OAuth endpoints issue from now on (see OAuthService).
    void setRecordIssuedSecrets(bool on);
    [[nodiscard]] QStringList issuedSecrets() const;
    // Replaces the clock (UTC "now") used for token, code and assertion lifetimes. Default: the system clock.
    void setClock(std::function<QDateTime()> clock);

    static QString demoClientId();
    static bool isAllowedRedirectUri(const QString& uri);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace hh::demo
