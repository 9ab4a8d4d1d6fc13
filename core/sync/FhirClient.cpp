#include "core/sync/FhirClient.h"

#include "core/Log.h"
#include "core/sync/TokenProvider.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace hh::sync {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::sync::FhirClient", text);
}

bool isTransportError(QNetworkReply::NetworkError e)
{
    if (e == QNetworkReply::NoError)
        return false;
    const int code = static_cast<int>(e);
    // 1..99 network layer, 101..199 proxy; ProtocolFailure (399): broken or truncated transfer.
    return (code >= 1 && code <= 199) || e == QNetworkReply::ProtocolFailure
        || e == QNetworkReply::ProtocolUnknownError;
}

QByteArray mediaTypeOf(const QNetworkReply* reply)
{
    QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const qsizetype semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    return type.trimmed().toLower();
}
} // namespace

bool FhirResponse::looksLikeJson() const
{
    if (body.isEmpty())
        return false;
    if (mediaType == "application/json" || mediaType == "application/fhir+json"
        || mediaType == "application/json+fhir" || mediaType.endsWith("+json"))
        return true;
    if (mediaType.isEmpty() || mediaType == "text/plain" || mediaType == "application/octet-stream") {
        for (char ch : body) {
            if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
                continue;
            return ch == '{';
        }
    }
    return false;
}

class FhirClient::Request
{
public:
    QUrl url;
    QPointer<QNetworkReply> reply;
    QTimer* deadline = nullptr;
    bool timedOut = false;
    bool oversize = false;
    bool refreshed = false;
    int attempts = 0;
    int rateLimitRetries = 0;
    int serverRetries = 0;
    int networkRetries = 0;

    void dropReply()
    {
        // Always called on the client's thread, never from the timer's own slot.
        delete deadline;
        deadline = nullptr;
        if (reply) {
            reply->disconnect();
            if (!reply->isFinished())
                reply->abort();
            reply->deleteLater();
        }
        reply = nullptr;
    }
    ~Request() { dropReply(); }
};

FhirClient::FhirClient(QNetworkAccessManager* nam, ITokenProvider* tokens, QString connectionId, QUrl baseUrl,
                       FhirClientOptions options, const std::atomic<bool>* cancelFlag)
    : m_nam(nam)
    , m_tokens(tokens)
    , m_connectionId(std::move(connectionId))
    , m_base(std::move(baseUrl))
    , m_options(options)
    , m_cancel(cancelFlag)
{
    // A base URL is kept without its trailing slash so that resolve() can append "/Type".
    QString path = m_base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_base.setPath(path);
    m_base.setQuery(QString());
    m_base.setFragment(QString());
}

FhirClient::~FhirClient()
{
    for (const auto& weak : std::as_const(m_inFlight)) {
        if (auto r = weak.lock())
            r->dropReply();
    }
}

bool FhirClient::isCancelled() const
{
    return m_interrupted || (m_cancel && m_cancel->load());
}

Error FhirClient::cancelledError() const
{
    return Error(ErrorCode::Cancelled, tr("The sync was cancelled."), QStringLiteral("cancelled"));
}

Status FhirClient::ensureToken(bool forceRefresh)
{
    if (!forceRefresh && !m_token.isEmpty()
        && (!m_tokenExpiresAt.isValid() || QDateTime::currentDateTimeUtc().secsTo(m_tokenExpiresAt) > 60))
        return success();
    if (!m_tokens)
        return Error(ErrorCode::Unauthorized, tr("No access to this health system; sign in again."),
                     QStringLiteral("no token provider"));
    Result<AccessToken> token = m_tokens->accessToken(m_connectionId, forceRefresh);
    if (!token)
        return token.error();
    if (token->token.isEmpty())
        return Error(ErrorCode::Unauthorized, tr("No access to this health system; sign in again."),
                     QStringLiteral("empty access token"));
    m_token = std::move(token->token);
    m_tokenExpiresAt = token->expiresAt;
    if (!token->patientId.isEmpty())
        m_patientId = token->patientId;
    m_scope = token->grantedScope;
    return success();
}

QUrl FhirClient::resolve(const QString& relativeOrAbsolute) const
{
    const QUrl given(relativeOrAbsolute);
    if (given.isValid() && !given.isRelative())
        return given;
    QString rel = relativeOrAbsolute;
    while (rel.startsWith(u'/'))
        rel.remove(0, 1);
    return QUrl(m_base.toString(QUrl::FullyEncoded) + u'/' + rel);
}

bool FhirClient::isOnServer(const QUrl& url) const
{
    if (!url.isValid() || url.isRelative())
        return false;
    if (url.scheme().compare(m_base.scheme(), Qt::CaseInsensitive) != 0
        || url.host().compare(m_base.host(), Qt::CaseInsensitive) != 0
        || url.port(url.scheme() == u"https" ? 443 : 80) != m_base.port(m_base.scheme() == u"https" ? 443 : 80))
        return false;
    // Dot segments leave the base path once they are resolved (by the HTTP stack or by the server):
    // "R4/../../admin" is not on the FHIR server. Checked on the decoded path so that "%2e%2e" and
    // "..%2f" count too; a backslash is a separator for some servers.
    const QString decoded = url.path(QUrl::FullyDecoded);
    if (decoded.contains(u'\\'))
        return false;
    for (const QStringView segment : QStringView(decoded).split(u'/')) {
        if (segment == u"." || segment == u"..")
            return false;
    }
    // Compared as sent (encoded): decoded, "r4%2F..." would pass for "r4/..." although the server
    // sees another path segment.
    const QString basePath = m_base.path(QUrl::FullyEncoded);
    const QString path = url.path(QUrl::FullyEncoded);
    return basePath.isEmpty() || path == basePath || path.startsWith(basePath + u'/');
}

std::shared_ptr<FhirClient::Request> FhirClient::begin(const QUrl& url)
{
    auto request = std::make_shared<Request>();
    request->url = url;
    // Drop finished entries so the list stays short.
    m_inFlight.removeIf([](const std::weak_ptr<Request>& w) { return w.expired(); });
    m_inFlight.append(request);
    if (!isCancelled())
        issue(request);
    return request;
}

void FhirClient::issue(const std::shared_ptr<Request>& request)
{
    request->dropReply();
    request->timedOut = false;
    request->oversize = false;
    if (!isOnServer(request->url)) {
        qCWarning(lcFhir) << "refusing a URL that is not on the FHIR server" << redactUrl(request->url);
        return; // finish() reports it
    }
    if (Status st = ensureToken(false); !st) {
        qCInfo(lcFhir) << "no access token:" << st.error().detail();
        return; // finish() asks again and reports the error
    }
    QNetworkRequest req(request->url);
    req.setRawHeader("Accept", "application/fhir+json");
    {
        QByteArray auth = QByteArrayLiteral("Bearer ");
        auth.append(m_token.data(), static_cast<qsizetype>(m_token.size()));
        req.setRawHeader("Authorization", auth);
        auth.fill('\0');
    }
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setTransferTimeout(static_cast<int>(m_options.transferTimeout.count()));
    ++request->attempts;
    ++m_requestsSent;
    QNetworkReply* reply = m_nam->get(req);
    request->reply = reply;
    const qint64 cap = m_options.maxBodyBytes;
    std::weak_ptr<Request> weak = request;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [weak, reply, cap](qint64 received, qint64 total) {
        if (received > cap || total > cap) {
            if (auto r = weak.lock())
                r->oversize = true;
            reply->abort();
        }
    });
    request->deadline = new QTimer();
    request->deadline->setSingleShot(true);
    QObject::connect(request->deadline, &QTimer::timeout, reply, [weak, reply]() {
        if (reply->isFinished())
            return;
        if (auto r = weak.lock())
            r->timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, request->deadline, &QTimer::stop);
    request->deadline->start(m_options.requestTimeout);
    qCDebug(lcFhir) << "GET" << redactUrl(request->url);
}

void FhirClient::waitForReply(const std::shared_ptr<Request>& request)
{
    if (!request->reply || request->reply->isFinished() || isCancelled())
        return;
    QEventLoop loop;
    QObject::connect(request->reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QEventLoop* outer = m_loop;
    m_loop = &loop;
    loop.exec();
    m_loop = outer;
}

void FhirClient::waitFor(std::chrono::milliseconds delay)
{
    if (delay.count() <= 0 || isCancelled())
        return;
    QEventLoop loop;
    QTimer::singleShot(delay, &loop, &QEventLoop::quit);
    QEventLoop* outer = m_loop;
    m_loop = &loop;
    loop.exec();
    m_loop = outer;
}

void FhirClient::interrupt()
{
    m_interrupted = true;
    for (const auto& weak : std::as_const(m_inFlight)) {
        if (auto r = weak.lock()) {
            if (r->reply && !r->reply->isFinished())
                r->reply->abort();
        }
    }
    if (m_loop)
        m_loop->quit();
}

Result<FhirResponse> FhirClient::finish(const std::shared_ptr<Request>& request)
{
    const RetryPolicy& policy = m_options.retry;
    for (;;) {
        if (isCancelled()) {
            request->dropReply();
            return cancelledError();
        }
        if (!request->reply) {
            // issue() refused to send: a foreign URL or no token.
            if (!isOnServer(request->url))
                return Error(ErrorCode::Protocol, tr("The health system sent a link to another server."),
                             QStringLiteral("link leaves the FHIR base: %1").arg(redactUrl(request->url)));
            if (Status st = ensureToken(false); !st)
                return st.error();
            issue(request);
            if (!request->reply)
                return Error(ErrorCode::Network, tr("The request could not be sent."), QStringLiteral("no reply"));
        }
        waitForReply(request);
        if (isCancelled()) {
            request->dropReply();
            return cancelledError();
        }
        QNetworkReply* reply = request->reply;
        const QNetworkReply::NetworkError netError = reply->error();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool timedOut = request->timedOut;
        const bool oversize = request->oversize;

        if (oversize) {
            request->dropReply();
            return Error(ErrorCode::Protocol, tr("The health system sent an answer that is too large."),
                         QStringLiteral("body over %1 bytes: %2").arg(m_options.maxBodyBytes).arg(redactUrl(request->url)));
        }
        if (timedOut || status == 0 || isTransportError(netError)) {
            const QString detail = QStringLiteral("%1 (network error %2, HTTP %3): %4")
                                       .arg(timedOut ? QStringLiteral("timeout") : QStringLiteral("transport failure"))
                                       .arg(static_cast<int>(netError))
                                       .arg(status)
                                       .arg(redactUrl(request->url));
            request->dropReply();
            if (request->networkRetries < policy.maxNetworkRetries) {
                qCInfo(lcFhir) << "retrying after" << detail;
                waitFor(policy.delay(request->networkRetries));
                ++request->networkRetries;
                issue(request);
                continue;
            }
            return Error(ErrorCode::Network,
                         timedOut ? tr("The health system did not answer in time.")
                                  : tr("The health system could not be reached."),
                         detail);
        }

        FhirResponse response;
        response.status = status;
        response.mediaType = mediaTypeOf(reply);
        response.retryAfter = reply->rawHeader("Retry-After");
        response.url = request->url;
        response.attempts = request->attempts;
        response.tokenRefreshed = request->refreshed;
        response.body = reply->readAll();
        request->dropReply();
        qCDebug(lcFhir) << "HTTP" << status << redactUrl(request->url) << response.body.size() << "bytes";

        if (status == 401) {
            if (request->refreshed)
                return Error(ErrorCode::Unauthorized, tr("The health system refused access; sign in again."),
                             QStringLiteral("401 after a token refresh"));
            request->refreshed = true;
            if (Status st = ensureToken(true); !st)
                return st.error();
            issue(request);
            continue;
        }
        if (status == 429 || status == 503) {
            const auto retryAfter = RetryPolicy::parseRetryAfter(response.retryAfter, QDateTime::currentDateTimeUtc());
            const bool tooLong = retryAfter && *retryAfter > policy.maxRetryAfter;
            if (request->rateLimitRetries < policy.maxRateLimitRetries && !tooLong) {
                waitFor(policy.delay(request->rateLimitRetries, retryAfter));
                ++request->rateLimitRetries;
                issue(request);
                continue;
            }
            return response;
        }
        if (status >= 500) {
            if (request->serverRetries < policy.maxServerRetries) {
                waitFor(policy.delay(request->serverRetries));
                ++request->serverRetries;
                issue(request);
                continue;
            }
            return response;
        }
        return response;
    }
}

} // namespace hh::sync
