#include "core/smart/HttpCall.h"

#include "core/Log.h"
#include "core/smart/UrlPolicy.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

struct CallFlags {
    bool timedOut = false;
    bool tooLarge = false;
    bool badRedirect = false;
    bool certificateRefused = false;
};

} // namespace

QFuture<Result<HttpReply>> sendHttp(QNetworkAccessManager* nam, QNetworkRequest request, const QByteArray& verb,
                                    const QByteArray& body, const HttpOptions& options)
{
    auto promise = makePromise<HttpReply>();
    if (!nam) {
        promise->finish(Error(ErrorCode::Network, Tr::tr("No network is available."), u"no network manager"_s));
        return promise->future();
    }
    if (!isAllowedUrl(request.url())) {
        promise->finish(Error(ErrorCode::Protocol,
                              Tr::tr("Health Hub only connects to health systems over https."),
                              u"refused non-https URL"_s));
        return promise->future();
    }
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         options.followRedirects ? QNetworkRequest::UserVerifiedRedirectPolicy
                                                 : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);

    QNetworkReply* reply = nullptr;
    if (verb == "GET")
        reply = nam->get(request);
    else if (verb == "POST")
        reply = nam->post(request, body);
    else
        reply = nam->sendCustomRequest(request, verb, body);

    auto flags = std::make_shared<CallFlags>();
    const qint64 maxBytes = options.maxBytes;

    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, flags] {
        flags->timedOut = true;
        reply->abort();
    });
    timer->start(options.timeout);

    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply, flags, maxBytes](qint64 received, qint64 total) {
                         if (received > maxBytes || total > maxBytes) {
                             flags->tooLarge = true;
                             reply->abort();
                         }
                     });
    // Certificate errors are never ignored (no ignoreSslErrors anywhere): the handshake fails and the
    // request never leaves. Remember why, to say so.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [flags](const QList<QSslError>& errors) {
        flags->certificateRefused = true;
        for (const QSslError& e : errors)
            qCWarning(lcSmart) << "TLS certificate refused:" << e.error();
    });
    if (options.followRedirects) {
        QObject::connect(reply, &QNetworkReply::redirected, reply, [reply, flags](const QUrl& target) {
            if (isAllowedUrl(target)) {
                Q_EMIT reply->redirectAllowed();
            } else {
                flags->badRedirect = true;
                reply->abort();
            }
        });
    }

    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, flags, promise, maxBytes] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (flags->timedOut) {
            qCWarning(lcSmart) << "request timed out:" << redactUrl(reply->url());
            promise->finish(Error(ErrorCode::Network, Tr::tr("The health system did not answer in time."),
                                  u"request timed out"_s));
            return;
        }
        if (flags->tooLarge) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("The health system sent an unexpectedly large answer."),
                                  u"response larger than %1 bytes"_s.arg(maxBytes)));
            return;
        }
        if (flags->badRedirect) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("Health Hub only connects to health systems over https."),
                                  u"redirect to a non-https URL refused"_s));
            return;
        }
        if (flags->certificateRefused || reply->error() == QNetworkReply::SslHandshakeFailedError) {
            const QString host = reply->url().host();
            qCWarning(lcSmart) << "refused the TLS certificate of" << redactUrl(reply->url());
            promise->finish(
                Error(ErrorCode::Network,
                      Tr::tr("The security certificate of %1 is not valid, so Health Hub did not connect. "
                             "Nothing was sent to that site.")
                          .arg(host),
                      u"TLS certificate refused"_s));
            return;
        }
        // HTTP error statuses still carry a body worth reading (OAuth errors); only transport
        // failures without a status are errors here.
        if (status == 0) {
            const auto code = reply->error();
            qCWarning(lcSmart) << "network error" << code << "for" << redactUrl(reply->url());
            promise->finish(Error(ErrorCode::Network,
                                  Tr::tr("The health system could not be reached. Check the connection and try "
                                         "again."),
                                  u"network error %1"_s.arg(int(code))));
            return;
        }
        HttpReply out;
        out.status = status;
        out.body = reply->readAll();
        if (out.body.size() > maxBytes) {
            promise->finish(Error(ErrorCode::Protocol,
                                  Tr::tr("The health system sent an unexpectedly large answer."),
                                  u"response larger than %1 bytes"_s.arg(maxBytes)));
            return;
        }
        QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (type.isEmpty())
            type = reply->rawHeader("Content-Type");
        const qsizetype semi = type.indexOf(';');
        out.mediaType = (semi >= 0 ? type.left(semi) : type).trimmed().toLower();
        out.url = reply->url();
        promise->finish(std::move(out));
    });
    return promise->future();
}

bool isJsonMediaType(const QByteArray& mediaType)
{
    return mediaType == "application/json" || mediaType == "application/fhir+json" ||
           mediaType == "application/json+fhir" || mediaType.endsWith("+json");
}

Result<QJsonObject> jsonObjectFromReply(const HttpReply& reply, const char* what)
{
    const QString name = QString::fromLatin1(what);
    const QByteArray& t = reply.mediaType;
    const bool declaredJson = isJsonMediaType(t);
    const bool undeclared = t.isEmpty() || t == "text/plain" || t == "application/octet-stream";
    if (!declaredJson && !undeclared) {
        return Error(ErrorCode::Protocol, Tr::tr("The health system sent an answer Health Hub cannot read."),
                     u"%1: HTTP %2 with content type %3, not JSON"_s.arg(name)
                         .arg(reply.status)
                         .arg(QString::fromLatin1(t.left(64))));
    }
    if (!declaredJson) {
        const QByteArray trimmed = reply.body.trimmed();
        if (!trimmed.startsWith('{')) {
            return Error(ErrorCode::Protocol, Tr::tr("The health system sent an answer Health Hub cannot read."),
                         u"%1: HTTP %2 body is not JSON"_s.arg(name).arg(reply.status));
        }
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error(ErrorCode::Protocol, Tr::tr("The health system sent an answer Health Hub cannot read."),
                     u"%1: HTTP %2 body is not a JSON object"_s.arg(name).arg(reply.status));
    }
    return doc.object();
}

FormBody& FormBody::add(const char* key, const QByteArray& value)
{
    if (!m_bytes.isEmpty())
        m_bytes.append('&');
    m_bytes.append(QByteArray(key).toPercentEncoding());
    m_bytes.append('=');
    m_bytes.append(value.toPercentEncoding());
    return *this;
}

Error httpStatusError(int status, const char* what)
{
    const QString detail = u"%1: HTTP %2"_s.arg(QString::fromLatin1(what)).arg(status);
    if (status == 401 || status == 403)
        return Error(ErrorCode::Unauthorized, Tr::tr("The health system refused access. Please sign in again."),
                     detail);
    if (status == 404)
        return Error(ErrorCode::Server, Tr::tr("The health system does not offer this service."), detail);
    if (status == 429)
        return Error(ErrorCode::Server, Tr::tr("The health system is busy. Please try again in a minute."),
                     detail);
    return Error(ErrorCode::Server, Tr::tr("The health system answered with an error (HTTP %1).").arg(status),
                 detail);
}

} // namespace hh::smart
