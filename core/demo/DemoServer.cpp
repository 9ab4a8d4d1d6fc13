#include "core/demo/DemoServer.h"

#include "core/Log.h"
#include "core/demo/DemoDiscovery.h"
#include "core/demo/DemoHttpServer.h"
#include "core/demo/EndpointConfig.h"
#include "core/demo/FaultPlan.h"
#include "core/demo/FhirService.h"
#include "core/demo/Jwt.h"
#include "core/demo/OAuthService.h"
#include "core/demo/ReplayLibrary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>

#include <thread>

using namespace Qt::StringLiterals;

namespace hh::demo {

class DemoServer::Private
{
public:
    DemoServerOptions options;
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    std::unique_ptr<SyntheticFamily> family = std::make_unique<SyntheticFamily>(1);
    bool recordIssued = false;
    // Joined by stop(): a process must not exit in the middle of it. A thread of its own, not the
    // global pool's: pthread_join returns only after the thread's TLS destructors (OpenSSL's per-thread
    // random state) ran, so an exit right after stop() leaves nothing of it behind (LSan, ASan run).
    std::thread keyWarmUp;
    FaultPlan faults;
    std::unique_ptr<OAuthService> oauth;
    std::unique_ptr<FhirService> fhir;
    QList<ReplayLibrary::Recording> recordings;
    QList<EndpointConfig> endpoints;
    QPointer<DemoHttpServer> http;
    quint16 port = 0;

    QDateTime now() const { return clock(); }
    DemoResponse handle(const DemoRequest& request);
    DemoResponse control(const DemoRequest& request);
    DemoResponse faultResponse(FaultPlan::Kind kind, int retryAfter, const EndpointConfig& ep,
                               bool fhirRequest) const;
    static void mangle(DemoResponse& r, FaultPlan::Kind kind);
};

namespace {

DemoResponse unauthorized(const EndpointConfig& ep, const QString& error, const QString& description)
{
    DemoResponse r = DemoResponse::empty(401);
    QByteArray header = "Bearer realm=\"" + ep.id.toLatin1() + '"';
    if (!error.isEmpty())
        header += ", error=\"" + error.toLatin1() + "\", error_description=\"" + description.toLatin1() + '"';
    r.setHeader("WWW-Authenticate", header);
    return r;
}

} // namespace

DemoResponse DemoServer::Private::faultResponse(FaultPlan::Kind kind, int retryAfter, const EndpointConfig& ep,
                                                bool fhirRequest) const
{
    DemoResponse r;
    switch (kind) {
    case FaultPlan::Kind::Forbidden:
        r = fhirRequest ? FhirService::outcome(ep.vendor, 403, u"forbidden"_s, u"Access to this data is not granted."_s)
                        : DemoResponse::oauthError(403, u"access_denied"_s, u"Access is not granted."_s);
        break;
    case FaultPlan::Kind::TooManyRequests:
        r = fhirRequest ? FhirService::outcome(ep.vendor, 429, u"throttled"_s, u"Too many requests."_s)
                        : DemoResponse::oauthError(429, u"temporarily_unavailable"_s, u"Too many requests."_s);
        break;
    case FaultPlan::Kind::Unavailable:
        r = fhirRequest ? FhirService::outcome(ep.vendor, 503, u"transient"_s, u"Service unavailable."_s)
                        : DemoResponse::oauthError(503, u"temporarily_unavailable"_s, u"Service unavailable."_s);
        break;
    default:
        r = fhirRequest ? FhirService::outcome(ep.vendor, 500, u"exception"_s, u"Internal server error."_s)
                        : DemoResponse::oauthError(500, u"server_error"_s, u"Internal server error."_s);
        break;
    }
    if (retryAfter >= 0)
        r.setHeader("Retry-After", QByteArray::number(retryAfter));
    return r;
}

void DemoServer::Private::mangle(DemoResponse& r, FaultPlan::Kind kind)
{
    switch (kind) {
    case FaultPlan::Kind::Truncate:
        r.body = r.body.left(r.body.size() / 2);
        break;
    case FaultPlan::Kind::Malformed:
        // A stray comma after the opening brace: not JSON any more, same length class.
        if (r.body.startsWith('{'))
            r.body.insert(1, ',');
        else
            r.body.prepend("{,\"resourceType\":");
        if (r.header("Content-Type").isEmpty())
            r.setHeader("Content-Type", "application/json");
        break;
    case FaultPlan::Kind::Drop:
        if (r.body.size() < 2)
            r.body = QByteArray(64, ' ');
        r.delivery = DemoResponse::Delivery::DropMidBody;
        break;
    default:
        break;
    }
}

DemoResponse DemoServer::Private::control(const DemoRequest& request)
{
    if (!request.remote.isLoopback())
        return DemoResponse::empty(403);
    const QString path = request.path();
    if (path == u"/_control/faults" || path == u"/_control/fault") {
        if (request.method == "GET")
            return DemoResponse::json(200, QJsonObject{{u"faults"_s, QJsonArray::fromStringList(faults.specs())}});
        if (request.method == "DELETE") {
            faults.clear();
            return DemoResponse::empty(204);
        }
        if (request.method == "POST") {
            QStringList specs;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body);
            if (doc.isObject()) {
                if (doc.object().contains(u"spec"_s))
                    specs.append(doc.object().value(u"spec"_s).toString());
                for (const QJsonValue& v : doc.object().value(u"faults"_s).toArray())
                    specs.append(v.toString());
            } else if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
                specs = request.form().allQueryItemValues(u"spec"_s, QUrl::FullyDecoded);
            } else {
                specs.append(QString::fromUtf8(request.body).trimmed());
            }
            for (const QString& spec : specs) {
                const auto rule = FaultPlan::parse(spec);
                if (!rule)
                    return DemoResponse::json(400, QJsonObject{{u"error"_s, rule.error().message()}});
            }
            for (const QString& spec : specs)
                (void)faults.add(spec);
            return DemoResponse::json(201, QJsonObject{{u"faults"_s, QJsonArray::fromStringList(faults.specs())}});
        }
        return DemoResponse::empty(405);
    }
    if (path == u"/_control/expire-tokens" && request.method == "POST") {
        oauth->expireAllAccessTokens();
        return DemoResponse::empty(204);
    }
    return DemoResponse::empty(404);
}

DemoResponse DemoServer::Private::handle(const DemoRequest& request)
{
    const QString path = request.path();
    if (path.startsWith(u"/_control/"_s))
        return control(request);

    const EndpointConfig* ep = nullptr;
    for (const EndpointConfig& e : std::as_const(endpoints))
        if (path == e.root || path.startsWith(e.root + u'/'))
            ep = &e;
    if (!ep) {
        if (path == u"/" && request.method == "GET") {
            QString html = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Health Hub demo health "
                           u"systems</title></head><body><h1>Health Hub demo health systems</h1><ul>"_s;
            for (const EndpointConfig& e : std::as_const(endpoints))
                html += u"<li>%1: %2</li>"_s.arg(e.name.toHtmlEscaped(), e.fhirBase().toHtmlEscaped());
            html += u"</ul></body></html>"_s;
            return DemoResponse::bytes(200, html.toUtf8(), "text/html; charset=utf-8");
        }
        return DemoResponse::bytes(404, "Not found\n", "text/plain");
    }

    // Classify the request: OAuth, discovery or FHIR.
    enum class Area { OAuth, Discovery, Fhir, Other } area = Area::Other;
    QString rest;
    QString selector;
    if (path.startsWith(ep->oauthPath + u'/')) {
        area = Area::OAuth;
        rest = path.mid(ep->oauthPath.size() + 1);
        selector = rest;
    } else if (path == ep->fhirPath || path.startsWith(ep->fhirPath + u'/')) {
        rest = path.mid(ep->fhirPath.size());
        while (rest.startsWith(u'/'))
            rest.remove(0, 1);
        if (rest == u".well-known/smart-configuration") {
            area = Area::Discovery;
            selector = u"smart-configuration"_s;
        } else if (rest == u"metadata") {
            area = Area::Discovery;
            selector = u"metadata"_s;
        } else {
            area = Area::Fhir;
            selector = rest.section(u'/', 0, 0);
        }
    }
    if (area == Area::Other)
        return DemoResponse::bytes(404, "Not found\n", "text/plain");

    const bool fhirRequest = area == Area::Fhir;
    const FaultPlan::Decision decision = faults.onRequest(ep->id, selector, fhirRequest);
    std::optional<FaultPlan::Kind> post;
    DemoResponse r;
    if (decision.kind &&
        (*decision.kind == FaultPlan::Kind::Forbidden || *decision.kind == FaultPlan::Kind::TooManyRequests ||
         *decision.kind == FaultPlan::Kind::ServerError ||
         *decision.kind == FaultPlan::Kind::Unavailable)) {
        r = faultResponse(*decision.kind, decision.retryAfter, *ep, fhirRequest);
    } else {
        post = decision.kind;
        if (area == Area::OAuth) {
            r = oauth->handle(*ep, rest, request);
        } else if (area == Area::Discovery) {
            if (selector == u"metadata") {
                r = discovery::metadata(*ep, request);
            } else {
                r = DemoResponse::json(200, discovery::smartConfiguration(*ep), "application/json");
            }
        } else {
            const QString token = request.bearerToken();
            OAuthService::TokenCheck check = oauth->checkAccessToken(*ep, token);
            if (check.status == OAuthService::TokenCheck::Status::Valid &&
                faults.expireToken(ep->id, selector, token)) {
                oauth->expireAccessToken(token);
                check = oauth->checkAccessToken(*ep, token);
            }
            switch (check.status) {
            case OAuthService::TokenCheck::Status::Missing:
                r = unauthorized(*ep, {}, {});
                break;
            case OAuthService::TokenCheck::Status::Invalid:
                r = unauthorized(*ep, u"invalid_token"_s, u"The access token is not valid."_s);
                break;
            case OAuthService::TokenCheck::Status::Expired:
                r = unauthorized(*ep, u"invalid_token"_s, u"The access token expired."_s);
                break;
            case OAuthService::TokenCheck::Status::Valid:
                if (ep->isReplay())
                    r = ReplayLibrary::respond(recordings.at(ep->replayIndex), *ep, rest, request);
                else
                    r = fhir->handle(*ep, rest, request, *check.grant, token);
                break;
            }
        }
    }
    if (post)
        mangle(r, *post);
    r.delayMs = decision.delayMs;
    qCDebug(lcDemo) << request.method << redactUrl(request.url) << r.status;
    return r;
}

// --- DemoServer
// --------------------------------------------------------------------------------------------------

DemoServer::DemoServer(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {}

DemoServer::~DemoServer()
{
    stop();
}

QString DemoServer::demoClientId()
{
    return u"healthhub-demo"_s;
}

bool DemoServer::isAllowedRedirectUri(const QString& uri)
{
    return OAuthService::isAllowedRedirect(uri, {});
}

Result<quint16> DemoServer::start(const DemoServerOptions& options)
{
    const auto invalid = [](const QString& message, const QString& detail) {
        return Error(ErrorCode::InvalidInput, message, detail);
    };
    if (isRunning())
        return invalid(tr("The demo health systems are already running."), u"start() while running"_s);
    if (options.scale < 1 || options.scale > SyntheticFamily::kMaxScale)
        return invalid(tr("The scale must be between 1 and %1.").arg(SyntheticFamily::kMaxScale), u"bad scale"_s);
    if (options.accessTokenLifetimeSecs < 1)
        return invalid(tr("The access token lifetime must be at least one second."), u"bad lifetime"_s);
    FaultPlan faults;
    for (const QString& spec : options.faults)
        if (Status s = faults.add(spec); !s)
            return s.error();
    QList<ReplayLibrary::Recording> recordings;
    if (!options.replayDir.isEmpty()) {
        auto loaded = ReplayLibrary::load(options.replayDir);
        if (!loaded)
            return loaded.error();
        recordings = std::move(loaded).value();
    }

    d->options = options;
    d->family = std::make_unique<SyntheticFamily>(options.scale);
    d->faults = std::move(faults);
    d->recordings = std::move(recordings);
    auto clock = [this] { return d->now(); };
    d->oauth = std::make_unique<OAuthService>(*d->family, clock);
    d->oauth->setRecordIssuedSecrets(d->recordIssued);
    OAuthService::Settings settings;
    settings.autoApprove = options.autoApprove;
    settings.accessTokenLifetimeSecs = options.accessTokenLifetimeSecs;
    settings.clientIds = options.extraClientIds;
    settings.extraRedirectUris = options.extraRedirectUris;
    settings.tokenKey = options.tokenKey;
    d->oauth->setSettings(settings);
    d->fhir = std::make_unique<FhirService>(*d->family, d->faults, clock);

    auto* http = new DemoHttpServer([this](const DemoRequest& r) { return d->handle(r); }, this);
    auto* tcp = new QTcpServer(http);
    if (!tcp->listen(QHostAddress::LocalHost, options.port)) {
        const QString why = tcp->errorString();
        delete http;
        return Error(ErrorCode::Network,
                     tr("The demo health systems could not listen on 127.0.0.1:%1: %2").arg(options.port).arg(why),
                     u"listen failed"_s);
    }
    http->bind(tcp); // takes ownership
    const quint16 port = tcp->serverPort();
    d->http = http;
    d->port = port;

    const QString origin = u"http://127.0.0.1:%1"_s.arg(port);
    d->endpoints.clear();
    d->endpoints.append(
        EndpointConfig::make(u"demo-epic"_s, Vendor::Epic, tr("Lakeside Health (demo, Epic)"), u"/demo-epic"_s));
    d->endpoints.append(EndpointConfig::make(
        u"demo-athena"_s, Vendor::Athena, tr("Riverbend Medical Group (demo, athenahealth)"), u"/demo-athena"_s));
    int epicN = 0, athenaN = 0;
    for (int i = 0; i < d->recordings.size(); ++i) {
        const ReplayLibrary::Recording& rec = d->recordings.at(i);
        const bool epic = rec.vendor == Vendor::Epic;
        const QString id = u"replay-%1-%2"_s.arg(vendorKey(rec.vendor)).arg(epic ? ++epicN : ++athenaN);
        EndpointConfig c =
            EndpointConfig::make(id, rec.vendor, tr("Replay: %1").arg(rec.name), u"/replay/%1"_s.arg(i + 1));
        c.replayIndex = i;
        c.replayPatientId = rec.patientId;
        d->endpoints.append(c);
    }
    for (EndpointConfig& c : d->endpoints)
        c.origin = origin;
    // The id_token signing key (RSA 2048) takes a moment to make: make it off this thread, now.
    if (d->keyWarmUp.joinable())
        d->keyWarmUp.join();
    d->keyWarmUp = std::thread([] { (void)jwt::ServerKey::instance(); });
    qCInfo(lcDemo) << "demo health systems listening on" << origin;
    return port;
}

void DemoServer::stop()
{
    if (d->keyWarmUp.joinable())
        d->keyWarmUp.join();
    if (d->http) {
        d->http->close();
        delete d->http.data();
    }
    d->http = nullptr;
    d->port = 0;
    d->endpoints.clear();
}

bool DemoServer::isRunning() const
{
    return !d->http.isNull();
}

quint16 DemoServer::port() const
{
    return d->port;
}

QList<DemoEndpoint> DemoServer::endpoints() const
{
    QList<DemoEndpoint> out;
    for (const EndpointConfig& c : d->endpoints)
        out.append(DemoEndpoint{c.id, vendorKey(c.vendor), c.name, QUrl(c.fhirBase())});
    return out;
}

std::optional<DemoEndpoint> DemoServer::endpoint(const QString& id) const
{
    for (const DemoEndpoint& e : endpoints())
        if (e.id == id)
            return e;
    return std::nullopt;
}

const SyntheticFamily& DemoServer::family() const
{
    return *d->family;
}

Status DemoServer::addFault(const QString& spec)
{
    return d->faults.add(spec);
}

void DemoServer::clearFaults()
{
    d->faults.clear();
}

QStringList DemoServer::faults() const
{
    return d->faults.specs();
}

void DemoServer::expireAllAccessTokens()
{
    if (d->oauth)
        d->oauth->expireAllAccessTokens();
}

void DemoServer::setRecordIssuedSecrets(bool on)
{
    d->recordIssued = on;
    if (d->oauth)
        d->oauth->setRecordIssuedSecrets(on);
}

QStringList DemoServer::issuedSecrets() const
{
    return d->oauth ? d->oauth->issuedSecrets() : QStringList();
}

void DemoServer::setClock(std::function<QDateTime()> clock)
{
    d->clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace hh::demo
