#include "core/connect/ConnectService.h"

#include "core/Domain.h"
#include "core/Log.h"
#include "core/Validation.h"
#include "core/connect/BuiltinEndpoints.h"
#include "core/connect/DemoEndpoints.h"
#include "core/smart/AuthorizationRequest.h"
#include "core/smart/DeviceKey.h"
#include "core/smart/Discovery.h"
#include "core/smart/EndpointDirectory.h"
#include "core/smart/HttpCall.h"
#include "core/smart/IdToken.h"
#include "core/smart/SmartConfiguration.h"
#include "core/smart/TokenClient.h"
#include "core/smart/TokenRefresher.h"
#include "core/smart/TokenResponse.h"
#include "core/smart/UrlPolicy.h"
#include "core/smart/Vendor.h"
#include "core/vault/Crypto.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hh::connect {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::connect::ConnectService)
};

template<typename T>
using Promise = smart::PromisePtr<T>;

Error demoNotRunning()
{
    return Error(ErrorCode::Network, Tr::tr("The demo health system is not running. Start it and try again."),
                 u"demo endpoint not registered"_s);
}

bool isEpic(const QString& vendor)
{
    return vendor == u"epic";
}

} // namespace

// ------------------------------------------------------------------------------------------------
// Engine: lives in the service's worker thread. Runs SQL synchronously there (through the stores)
// and network calls asynchronously on its own QNetworkAccessManager; every continuation hops back
// to this thread through whenDone().
class ConnectService::Engine final : public QObject
{
public:
    Engine(ConnectService* owner, ConnectStores stores, SecretBytes key, QString userId, Options options)
        : m_owner(owner), m_stores(std::move(stores)), m_key(std::move(key)), m_userId(std::move(userId)),
          m_options(std::move(options))
    {
        m_nonceKey = crypto::deriveSubkey(m_key, "hhoidcnc");
        if (!m_options.clock)
            m_options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    }

    void startInThread()
    {
        m_nam = new QNetworkAccessManager(this);
    }

    void stopInThread()
    {
        delete m_nam; // aborts requests in flight: their futures finish as Cancelled
        m_nam = nullptr;
        m_configs.clear();
        m_jwks.clear();
        m_stores.releaseThreadResources();
    }

    // Runs fn(result) on this engine's thread once `future` has finished (always through the event
    // loop; never once the engine is gone, in which case fn's captured promises finish as Cancelled).
    // A QFutureWatcher, not QFuture::then(): in Qt 6.4 a future keeps only ONE continuation (a second
    // then() replaces the first), and the single-flight renewal hands the same future to every caller.
    template<typename T, typename Fn>
    void whenDone(const QFuture<T>& future, Fn fn)
    {
        auto* watcher = new QFutureWatcher<T>(this);
        QObject::connect(watcher, &QFutureWatcherBase::finished, this, [watcher, fn = std::move(fn)]() mutable {
            watcher->deleteLater();
            const QFuture<T> f = watcher->future();
            if (f.isCanceled() || f.resultCount() == 0) {
                fn(T(Error(ErrorCode::Cancelled, Tr::tr("The request was cancelled."),
                           u"future without result"_s)));
                return;
            }
            fn(f.result());
        });
        watcher->setFuture(future);
    }

    QDateTime now() const { return m_options.clock(); }

    smart::TokenClient tokenClient() const
    {
        smart::TokenClient client(m_nam);
        client.setTimeout(m_options.httpTimeout);
        return client;
    }

    void notify(const QString& connectionId, ConnectionStatus status)
    {
        Q_EMIT m_owner->connectionChanged(connectionId, status);
    }

    // --- directory ---------------------------------------------------------------------------------

    Status ensureBuiltins() { return m_stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()); }

    Result<EndpointSettings> settingsFor(const Endpoint& ep)
    {
        auto vendor = m_stores.endpoints->vendorSettings(ep.vendor);
        if (!vendor)
            return vendor.error();
        return EndpointSettings::resolve(ep, *vendor);
    }

    void importDirectory(const QString& fileOrUrl, const Promise<ImportSummary>& promise)
    {
        const QString text = fileOrUrl.trimmed();
        const QUrl url(text);
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http" || scheme == u"https") {
            if (!smart::isAllowedUrl(url)) {
                promise->finish(Error(ErrorCode::InvalidInput,
                                      Tr::tr("Health Hub downloads directories over https only."),
                                      u"directory URL not allowed"_s));
                return;
            }
            qCInfo(lcSmart) << "importing endpoint directory from" << redactUrl(url);
            whenDone(smart::EndpointDirectory::importFromUrl(m_nam, url),
                     [this, promise](Result<smart::DirectoryImport> parsed) { storeImport(parsed, promise); });
            return;
        }
        const QString path = scheme == u"file" ? url.toLocalFile() : text;
        storeImport(smart::EndpointDirectory::importFromFile(path), promise);
    }

    void storeImport(const Result<smart::DirectoryImport>& parsed, const Promise<ImportSummary>& promise)
    {
        if (!parsed) {
            promise->finish(parsed.error());
            return;
        }
        QList<Endpoint> entries;
        entries.reserve(parsed->entries.size());
        for (const smart::DirectoryEntry& d : parsed->entries) {
            Endpoint e;
            e.vendor = smart::vendorKey(d.vendor);
            e.name = d.name;
            e.city = d.city;
            e.state = d.state;
            e.fhirBaseUrl = d.fhirBaseUrl.toString(QUrl::FullyEncoded);
            e.source = parsed->sourceKey();
            entries.append(e);
        }
        auto summary = m_stores.endpoints->importEntries(entries, parsed->sourceKey());
        if (summary) {
            summary->skipped = parsed->skipped;
            qCInfo(lcSmart) << "endpoint directory imported:" << summary->added << "added," << summary->updated
                            << "updated," << summary->skipped << "skipped";
        }
        promise->finish(summary);
    }

    void addEndpoint(const QString& name, const QUrl& fhirBase, const QString& clientId,
                     const Promise<Endpoint>& promise)
    {
        if (name.trimmed().isEmpty()) {
            promise->finish(
                Error(ErrorCode::InvalidInput, Tr::tr("Give the health system a name."), u"empty name"_s));
            return;
        }
        for (const auto& [text, max] : {std::pair{name, qsizetype(200)}, std::pair{clientId, qsizetype(200)}}) {
            if (Status st = validateLabel(text, max); !st) {
                promise->finish(st.error());
                return;
            }
        }
        const QUrl base = smart::normalizeFhirBase(fhirBase);
        if (!base.isValid() || !smart::isAllowedUrl(base)) {
            promise->finish(
                Error(ErrorCode::InvalidInput,
                      Tr::tr("The FHIR address must start with https:// (plain http only on this computer)."),
                      u"FHIR base not allowed"_s));
            return;
        }
        smart::Discovery::Options options;
        options.timeout = m_options.httpTimeout;
        whenDone(smart::Discovery(m_nam).discover(base, options),
                 [this, name, base, clientId, promise](Result<smart::SmartConfiguration> config) {
                     if (!config) {
                         promise->finish(Error(config.error().code(),
                                               Tr::tr("%1 did not answer as a SMART on FHIR server: %2")
                                                   .arg(base.host(), config.error().message()),
                                               config.error().detail()));
                         return;
                     }
                     Endpoint e;
                     e.vendor = smart::vendorKey(smart::Vendor::Other);
                     e.name = name.trimmed();
                     e.fhirBaseUrl = base.toString(QUrl::FullyEncoded);
                     e.clientId = clientId.trimmed();
                     e.source = u"manual"_s;
                     e.smartConfig = QString::fromUtf8(QJsonDocument(config->toJson()).toJson(QJsonDocument::Compact));
                     auto added = m_stores.endpoints->add(e);
                     if (added)
                         m_configs.insert(added->id, {base, config.value()});
                     promise->finish(added);
                 });
    }

    // --- discovery ---------------------------------------------------------------------------------

    struct CachedConfig {
        QUrl base;
        smart::SmartConfiguration config;
    };

    struct CachedJwks {
        QUrl uri;
        QJsonArray keys;
    };

    // The endpoint's SMART configuration: from memory or the emr_endpoints cache (not for demo
    // endpoints, whose address changes per run) unless `fresh`, else discovered (and cached).
    QFuture<Result<smart::SmartConfiguration>> configuration(const Endpoint& ep, const QString& clientId, bool fresh)
    {
        const QUrl base = DemoEndpoints::resolve(ep.fhirBaseUrl);
        if (!base.isValid())
            return smart::readyFuture<smart::SmartConfiguration>(
                ep.isDemo()
                    ? demoNotRunning()
                    : Error(ErrorCode::InvalidInput, Tr::tr("The FHIR address of %1 is not valid.").arg(ep.name),
                            u"invalid stored base"_s));
        const QUrl normalized = smart::normalizeFhirBase(base);
        if (!fresh) {
            const auto it = m_configs.constFind(ep.id);
            if (it != m_configs.cend() && it->base == normalized)
                return smart::readyFuture<smart::SmartConfiguration>(it->config);
            if (!ep.isDemo() && !ep.smartConfig.isEmpty()) {
                auto cached = smart::SmartConfiguration::fromJson(QJsonDocument::fromJson(ep.smartConfig.toUtf8()).object());
                if (cached && smart::normalizeFhirBase(cached->fhirBaseUrl) == normalized) {
                    auto valid = smart::SmartConfiguration::validated(cached.value());
                    if (valid && (!isEpic(ep.vendor) || !valid->registrationEndpoint.isEmpty())) {
                        m_configs.insert(ep.id, {normalized, valid.value()});
                        return smart::readyFuture<smart::SmartConfiguration>(valid.value());
                    }
                }
            }
        }
        smart::Discovery::Options options;
        options.timeout = m_options.httpTimeout;
        if (isEpic(ep.vendor))
            options.epicClientId = clientId; // Epic lists its DCR endpoint in /metadata for a known client only
        auto promise = smart::makePromise<smart::SmartConfiguration>();
        const QString endpointId = ep.id;
        const bool persist = !ep.isDemo();
        whenDone(smart::Discovery(m_nam).discover(normalized, options),
                 [this, promise, endpointId, normalized, persist](Result<smart::SmartConfiguration> config) {
                     if (config) {
                         m_configs.insert(endpointId, {normalized, config.value()});
                         if (persist) {
                             const QString json = QString::fromUtf8(
                                 QJsonDocument(config->toJson()).toJson(QJsonDocument::Compact));
                             if (Status st = m_stores.endpoints->setSmartConfig(endpointId, json); !st)
                                 qCWarning(lcSmart) << "discovery cache not saved:" << st.error().detail();
                         }
                     }
                     promise->finish(std::move(config));
                 });
        return promise->future();
    }

    // --- login -------------------------------------------------------------------------------------

    void beginLogin(const QString& profileId, const QString& endpointId, const LoginOptions& options,
                    const Promise<LoginRequest>& promise)
    {
        auto owned = m_stores.connections->profileExists(profileId);
        if (!owned) {
            promise->finish(owned.error());
            return;
        }
        if (!*owned) {
            promise->finish(
                Error(ErrorCode::NotFound, Tr::tr("No such profile."), u"profile not of this account"_s));
            return;
        }
        auto ep = m_stores.endpoints->get(endpointId);
        if (!ep) {
            promise->finish(ep.error());
            return;
        }
        auto settings = settingsFor(*ep);
        if (!settings) {
            promise->finish(settings.error());
            return;
        }
        if (settings->clientId.isEmpty()) {
            promise->finish(
                Error(ErrorCode::InvalidInput,
                      Tr::tr("Health Hub has no client id for %1 yet. Enter the client id you registered "
                             "with the vendor in the health system settings.")
                          .arg(ep->name),
                      u"no client id"_s));
            return;
        }
        const QUrl redirectUri = options.redirectUri.isValid() ? options.redirectUri : settings->redirectUri;
        const Endpoint endpoint = ep.value();
        const EndpointSettings effective = settings.value();
        whenDone(configuration(endpoint, effective.clientId, true),
                 [this, promise, profileId, endpoint, effective, redirectUri,
                  options](Result<smart::SmartConfiguration> config) {
                     if (!config) {
                         promise->finish(Error(config.error().code(),
                                               Tr::tr("Health Hub could not reach the sign-in service of %1: %2")
                                                   .arg(endpoint.name, config.error().message()),
                                               config.error().detail()));
                         return;
                     }
                     const QString scope = effective.scopes.isEmpty()
                         ? EndpointSettings::defaultScopes(endpoint.vendor, config->capabilities)
                         : effective.scopes;
                     auto prepared = smart::prepareAuthorization(
                         config.value(), effective.clientId, redirectUri, scope, options.loginHint,
                         [this](const QString& state) { return nonceFor(state); });
                     if (!prepared) {
                         promise->finish(prepared.error());
                         return;
                     }
                     const QDateTime created = now();
                     (void)m_stores.states->purgeExpired(created.addDays(-1));
                     OAuthState row;
                     row.state = prepared->state;
                     row.userId = m_userId;
                     row.profileId = profileId;
                     row.endpointId = endpoint.id;
                     row.provider = endpoint.vendor;
                     row.codeVerifierEncrypted = crypto::seal(m_key, prepared->codeVerifier);
                     row.redirectUri = redirectUri.toString(QUrl::FullyEncoded);
                     row.createdAt = created;
                     row.expiresAt = created.addSecs(m_options.stateLifetime.count());
                     if (Status st = m_stores.states->insert(row); !st) {
                         promise->finish(st.error());
                         return;
                     }
                     LoginRequest request;
                     request.profileId = profileId;
                     request.endpointId = endpoint.id;
                     request.endpointName = endpoint.name;
                     request.vendor = endpoint.vendor;
                     request.clientId = effective.clientId;
                     request.authorizeUrl = prepared->url;
                     request.redirectUri = redirectUri;
                     request.state = prepared->state;
                     request.expiresAt = row.expiresAt;
                     qCInfo(lcSmart) << "sign-in started for endpoint" << endpoint.id << "at"
                                     << redactUrl(config->authorizationEndpoint);
                     promise->finish(request);
                 });
    }

    // The OpenID Connect nonce of a sign-in: a keyed hash of its state, so it needs no column of its
    // own, cannot be guessed from the state, and is known again when the id_token comes back.
    QString nonceFor(const QString& state) const
    {
        return QString::fromLatin1(crypto::keyedTag(m_nonceKey.toByteArray(), state.toUtf8()));
    }

    // The id_token of a token response, when there is one: issuer from discovery, keys from its
    // jwks_uri (kept per endpoint in memory; fetched again once for an unknown kid), RS256, aud,
    // exp, nonce. done(success) when there is none.
    void checkIdToken(const Endpoint& endpoint, const smart::SmartConfiguration& cfg, const QString& clientId,
                      const QString& nonce, const SecretBytes& idToken, std::function<void(Status)> done)
    {
        if (idToken.isEmpty()) {
            done(success());
            return;
        }
        if (cfg.issuer.isEmpty() || !cfg.jwksUri.isValid()) {
            done(Error(
                ErrorCode::Protocol,
                Tr::tr("%1 sent a proof of identity (id_token) that Health Hub cannot check: the health system "
                       "does not publish its issuer and signing keys. Nothing was connected.")
                    .arg(endpoint.name),
                u"id_token without issuer/jwks_uri in the configuration"_s));
            return;
        }
        smart::IdTokenExpectations expected;
        expected.issuer = cfg.issuer;
        expected.clientId = clientId;
        expected.nonce = nonce;
        expected.nowUtc = now();
        const QByteArray token = idToken.toByteArray();
        auto verify = [endpoint, expected, token](const QJsonArray& keys) -> Status {
            auto claims = smart::verifyIdToken(token, keys, expected);
            if (!claims) {
                qCWarning(lcSmart) << "id_token refused:" << claims.error().detail();
                return Error(ErrorCode::Protocol,
                             Tr::tr("The answer of %1 did not prove who signed in (invalid id_token). Nothing was "
                                    "connected.")
                                 .arg(endpoint.name),
                             claims.error().detail());
            }
            return success();
        };
        const auto cached = m_jwks.constFind(endpoint.id);
        if (cached != m_jwks.cend() && cached->uri == cfg.jwksUri && smart::jwksHasKeyFor(cached->keys, token)) {
            done(verify(cached->keys));
            return;
        }
        whenDone(smart::fetchJwks(m_nam, cfg.jwksUri, m_options.httpTimeout),
                 [this, endpoint, uri = cfg.jwksUri, verify, done](Result<QJsonArray> keys) {
                     if (!keys) {
                         done(Error(
                             keys.error().code(),
                             Tr::tr("Health Hub could not get the signing keys of %1 to check the sign-in: %2")
                                 .arg(endpoint.name, keys.error().message()),
                             keys.error().detail()));
                         return;
                     }
                     m_jwks.insert(endpoint.id, CachedJwks{uri, keys.value()});
                     done(verify(keys.value()));
                 });
    }

    // Consumes the state of a redirect; an error for unknown, used and expired states.
    Result<OAuthState> consumeState(const QString& state)
    {
        if (state.isEmpty())
            return Error(ErrorCode::Protocol,
                         Tr::tr("The health system's answer had no sign-in reference. Nothing was connected."),
                         u"redirect without state"_s);
        auto consumed = m_stores.states->consume(state, now());
        if (!consumed)
            return consumed.error();
        switch (consumed->rejection) {
        case StateRejection::None:
            return consumed->row;
        case StateRejection::Unknown:
            return Error(ErrorCode::Protocol,
                         Tr::tr("This sign-in answer does not belong to a sign-in Health Hub started. Nothing was "
                                "connected."),
                         u"unknown state"_s);
        case StateRejection::Used:
            return Error(ErrorCode::Protocol,
                         Tr::tr("This sign-in answer was already used. Start the sign-in again."),
                         u"state reused"_s);
        case StateRejection::Expired:
            return Error(ErrorCode::Protocol,
                         Tr::tr("The sign-in took longer than 10 minutes and has expired. Start it again."),
                         u"state expired"_s);
        }
        return Error(ErrorCode::Protocol, Tr::tr("The sign-in answer was refused."), u"state refused"_s);
    }

    void abandonLogin(const QString& state, const Promise<void>& promise)
    {
        auto consumed = m_stores.states->consume(state, now());
        if (!consumed) {
            promise->finish(consumed.error());
            return;
        }
        qCInfo(lcSmart) << "sign-in abandoned";
        promise->finish(success());
    }

    void completeLogin(const LoginRequest& request, const smart::RedirectResult& redirect,
                       const Promise<EmrConnection>& promise)
    {
        if (!redirect.isRedirect()) {
            promise->finish(Error(ErrorCode::Protocol, Tr::tr("That page is not the end of the sign-in."),
                                  u"not a redirect"_s));
            return;
        }
        // Every redirect consumes its state, error redirects too.
        auto row = consumeState(redirect.state);
        if (!row) {
            qCWarning(lcSmart) << "sign-in redirect refused:" << row.error().detail();
            promise->finish(row.error());
            return;
        }
        if (row->profileId != request.profileId || row->endpointId != request.endpointId
            || QUrl(row->redirectUri) != request.redirectUri) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("This sign-in answer belongs to another sign-in. Nothing was connected."),
                                  u"state of another request"_s));
            return;
        }
        if (redirect.kind == smart::RedirectResult::Kind::Error) {
            qCInfo(lcSmart) << "sign-in ended by the server with error" << redirect.error;
            // The server's reason, as plain text (e.g. an unknown user name), when it gives one; shown, not logged.
            const QString why = smart::cleanDescription(redirect.errorDescription);
            if (redirect.error == u"access_denied") {
                promise->finish(Error(
                    ErrorCode::Unauthorized,
                    why.isEmpty()
                        ? Tr::tr("Access was not granted at %1, so nothing was connected.").arg(request.endpointName)
                        : Tr::tr("Access was not granted at %1, so nothing was connected. The health system said: "
                                 "“%2”")
                              .arg(request.endpointName, why),
                    u"oauth error access_denied"_s));
            } else {
                promise->finish(Error(
                    ErrorCode::Server,
                    why.isEmpty() ? Tr::tr("%1 ended the sign-in (%2).").arg(request.endpointName, redirect.error)
                                  : Tr::tr("%1 ended the sign-in: %2").arg(request.endpointName, why),
                    u"oauth error %1"_s.arg(redirect.error.left(64))));
            }
            return;
        }
        if (redirect.kind != smart::RedirectResult::Kind::Code || redirect.code.isEmpty()) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("The health system's answer was incomplete. Nothing was connected."),
                                  u"redirect without code"_s));
            return;
        }
        auto verifier = crypto::open(m_key, row->codeVerifierEncrypted);
        if (!verifier) {
            promise->finish(Error(ErrorCode::Protocol, Tr::tr("The sign-in could not be completed."),
                                  u"verifier does not open"_s));
            return;
        }
        auto ep = m_stores.endpoints->get(request.endpointId);
        if (!ep) {
            promise->finish(ep.error());
            return;
        }
        const Endpoint endpoint = ep.value();
        const SecretBytes code = redirect.code;
        const SecretBytes codeVerifier = verifier.value();
        const QString nonce = nonceFor(redirect.state);
        const std::optional<QString> responseIssuer = redirect.issuer;
        whenDone(configuration(endpoint, request.clientId, false),
                 [this, promise, request, endpoint, code, codeVerifier, nonce,
                  responseIssuer](Result<smart::SmartConfiguration> config) {
                     if (!config) {
                         promise->finish(config.error());
                         return;
                     }
                     // RFC 9207: a code issued by another server (a mix-up: a hostile health system sent the
                     // login window on to another one's sign-in) must not go to this one's token endpoint.
                     const QString expectedIssuer = config->issuer;
                     const bool wrongIssuer = responseIssuer
                         ? (!expectedIssuer.isEmpty() && *responseIssuer != expectedIssuer)
                         : config->issParameterSupported;
                     if (wrongIssuer) {
                         qCWarning(lcSmart) << "sign-in redirect refused: issuer"
                                            << (responseIssuer ? "does not match" : "missing");
                         promise->finish(Error(ErrorCode::Protocol,
                                               Tr::tr("The sign-in answer did not come from %1. Nothing was "
                                                      "connected.")
                                                   .arg(request.endpointName),
                                               u"authorization response iss mismatch"_s));
                         return;
                     }
                     smart::TokenClient::CodeExchange exchange;
                     exchange.code = code;
                     exchange.redirectUri = request.redirectUri;
                     exchange.codeVerifier = codeVerifier;
                     exchange.clientId = request.clientId;
                     const smart::SmartConfiguration cfg = config.value();
                     whenDone(tokenClient().exchangeCode(cfg.tokenEndpoint, exchange),
                              [this, promise, request, endpoint, cfg, nonce](Result<smart::TokenResponse> token) {
                                  if (!token) {
                                      promise->finish(token.error());
                                      return;
                                  }
                                  const smart::TokenResponse response = token.value();
                                  checkIdToken(endpoint, cfg, request.clientId, nonce, response.idToken,
                                               [this, promise, request, endpoint, cfg, response](Status valid) {
                                                   if (!valid) {
                                                       promise->finish(valid.error());
                                                       return;
                                                   }
                                                   afterExchange(request, endpoint, cfg, response, promise);
                                               });
                              });
                 });
    }

    void afterExchange(const LoginRequest& request, const Endpoint& endpoint, const smart::SmartConfiguration& cfg,
                       const smart::TokenResponse& token, const Promise<EmrConnection>& promise)
    {
        if (token.patient.isEmpty()) {
            promise->finish(
                Error(ErrorCode::Protocol,
                      Tr::tr("%1 did not say whose records Health Hub may read. Nothing was connected.")
                          .arg(endpoint.name),
                      u"token response without patient"_s));
            return;
        }
        EmrConnection c;
        c.profileId = request.profileId;
        c.endpointId = endpoint.id;
        c.provider = endpoint.vendor;
        c.patientEmrId = token.patient;
        c.clientId = request.clientId; // refresh must use the client the tokens were issued to
        c.accessTokenEncrypted = crypto::seal(m_key, token.accessToken);
        if (token.hasRefreshToken())
            c.refreshTokenEncrypted = crypto::seal(m_key, token.refreshToken);
        c.expiresAt = now().addSecs(token.expiresIn);
        c.scope = token.scope;

        // Epic gives public clients no refresh token: register this device (DCR) with the initial
        // token and use the JWT bearer grant from now on (FHIR-SMART-NOTES §3).
        const bool registerDevice = isEpic(endpoint.vendor) && !token.hasRefreshToken();
        if (!registerDevice || cfg.registrationEndpoint.isEmpty()) {
            QString note;
            if (registerDevice)
                note = Tr::tr("%1 offers no lasting access to this app: sign in again when this access ends.")
                           .arg(endpoint.name);
            else if (!token.hasRefreshToken())
                note =
                    Tr::tr("%1 gave no lasting access: sign in again when this access ends.").arg(endpoint.name);
            saveConnection(c, note, promise);
            return;
        }
        auto key = smart::DeviceKey::generate();
        if (!key) {
            saveConnection(c, Tr::tr("Lasting access could not be set up: %1").arg(key.error().message()),
                           promise);
            return;
        }
        const smart::DeviceKey deviceKey = key.value();
        whenDone(tokenClient().registerClient(cfg.registrationEndpoint, token.accessToken, request.clientId, deviceKey),
                 [this, promise, c, cfg, deviceKey, endpoint](Result<smart::TokenClient::RegisteredClient> reg) mutable {
                     if (!reg) {
                         qCWarning(lcSmart) << "device registration failed:" << reg.error().detail();
                         saveConnection(c,
                                        Tr::tr("Lasting access could not be set up at %1: sign in again when this "
                                               "access ends.")
                                            .arg(endpoint.name),
                                        promise);
                         return;
                     }
                     auto pem = deviceKey.privateKeyPem();
                     if (!pem) {
                         saveConnection(c, Tr::tr("Lasting access could not be set up."), promise);
                         return;
                     }
                     c.dynamicClientId = reg->clientId;
                     c.keyId = reg->keyId;
                     c.privateKeyEncrypted = crypto::seal(m_key, pem.value());
                     qCInfo(lcSmart) << "device registered for endpoint" << endpoint.id;
                     // Prove the grant works now, and start from a token of the registered client.
                     whenDone(tokenClient().jwtBearerGrant(cfg.tokenEndpoint, reg->clientId, deviceKey),
                              [this, promise, c, endpoint](Result<smart::TokenResponse> granted) mutable {
                                  if (!granted) {
                                      qCWarning(lcSmart) << "first JWT bearer grant failed:"
                                                         << granted.error().detail();
                                      c.dynamicClientId.clear();
                                      c.keyId.clear();
                                      c.privateKeyEncrypted.clear();
                                      saveConnection(
                                          c,
                                          Tr::tr("Lasting access could not be set up at %1: sign in again "
                                                 "when this access ends.")
                                              .arg(endpoint.name),
                                          promise);
                                      return;
                                  }
                                  c.accessTokenEncrypted = crypto::seal(m_key, granted->accessToken);
                                  c.expiresAt = now().addSecs(granted->expiresIn);
                                  if (granted->hasRefreshToken())
                                      c.refreshTokenEncrypted = crypto::seal(m_key, granted->refreshToken);
                                  if (!granted->scope.isEmpty())
                                      c.scope = granted->scope;
                                  if (!granted->patient.isEmpty())
                                      c.patientEmrId = granted->patient;
                                  saveConnection(c, QString(), promise);
                              });
                 });
    }

    void saveConnection(const EmrConnection& c, const QString& note, const Promise<EmrConnection>& promise)
    {
        auto saved = m_stores.connections->saveSignIn(c);
        if (!saved) {
            promise->finish(saved.error());
            return;
        }
        if (!note.isEmpty()) {
            (void)m_stores.connections->setStatus(saved->id, ConnectionStatus::Connected, note, false);
            saved->lastError = note;
        }
        qCInfo(lcSmart) << "connection stored:" << saved->id << "endpoint" << saved->endpointId;
        notify(saved->id, ConnectionStatus::Connected);
        promise->finish(saved);
    }

    // --- disconnect --------------------------------------------------------------------------------

    struct PendingRevocation {
        SecretBytes token;
        smart::TokenClient::TokenTypeHint hint = smart::TokenClient::TokenTypeHint::AccessToken;
        QString clientId;
    };

    void disconnect(const QString& connectionId, bool deleteData, const Promise<DisconnectResult>& promise)
    {
        auto conn = m_stores.connections->get(connectionId);
        if (!conn) {
            promise->finish(conn.error());
            return;
        }
        auto ep = m_stores.endpoints->get(conn->endpointId);
        auto settings = ep ? settingsFor(*ep) : Result<EndpointSettings>(ep.error());
        QList<PendingRevocation> tokens;
        const QString clientId = !conn->clientId.isEmpty() ? conn->clientId
                                 : settings              ? settings->clientId
                                                         : QString();
        if (conn->hasRefreshToken()) {
            if (auto t = crypto::open(m_key, conn->refreshTokenEncrypted))
                tokens.append({t.value(), smart::TokenClient::TokenTypeHint::RefreshToken, clientId});
        }
        if (!conn->accessTokenEncrypted.isEmpty()) {
            if (auto t = crypto::open(m_key, conn->accessTokenEncrypted))
                tokens.append({t.value(), smart::TokenClient::TokenTypeHint::AccessToken,
                               conn->dynamicClientId.isEmpty() ? clientId : conn->dynamicClientId});
        }
        auto finishLocal = [this, promise, connectionId, deleteData](DisconnectResult result) {
            if (Status st = m_stores.connections->disconnect(connectionId, deleteData); !st) {
                promise->finish(st.error());
                return;
            }
            qCInfo(lcSmart) << "connection" << connectionId << "disconnected; revoked:" << result.revoked
                            << "data deleted:" << deleteData;
            notify(connectionId, ConnectionStatus::Disconnected);
            promise->finish(result);
        };
        if (!ep || tokens.isEmpty()) {
            finishLocal(DisconnectResult{});
            return;
        }
        whenDone(configuration(ep.value(), clientId, false),
                 [this, tokens, finishLocal](Result<smart::SmartConfiguration> config) {
                     DisconnectResult result;
                     if (!config) {
                         result.revocationError = Tr::tr("The health system could not be reached to revoke the "
                                                         "access; it ends on its own.");
                         finishLocal(result);
                         return;
                     }
                     if (config->revocationEndpoint.isEmpty()) {
                         finishLocal(result);
                         return;
                     }
                     result.revocationSupported = true;
                     auto job = std::make_shared<RevokeJob>();
                     job->endpoint = config->revocationEndpoint;
                     job->remaining = tokens;
                     job->result = result;
                     job->finish = finishLocal;
                     revokeNext(job);
                 });
    }

    struct RevokeJob {
        QUrl endpoint;
        QList<PendingRevocation> remaining;
        DisconnectResult result;
        bool allOk = true;
        std::function<void(DisconnectResult)> finish;
    };

    // Revokes one token after the other (refresh token first), then finishes.
    void revokeNext(const std::shared_ptr<RevokeJob>& job)
    {
        if (job->remaining.isEmpty()) {
            job->result.revoked = job->allOk;
            job->finish(job->result);
            return;
        }
        const PendingRevocation next = job->remaining.takeFirst();
        whenDone(tokenClient().revoke(job->endpoint, next.token, next.hint, next.clientId), [this, job](Status st) {
            if (!st) {
                job->allOk = false;
                job->result.revocationError = st.error().message();
                qCWarning(lcSmart) << "revocation failed:" << st.error().detail();
            }
            revokeNext(job);
        });
    }

    // --- tokens ------------------------------------------------------------------------------------

    Result<sync::AccessToken> storedToken(const EmrConnection& c)
    {
        auto token = crypto::open(m_key, c.accessTokenEncrypted);
        if (!token)
            return Error(ErrorCode::Unauthorized, Tr::tr("The stored sign-in of this connection cannot be read."),
                         u"access token does not open"_s);
        sync::AccessToken out;
        out.token = token.value();
        out.expiresAt = c.expiresAt;
        out.patientId = c.patientEmrId;
        out.grantedScope = c.scope;
        return out;
    }

    static Error needsSignIn()
    {
        return Error(ErrorCode::Unauthorized, Tr::tr("This connection needs you to sign in again."),
                     u"connection needs re-authorization"_s);
    }

    Status usable(const EmrConnection& c)
    {
        if (c.status == ConnectionStatus::Disconnected)
            return Error(ErrorCode::Unauthorized, Tr::tr("This connection was disconnected."), u"disconnected"_s);
        if (c.status == ConnectionStatus::NeedsReauth)
            return needsSignIn();
        return success();
    }

    bool fresh(const EmrConnection& c) const
    {
        return !c.accessTokenEncrypted.isEmpty() && c.expiresAt.isValid()
            && !smart::TokenRefresher::needsRefresh(c.expiresAt, now());
    }

    void renew(const QString& connectionId, bool force, const Promise<sync::AccessToken>& promise)
    {
        auto conn = m_stores.connections->get(connectionId);
        if (!conn) {
            promise->finish(conn.error());
            return;
        }
        if (Status st = usable(*conn); !st) {
            promise->finish(st.error());
            return;
        }
        if (!force && fresh(*conn)) {
            promise->finish(storedToken(*conn));
            return;
        }
        const QByteArray seen = conn->accessTokenEncrypted;
        auto renewal = m_refresher.refresh(connectionId, [this, connectionId, seen] {
            return startRenewal(connectionId, seen);
        });
        whenDone(renewal, [this, connectionId, promise](Result<smart::TokenResponse> r) {
            if (!r) {
                promise->finish(r.error());
                return;
            }
            auto stored = m_stores.connections->get(connectionId);
            sync::AccessToken out;
            out.token = r->accessToken;
            out.expiresAt = r->expiresAt;
            out.patientId = stored ? stored->patientEmrId : r->patient;
            out.grantedScope = stored ? stored->scope : r->scope;
            promise->finish(out);
        });
    }

    // The single-flight body: runs once per renewal of a connection, on this thread.
    QFuture<Result<smart::TokenResponse>> startRenewal(const QString& connectionId, const QByteArray& seen)
    {
        auto promise = smart::makePromise<smart::TokenResponse>();
        auto conn = m_stores.connections->get(connectionId);
        if (!conn) {
            promise->finish(conn.error());
            return promise->future();
        }
        if (Status st = usable(*conn); !st) {
            promise->finish(st.error());
            return promise->future();
        }
        // Someone renewed since the caller looked: hand out that token instead of renewing again.
        if (conn->accessTokenEncrypted != seen && fresh(*conn)) {
            auto stored = storedToken(*conn);
            if (stored) {
                smart::TokenResponse r;
                r.accessToken = stored->token;
                r.tokenType = u"Bearer"_s;
                r.expiresAt = stored->expiresAt;
                r.scope = stored->grantedScope;
                r.patient = stored->patientId;
                promise->finish(r);
                return promise->future();
            }
        }
        const EmrConnection c = conn.value();
        if (!c.hasRefreshToken() && !c.hasDeviceRegistration()) {
            markNeedsReauth(c.id,
                            Tr::tr("This health system gives no lasting access: sign in again to keep syncing."));
            promise->finish(needsSignIn());
            return promise->future();
        }
        auto ep = m_stores.endpoints->get(c.endpointId);
        if (!ep) {
            promise->finish(ep.error());
            return promise->future();
        }
        // The client the tokens were issued to; rows from before schema v2 have none stored and
        // fall back to the endpoint/vendor setting.
        QString clientId = c.clientId;
        if (clientId.isEmpty()) {
            auto settings = settingsFor(*ep);
            if (!settings) {
                promise->finish(settings.error());
                return promise->future();
            }
            clientId = settings->clientId;
        }
        whenDone(configuration(ep.value(), clientId, false),
                 [this, promise, c, clientId](Result<smart::SmartConfiguration> config) {
                     if (!config) {
                         recordFailure(c, config.error());
                         promise->finish(config.error());
                         return;
                     }
                     QFuture<Result<smart::TokenResponse>> call;
                     const bool viaRefresh = c.hasRefreshToken();
                     if (viaRefresh) {
                         auto refreshToken = crypto::open(m_key, c.refreshTokenEncrypted);
                         if (!refreshToken) {
                             markNeedsReauth(c.id, Tr::tr("The stored sign-in cannot be read: sign in again."));
                             promise->finish(needsSignIn());
                             return;
                         }
                         call = tokenClient().refresh(config->tokenEndpoint, refreshToken.value(), clientId);
                     } else {
                         auto pem = crypto::open(m_key, c.privateKeyEncrypted);
                         auto key = pem ? smart::DeviceKey::fromPrivateKeyPem(pem.value())
                                        : Result<smart::DeviceKey>(pem.error());
                         if (!key) {
                             markNeedsReauth(c.id,
                                             Tr::tr("The device key of this connection cannot be read: sign in "
                                                    "again."));
                             promise->finish(needsSignIn());
                             return;
                         }
                         call = tokenClient().jwtBearerGrant(config->tokenEndpoint, c.dynamicClientId, key.value());
                     }
                     whenDone(call, [this, promise, c, viaRefresh](Result<smart::TokenResponse> r) {
                         if (!r) {
                             if (r.error().code() == ErrorCode::Unauthorized) {
                                 markNeedsReauth(c.id, Tr::tr("The health system no longer accepts this sign-in: "
                                                              "sign in again."));
                                 promise->finish(needsSignIn());
                             } else {
                                 recordFailure(c, r.error());
                                 promise->finish(r.error());
                             }
                             return;
                         }
                         smart::TokenResponse response = r.value();
                         response.expiresAt = now().addSecs(response.expiresIn);
                         // Rotation: the new refresh token is stored (atomically, with the access
                         // token) before anyone gets the new access token.
                         TokenUpdate update;
                         update.accessTokenEncrypted = crypto::seal(m_key, response.accessToken);
                         if (response.hasRefreshToken())
                             update.refreshTokenEncrypted = crypto::seal(m_key, response.refreshToken);
                         update.expiresAt = response.expiresAt;
                         update.scope = response.scope;
                         update.patientEmrId = response.patient;
                         if (Status st = m_stores.connections->updateTokens(c.id, update); !st) {
                             qCWarning(lcSmart) << "renewed tokens not stored:" << st.error().detail();
                             promise->finish(st.error());
                             return;
                         }
                         qCInfo(lcSmart) << "access renewed for connection" << c.id
                                         << (viaRefresh ? "(refresh token)" : "(JWT bearer grant)");
                         notify(c.id, ConnectionStatus::Connected);
                         promise->finish(response);
                     });
                 });
        return promise->future();
    }

    void markNeedsReauth(const QString& connectionId, const QString& why)
    {
        qCWarning(lcSmart) << "connection" << connectionId << "needs sign-in again";
        if (Status st = m_stores.connections->setStatus(connectionId, ConnectionStatus::NeedsReauth, why, true); !st)
            qCWarning(lcSmart) << "status not stored:" << st.error().detail();
        notify(connectionId, ConnectionStatus::NeedsReauth);
    }

    // A renewal failed for a reason that may pass (network, server): keep the status, say why.
    void recordFailure(const EmrConnection& c, const Error& error)
    {
        qCWarning(lcSmart) << "renewal failed for connection" << c.id << ":" << error.detail();
        const ConnectionStatus status = error.code() == ErrorCode::Protocol ? ConnectionStatus::Error : c.status;
        (void)m_stores.connections->setStatus(c.id, status, error.message(), false);
        if (status != c.status)
            notify(c.id, status);
    }

    ConnectService* m_owner;
    ConnectStores m_stores;
    SecretBytes m_key;
    QString m_userId;
    Options m_options;
    QNetworkAccessManager* m_nam = nullptr;
    smart::TokenRefresher m_refresher;
    QHash<QString, CachedConfig> m_configs;
    QHash<QString, CachedJwks> m_jwks; // endpoint id → its id_token signing keys
    SecretBytes m_nonceKey;
};

// ------------------------------------------------------------------------------------------------

ConnectService::ConnectService(ConnectStores stores, SecretBytes secretsKey, QString userId, QObject* parent)
    : ConnectService(std::move(stores), std::move(secretsKey), std::move(userId), Options{}, parent)
{
}

ConnectService::ConnectService(ConnectStores stores, SecretBytes secretsKey, QString userId, Options options,
                               QObject* parent)
    : QObject(parent), m_stores(stores), m_userId(userId)
{
    qRegisterMetaType<hh::connect::ConnectionStatus>();
    Q_ASSERT(m_stores.isValid());
    Q_ASSERT(secretsKey.size() == crypto::kKeySize);
    // The in-process demo health systems seal their tokens with a key of this vault, so a demo
    // connection made by one process of the vault works in the next one (DemoEndpoints::tokenKey).
    m_demoTokenKey = DemoEndpoints::deriveTokenKey(secretsKey);
    DemoEndpoints::setTokenKey(m_demoTokenKey);
    m_thread = new QThread;
    m_thread->setObjectName(u"hh-connect"_s);
    m_engine = new Engine(this, std::move(stores), std::move(secretsKey), std::move(userId), std::move(options));
    m_engine->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->startInThread(); }, Qt::QueuedConnection);
    m_ready = post<void>([](Engine& e, const Promise<void>& p) { p->finish(e.ensureBuiltins()); });
}

ConnectService::~ConnectService()
{
    Engine* engine = m_engine;
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->stopInThread();
            delete engine; // drops queued work: its futures finish as Cancelled
        },
        Qt::BlockingQueuedConnection);
    m_engine = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    if (DemoEndpoints::tokenKey().equals(m_demoTokenKey))
        DemoEndpoints::setTokenKey({});
}

template<typename T, typename F>
QFuture<Result<T>> ConnectService::post(F&& work)
{
    auto promise = smart::makePromise<T>();
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, promise, work = std::forward<F>(work)]() mutable { work(*engine, promise); },
        Qt::QueuedConnection);
    return promise->future();
}

QFuture<Result<QList<Endpoint>>> ConnectService::listEndpoints()
{
    return post<QList<Endpoint>>(
        [](Engine& e, const Promise<QList<Endpoint>>& p) { p->finish(e.m_stores.endpoints->list()); });
}

QFuture<Result<EndpointPage>> ConnectService::searchEndpoints(const QString& text, int offset, int limit)
{
    return post<EndpointPage>([text, offset, limit](Engine& e, const Promise<EndpointPage>& p) {
        p->finish(e.m_stores.endpoints->search(text, offset, limit));
    });
}

QFuture<Result<Endpoint>> ConnectService::endpoint(const QString& endpointId)
{
    return post<Endpoint>(
        [endpointId](Engine& e, const Promise<Endpoint>& p) { p->finish(e.m_stores.endpoints->get(endpointId)); });
}

QFuture<Result<ImportSummary>> ConnectService::importDirectory(const QString& fileOrUrl)
{
    return post<ImportSummary>(
        [fileOrUrl](Engine& e, const Promise<ImportSummary>& p) { e.importDirectory(fileOrUrl, p); });
}

QFuture<Result<Endpoint>> ConnectService::addEndpoint(const QString& name, const QUrl& fhirBase,
                                                      const QString& clientId)
{
    return post<Endpoint>(
        [name, fhirBase, clientId](Engine& e, const Promise<Endpoint>& p) { e.addEndpoint(name, fhirBase, clientId, p); });
}

QFuture<Result<Endpoint>> ConnectService::setEndpointOverrides(const QString& endpointId, const QString& clientId,
                                                               const QString& redirectUri, const QString& scopes)
{
    return post<Endpoint>([=](Engine& e, const Promise<Endpoint>& p) {
        if (!redirectUri.trimmed().isEmpty() && !smart::isAllowedUrl(QUrl(redirectUri.trimmed()))) {
            p->finish(Error(ErrorCode::InvalidInput,
                            Tr::tr("The redirect URI must be https, or http to 127.0.0.1 on this computer."),
                            u"redirect URI not allowed"_s));
            return;
        }
        p->finish(e.m_stores.endpoints->updateOverrides(endpointId, clientId, redirectUri, scopes));
    });
}

QFuture<Result<VendorSettings>> ConnectService::vendorSettings(const QString& vendor)
{
    return post<VendorSettings>(
        [vendor](Engine& e, const Promise<VendorSettings>& p) { p->finish(e.m_stores.endpoints->vendorSettings(vendor)); });
}

QFuture<Status> ConnectService::setVendorSettings(const QString& vendor, const VendorSettings& settings)
{
    return post<void>([vendor, settings](Engine& e, const Promise<void>& p) {
        if (!smart::vendorFromKey(vendor)) {
            p->finish(Error(ErrorCode::InvalidInput, Tr::tr("Unknown vendor."), u"bad vendor key"_s));
            return;
        }
        if (!settings.redirectUri.trimmed().isEmpty() && !smart::isAllowedUrl(QUrl(settings.redirectUri.trimmed()))) {
            p->finish(Error(ErrorCode::InvalidInput,
                            Tr::tr("The redirect URI must be https, or http to 127.0.0.1 on this computer."),
                            u"redirect URI not allowed"_s));
            return;
        }
        p->finish(e.m_stores.endpoints->setVendorSettings(vendor, settings));
    });
}

QFuture<Result<EndpointSettings>> ConnectService::effectiveSettings(const QString& endpointId)
{
    return post<EndpointSettings>([endpointId](Engine& e, const Promise<EndpointSettings>& p) {
        auto ep = e.m_stores.endpoints->get(endpointId);
        if (!ep) {
            p->finish(ep.error());
            return;
        }
        p->finish(e.settingsFor(*ep));
    });
}

QFuture<Result<LoginRequest>> ConnectService::beginLogin(const QString& profileId, const QString& endpointId,
                                                         const LoginOptions& options)
{
    return post<LoginRequest>([profileId, endpointId, options](Engine& e, const Promise<LoginRequest>& p) {
        e.beginLogin(profileId, endpointId, options, p);
    });
}

QFuture<Result<EmrConnection>> ConnectService::completeLogin(const LoginRequest& request,
                                                             const smart::RedirectResult& redirect)
{
    return post<EmrConnection>([request, redirect](Engine& e, const Promise<EmrConnection>& p) {
        e.completeLogin(request, redirect, p);
    });
}

QFuture<Status> ConnectService::abandonLogin(const QString& state)
{
    return post<void>([state](Engine& e, const Promise<void>& p) { e.abandonLogin(state, p); });
}

QFuture<Result<QList<EmrConnection>>> ConnectService::connections(const QString& profileId)
{
    return post<QList<EmrConnection>>([profileId](Engine& e, const Promise<QList<EmrConnection>>& p) {
        p->finish(e.m_stores.connections->list(profileId));
    });
}

QFuture<Result<EmrConnection>> ConnectService::connection(const QString& profileId, const QString& endpointId)
{
    return post<EmrConnection>([profileId, endpointId](Engine& e, const Promise<EmrConnection>& p) {
        p->finish(e.m_stores.connections->find(profileId, endpointId));
    });
}

QFuture<Result<DisconnectResult>> ConnectService::disconnect(const QString& connectionId, bool deleteData)
{
    return post<DisconnectResult>([connectionId, deleteData](Engine& e, const Promise<DisconnectResult>& p) {
        e.disconnect(connectionId, deleteData, p);
    });
}

QFuture<Result<sync::AccessToken>> ConnectService::renewAccessToken(const QString& connectionId, bool forceRefresh)
{
    return post<sync::AccessToken>([connectionId, forceRefresh](Engine& e, const Promise<sync::AccessToken>& p) {
        e.renew(connectionId, forceRefresh, p);
    });
}

Result<sync::AccessToken> ConnectService::accessToken(const QString& connectionId, bool forceRefresh)
{
    if (QThread::currentThread() == m_thread)
        return Error(ErrorCode::Unknown, Tr::tr("The sign-in could not be renewed."),
                     u"accessToken() called on the connect worker thread"_s);
    QFuture<Result<sync::AccessToken>> future = renewAccessToken(connectionId, forceRefresh);
    future.waitForFinished();
    if (future.resultCount() == 0)
        return Error(ErrorCode::Cancelled, Tr::tr("The sign-in renewal was cancelled."), u"no result"_s);
    return future.result();
}

} // namespace hh::connect
