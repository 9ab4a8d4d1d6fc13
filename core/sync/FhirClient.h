#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/sync/RetryPolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>

class QEventLoop;
class QNetworkAccessManager;
class QNetworkReply;

namespace hh::sync {

class ITokenProvider;

struct FhirClientOptions {
    std::chrono::milliseconds requestTimeout{90000};  // one attempt, connect to last byte
    std::chrono::milliseconds transferTimeout{30000}; // no byte for this long aborts the attempt
    qint64 maxBodyBytes = 64LL * 1024 * 1024;         // larger bodies abort the request (Protocol)
    RetryPolicy retry;
};

// One HTTP answer. Any HTTP status is a response; only transport failures are errors.
struct FhirResponse {
    int status = 0;
    QByteArray body;
    QByteArray mediaType;     // Content-Type without parameters, lower-case
    QByteArray retryAfter;    // the header of the last attempt, if any
    QUrl url;
    bool tokenRefreshed = false; // a 401 made the client refresh the token during this request
    int attempts = 0;

    // JSON is parsed only when the body is declared JSON (application/json, application/fhir+json,
    // application/json+fhir, any +json), or has no/unknown type and starts like a JSON object.
    // HTML error pages and empty bodies never are.
    [[nodiscard]] bool looksLikeJson() const;
    [[nodiscard]] bool isSuccess() const { return status >= 200 && status < 300; }
};

// A FHIR REST client for one connection, used by one sync worker on its own thread.
//
// - GET with `Authorization: Bearer`, `Accept: application/fhir+json`; redirects are not followed
//   (a token never goes to another server); nothing is cached.
// - Bounded: a whole-request deadline and a transfer (inactivity) timeout per attempt, and a body size cap.
// - 401: one forced refresh through ITokenProvider, then one retry; a second 401 or a refused refresh
//   is ErrorCode::Unauthorized.
// - 429/503 honour Retry-After, other 5xx and transport failures are retried a bounded number of
//   times (RetryPolicy); when the retries are used up the last response (or error) is returned.
// - begin() starts a request and returns at once, finish() waits for it (running a local event loop
//   on the worker thread; never call it on the GUI thread). Several requests may be in flight.
// - Cancellation: the owner sets the shared flag and calls interrupt() on this thread (e.g. through a
//   queued call): waits end at once, replies in flight are aborted and finish() returns
//   ErrorCode::Cancelled.
// Thread affinity: the thread that owns `nam`. Not copyable.
class FhirClient final
{
public:
    class Request;

    FhirClient(QNetworkAccessManager* nam, ITokenProvider* tokens, QString connectionId, QUrl baseUrl,
               FhirClientOptions options, const std::atomic<bool>* cancelFlag);
    ~FhirClient();
    FhirClient(const FhirClient&) = delete;
    FhirClient& operator=(const FhirClient&) = delete;

    // Gets a token (the stored one unless forceRefresh) and remembers it. Also tells the patient id.
    [[nodiscard]] Status ensureToken(bool forceRefresh = false);
    [[nodiscard]] const QString& patientId() const { return m_patientId; }
    [[nodiscard]] const QString& grantedScope() const { return m_scope; }

    [[nodiscard]] const QUrl& baseUrl() const { return m_base; }
    // base + "/" + relative ("Patient/123", "Observation?patient=1"); absolute URLs are returned as is.
    [[nodiscard]] QUrl resolve(const QString& relativeOrAbsolute) const;
    // True when the URL is on the FHIR server: same scheme, host and port, and its path starts with
    // the base path. Only such URLs ever get the token.
    [[nodiscard]] bool isOnServer(const QUrl& url) const;

    [[nodiscard]] std::shared_ptr<Request> begin(const QUrl& url);
    [[nodiscard]] Result<FhirResponse> finish(const std::shared_ptr<Request>& request);
    [[nodiscard]] Result<FhirResponse> get(const QUrl& url) { return finish(begin(url)); }

    // Ends the current wait and aborts every request in flight. Call on the client's thread.
    void interrupt();
    [[nodiscard]] bool isCancelled() const;

    // Requests sent (attempts included), for tests and benchmarks.
    [[nodiscard]] int requestsSent() const { return m_requestsSent; }

private:
    void issue(const std::shared_ptr<Request>& request);
    void waitForReply(const std::shared_ptr<Request>& request);
    void waitFor(std::chrono::milliseconds delay);
    [[nodiscard]] Error cancelledError() const;

    QNetworkAccessManager* m_nam;
    ITokenProvider* m_tokens;
    QString m_connectionId;
    QUrl m_base;
    FhirClientOptions m_options;
    const std::atomic<bool>* m_cancel;
    SecretBytes m_token;
    QDateTime m_tokenExpiresAt;
    QString m_patientId;
    QString m_scope;
    QEventLoop* m_loop = nullptr;
    QList<std::weak_ptr<Request>> m_inFlight;
    bool m_interrupted = false;
    int m_requestsSent = 0;
};

} // namespace hh::sync
