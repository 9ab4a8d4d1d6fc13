#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QPromise>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace hh::smart {

// Helpers shared by the async SMART clients (PromiseHolder/readyFuture are also used by
// core/connect). sendHttp is not a general HTTP client: it enforces isAllowedUrl() and the limits below.

// A QPromise that always ends: if the last owner goes away before a result was set (for
// example the QNetworkAccessManager was destroyed with the reply in flight), it finishes with
// ErrorCode::Cancelled, so a caller's continuation always runs.
template <typename T> class PromiseHolder
{
public:
    PromiseHolder() { m_promise.start(); }
    ~PromiseHolder()
    {
        if (!m_done)
            finish(Error(ErrorCode::Cancelled,
                         QCoreApplication::translate("hh::smart", "The request was cancelled."),
                         QStringLiteral("request abandoned before it finished")));
    }
    PromiseHolder(const PromiseHolder&) = delete;
    PromiseHolder& operator=(const PromiseHolder&) = delete;

    QFuture<Result<T>> future() { return m_promise.future(); }
    void finish(Result<T> result)
    {
        if (m_done)
            return;
        m_done = true;
        m_promise.addResult(std::move(result));
        m_promise.finish();
    }
    [[nodiscard]] bool isDone() const { return m_done; }

private:
    QPromise<Result<T>> m_promise;
    bool m_done = false;
};

template <typename T> using PromisePtr = std::shared_ptr<PromiseHolder<T>>;

template <typename T> PromisePtr<T> makePromise()
{
    return std::make_shared<PromiseHolder<T>>();
}

template <typename T> QFuture<Result<T>> readyFuture(Result<T> result)
{
    auto p = makePromise<T>();
    p->finish(std::move(result));
    return p->future();
}

struct HttpOptions {
    std::chrono::milliseconds timeout{20000}; // whole request, connect to last byte
    qint64 maxBytes = 4 * 1024 * 1024;        // larger bodies abort the request
    bool followRedirects = false;             // GET only; each hop must pass isAllowedUrl()
};

struct HttpReply {
    int status = 0;
    QByteArray body;
    QByteArray mediaType; // Content-Type without parameters, lower-case ("" if none)
    QUrl url;             // final URL
};

// Sends one request from the calling thread, which must own `nam`. Transport failures, timeouts,
// refused redirects and over-size bodies are Errors (Network/Protocol); any HTTP status is a
// successful HttpReply. Caching is disabled (token replies must never be stored).
QFuture<Result<HttpReply>> sendHttp(QNetworkAccessManager* nam, QNetworkRequest request, const QByteArray& verb,
                                    const QByteArray& body, const HttpOptions& options);

// application/json, application/fhir+json, application/json+fhir, or any "+json" type.
[[nodiscard]] bool isJsonMediaType(const QByteArray& mediaType);

// A JSON object from a reply. HTML, XML and other declared non-JSON types are refused without
// parsing; a missing, text/plain or octet-stream type is accepted only if the body looks like a
// JSON object. Protocol error otherwise. `what` names the document in the developer detail.
[[nodiscard]] Result<QJsonObject> jsonObjectFromReply(const HttpReply& reply, const char* what);

// application/x-www-form-urlencoded with every reserved byte percent-encoded (QUrlQuery would leave
// '+' alone, which a server decodes as a space).
class FormBody
{
public:
    FormBody& add(const char* key, const QByteArray& value);
    FormBody& add(const char* key, const QString& value) { return add(key, value.toUtf8()); }
    [[nodiscard]] const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// Translated error for an HTTP status without a usable body.
[[nodiscard]] Error httpStatusError(int status, const char* what);

} // namespace hh::smart
