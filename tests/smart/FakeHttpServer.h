#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <list>
#include <memory>

class QHttpServerResponder;

namespace hh::smart::test {

// One request as the fake server saw it.
struct RecordedRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    // application/x-www-form-urlencoded body, fully decoded ('+' stays '+').
    [[nodiscard]] QString form(const QString& key) const;
    [[nodiscard]] bool hasForm(const QString& key) const;
};

struct FakeResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Location …)
    bool neverAnswer = false;                     // keep the connection open without a response (timeouts)
};

// An in-test HTTP server on 127.0.0.1, port 0 (QtHttpServer). Handlers per "METHOD path"; other
// requests get 404 text/html. Records every request.
class FakeHttpServer : public QAbstractHttpServer
{
public:
    using Handler = std::function<FakeResponse(const RecordedRequest&)>;

    FakeHttpServer();
    ~FakeHttpServer() override;

    void on(const QByteArray& method, const QString& path, Handler handler);
    [[nodiscard]] quint16 start();
    [[nodiscard]] QUrl url(const QString& path) const;
    [[nodiscard]] int count(const QString& path) const;
    [[nodiscard]] const QList<RecordedRequest>& requests() const { return m_requests; }
    [[nodiscard]] RecordedRequest last(const QString& path) const;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    QHash<QString, Handler> m_handlers;
    QList<RecordedRequest> m_requests;
    std::list<std::unique_ptr<QHttpServerResponder>> m_parked;
    quint16 m_port = 0;
};

FakeResponse json(const QByteArray& body, int status = 200);

} // namespace hh::smart::test
