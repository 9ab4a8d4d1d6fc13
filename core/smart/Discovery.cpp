#include "core/smart/Discovery.h"

#include "core/Log.h"
#include "core/smart/HttpCall.h"
#include "core/smart/UrlPolicy.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

QNetworkRequest wellKnownRequest(const QUrl& base)
{
    QNetworkRequest req(wellKnownUrl(base));
    req.setRawHeader("Accept", "application/json");
    return req;
}

QNetworkRequest metadataRequest(const QUrl& base, const QString& epicClientId)
{
    QNetworkRequest req(metadataUrl(base));
    req.setRawHeader("Accept", "application/fhir+json, application/json;q=0.9");
    if (!epicClientId.isEmpty())
        req.setRawHeader("Epic-Client-ID", epicClientId.toUtf8());
    return req;
}

HttpOptions httpOptions(const Discovery::Options& options)
{
    HttpOptions o;
    o.timeout = options.timeout;
    o.maxBytes = Discovery::kMaxDocumentBytes;
    o.followRedirects = true;
    return o;
}

Result<SmartConfiguration> parseMetadataReply(const Result<HttpReply>& reply, const QUrl& base)
{
    if (!reply)
        return reply.error();
    if (reply->status < 200 || reply->status > 299)
        return httpStatusError(reply->status, "metadata");
    auto json = jsonObjectFromReply(reply.value(), "metadata");
    if (!json)
        return json.error();
    return SmartConfiguration::fromCapabilityStatement(QJsonDocument(json.value()).toJson(QJsonDocument::Compact),
                                                       base);
}

} // namespace

Discovery::Discovery(QNetworkAccessManager* nam) : m_nam(nam) {}

QFuture<Result<SmartConfiguration>> Discovery::discover(const QUrl& fhirBaseIn, const Options& options)
{
    const QUrl base = normalizeFhirBase(fhirBaseIn);
    if (!isAllowedUrl(base)) {
        return readyFuture<SmartConfiguration>(
            Error(ErrorCode::InvalidInput, Tr::tr("Health Hub only connects to health systems over https."),
                  u"FHIR base is not an allowed URL"_s));
    }
    auto promise = makePromise<SmartConfiguration>();
    QPointer<QNetworkAccessManager> nam(m_nam);
    const HttpOptions http = httpOptions(options);

    auto fromMetadata = [promise, nam, base, options, http]() {
        qCDebug(lcSmart) << "discovery: falling back to metadata for" << redactUrl(base);
        sendHttp(nam, metadataRequest(base, options.epicClientId), "GET", {}, http)
            .then([promise, base](const Result<HttpReply>& reply) {
                auto config = parseMetadataReply(reply, base);
                if (!config) {
                    promise->finish(config.error());
                    return;
                }
                promise->finish(SmartConfiguration::validated(std::move(config.value())));
            });
    };

    sendHttp(nam, wellKnownRequest(base), "GET", {}, http)
        .then([promise, nam, base, options, http, fromMetadata](const Result<HttpReply>& reply) {
            if (!reply) {
                promise->finish(reply.error());
                return;
            }
            Result<SmartConfiguration> config = Error(ErrorCode::Protocol, QString(), QString());
            if (reply->status >= 200 && reply->status <= 299) {
                auto json = jsonObjectFromReply(reply.value(), "smart-configuration");
                if (json)
                    config = SmartConfiguration::fromWellKnown(
                        QJsonDocument(json.value()).toJson(QJsonDocument::Compact), base);
                else
                    config = json.error();
            } else {
                config = httpStatusError(reply->status, "smart-configuration");
            }
            if (!config) {
                if (options.allowMetadataFallback && !nam.isNull()) {
                    fromMetadata();
                } else {
                    promise->finish(config.error());
                }
                return;
            }
            auto valid = SmartConfiguration::validated(std::move(config.value()));
            if (!valid || options.epicClientId.isEmpty() || !valid->registrationEndpoint.isEmpty() ||
                nam.isNull()) {
                promise->finish(std::move(valid));
                return;
            }
            // Epic lists its DCR endpoint only in /metadata, and only for a known client id.
            SmartConfiguration primary = valid.value();
            sendHttp(nam, metadataRequest(base, options.epicClientId), "GET", {}, http)
                .then([promise, primary, base](const Result<HttpReply>& metaReply) mutable {
                    auto meta = parseMetadataReply(metaReply, base);
                    if (meta) {
                        primary.mergeMissingEndpointsFrom(meta.value());
                        promise->finish(SmartConfiguration::validated(std::move(primary)));
                    } else {
                        qCDebug(lcSmart) << "discovery: supplementary metadata failed:" << meta.error().detail();
                        promise->finish(std::move(primary));
                    }
                });
        });
    return promise->future();
}

} // namespace hh::smart
