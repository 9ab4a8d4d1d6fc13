#pragma once

// Internal to hh_demo: plain request/response values, so the protocol code is independent of QtHttpServer
// (QHttpServerRequest can be neither copied nor kept).

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace hh::demo {

struct DemoRequest {
    QByteArray method;                     // GET, POST, ...
    QUrl url;                              // as received (path and query)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress remote;

    [[nodiscard]] QString path() const { return url.path(QUrl::FullyDecoded); }
    [[nodiscard]] QUrlQuery query() const { return QUrlQuery(url); }
    [[nodiscard]] QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
    // application/x-www-form-urlencoded body ("+" means space, as browsers send it).
    [[nodiscard]] QUrlQuery form() const;
    // The URL query read as application/x-www-form-urlencoded ("+" means space), as OAuth requests are.
    [[nodiscard]] QUrlQuery formQuery() const;
    // Bearer token from the Authorization header, empty if none.
    [[nodiscard]] QString bearerToken() const;
};

struct DemoResponse {
    enum class Delivery {
        Normal,
        DropMidBody, // announce the full length, send half, close the connection
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    Delivery delivery = Delivery::Normal;

    void setHeader(const QByteArray& name, const QByteArray& value);
    [[nodiscard]] QByteArray header(const QByteArray& name) const;

    static DemoResponse json(int status, const QJsonObject& object,
                             const QByteArray& contentType = QByteArrayLiteral("application/json"));
    static DemoResponse bytes(int status, const QByteArray& body, const QByteArray& contentType);
    static DemoResponse empty(int status);
    static DemoResponse redirect(const QUrl& location);
    // OAuth 2.0 error reply (RFC 6749 §5.2).
    static DemoResponse oauthError(int status, const QString& error, const QString& description);
};

// Percent-decoded value of a query/form item (first occurrence), empty if absent.
QString queryValue(const QUrlQuery& query, const QString& key);

} // namespace hh::demo
