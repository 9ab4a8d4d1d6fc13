#include "core/demo/DemoHttpServer.h"

#include "core/Log.h"

#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace hh::demo {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

void send(QHttpServerResponder& responder, const DemoResponse& response)
{
    using Status = QHttpServerResponder::StatusCode;
    responder.writeStatusLine(static_cast<Status>(response.status));
    bool hasType = false;
    for (const auto& [name, value] : response.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            continue;
        hasType = hasType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        responder.writeHeader(name, value);
    }
    if (!hasType && !response.body.isEmpty())
        responder.writeHeader("Content-Type", "application/octet-stream");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    if (response.delivery == DemoResponse::Delivery::DropMidBody) {
        // Announce the whole body, deliver half of it, hang up: the client sees a broken transfer.
        responder.writeHeader("Connection", "close");
        responder.writeBody(response.body.left(response.body.size() / 2));
        if (QTcpSocket* socket = responder.socket()) {
            socket->flush();
            socket->disconnectFromHost();
        }
        return;
    }
    responder.writeBody(response.body);
}

} // namespace

DemoHttpServer::DemoHttpServer(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

DemoHttpServer::~DemoHttpServer() = default;

void DemoHttpServer::close()
{
    for (QTcpServer* server : servers()) {
        server->close();
        const auto sockets = server->findChildren<QTcpSocket*>();
        for (QTcpSocket* socket : sockets)
            socket->abort();
    }
    const auto sockets = findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        socket->abort();
}

bool DemoHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    DemoRequest r;
    r.method = methodName(request.method());
    r.url = request.url();
    for (const auto& [name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.remote = request.remoteAddress();

    DemoResponse response = m_handler(r);
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (response.delayMs <= 0) {
        send(*responder, response);
        return true;
    }
    // Deferred: the event loop keeps serving other requests meanwhile.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(response.delayMs, this, [responder, guard, response]() {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            send(*responder, response);
    });
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Not reached: handleRequest() answers everything.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace hh::demo
