#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QString>
#include <QUrl>

#include <functional>

namespace hh::connect {

// Where the demo health systems run in this process.
//
// The demo server listens on 127.0.0.1 on a free port chosen at start, so its base URLs change
// from run to run. emr_endpoints therefore stores demo endpoints with the stable marker
// "demo://<demo id>" (demo://demo-epic, demo://demo-athena), and everything that talks to a server
// (login, token refresh, revocation, the sync engine) maps the stored base through resolve() first.
//
// The app installs a starter (setStarter) that starts the in-process demo server and registers its
// base URLs (registerBaseUrl); ensureStarted() runs it on demand. Process-wide, thread-safe.
class DemoEndpoints
{
public:
    static inline const QString kScheme = QStringLiteral("demo");

    [[nodiscard]] static bool isDemoBase(const QString& storedBase);
    // "demo-epic" for "demo://demo-epic"; empty for other URLs.
    [[nodiscard]] static QString demoId(const QString& storedBase);
    // "demo://<demoId>".
    [[nodiscard]] static QString marker(const QString& demoId);
    // The demo health systems' patient (their sign-in name, demo::SyntheticFamily's key) who is a profile of
    // this relationship: "self", "mother", "father", "child"; empty for the others.
    [[nodiscard]] static QString patientFor(Relationship relationship);

    // The URL to talk to: a registered live base for demo://<id> (invalid QUrl if that demo server
    // is not running), the stored URL itself otherwise.
    [[nodiscard]] static QUrl resolve(const QString& storedBase);

    static void registerBaseUrl(const QString& demoId, const QUrl& liveBase);
    static void unregisterAll();

    // Starts the demo server and registers its endpoints. Runs on the thread that calls
    // ensureStarted() (the thread that owns the demo server, normally the GUI thread).
    using Starter = std::function<Status()>;
    static void setStarter(Starter starter);
    // The key the in-process demo server seals its tokens with (DemoServerOptions::tokenKey), so that
    // a demo connection made by one process of a vault keeps working in the next one: ConnectService
    // sets it, derived from the vault's secrets key (never stored); the starter reads it. Empty when
    // no vault is open (the server then uses a random key).
    static void setTokenKey(const SecretBytes& key);
    [[nodiscard]] static SecretBytes tokenKey();
    // The derivation ConnectService uses (crypto::deriveSubkey, context "hhdemotk").
    [[nodiscard]] static SecretBytes deriveTokenKey(const SecretBytes& secretsKey);

    // Ok when `demoId` resolves (starting the server first if needed); NotFound when no starter is
    // installed or the server does not offer that endpoint.
    [[nodiscard]] static Status ensureStarted(const QString& demoId);
};

} // namespace hh::connect
