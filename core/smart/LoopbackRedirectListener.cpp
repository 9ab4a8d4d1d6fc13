#include "core/smart/LoopbackRedirectListener.h"

#include "core/Log.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

constexpr int kPerConnectionTimeoutMs = 10000;

QByteArray page(const QString& title, const QString& text)
{
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title.toHtmlEscaped().toUtf8() +
           "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" +
           title.toHtmlEscaped().toUtf8() + "</h1><p>" + text.toHtmlEscaped().toUtf8() + "</p></body></html>";
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject* parent) : QObject(parent) {}

LoopbackRedirectListener::~LoopbackRedirectListener()
{
    m_done = true;
}

Status LoopbackRedirectListener::listen(quint16 port, const QString& path, StateValidator validator,
                                        std::chrono::milliseconds timeout)
{
    if (!path.startsWith(u'/') || path.contains(u'?') || path.contains(u'#') || !validator)
        return Error(ErrorCode::Unknown, tr("The browser sign-in could not be prepared."),
                     u"loopback listener needs a path and a state validator"_s);
    close();
    m_done = false;
    m_path = path;
    m_validator = std::move(validator);
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        const QString reason = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error(ErrorCode::Io, tr("The browser sign-in could not be prepared: port %1 is in use.").arg(port),
                     u"listen failed: %1"_s.arg(reason));
    }
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        close();
        Q_EMIT failed(Error(ErrorCode::Network, tr("The browser sign-in was not completed in time."),
                            u"loopback listener timed out"_s));
    });
    m_timeout->start(timeout);
    qCDebug(lcSmart) << "loopback listener on port" << m_server->serverPort();
    return success();
}

bool LoopbackRedirectListener::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LoopbackRedirectListener::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(m_path);
    return url;
}

void LoopbackRedirectListener::close()
{
    m_done = true;
    if (m_timeout) {
        m_timeout->stop();
        m_timeout->deleteLater();
        m_timeout = nullptr;
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater(); // open sockets are its children: a pending response still flushes
        m_server = nullptr;
    }
}

void LoopbackRedirectListener::onNewConnection()
{
    if (!m_server)
        return;
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        // Owned by the server: closing the listener drops every pending connection with it.
        socket->setParent(m_server);
        auto* guard = new QTimer(socket);
        guard->setSingleShot(true);
        connect(guard, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        guard->start(kPerConnectionTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleRequest(socket); });
    }
}

void LoopbackRedirectListener::respond(QTcpSocket* socket, int status, const QByteArray& html)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(html.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n";
    response += html;
    socket->setProperty("hh_answered", true);
    // Answered sockets outlive the listener until the page is flushed (disconnected or the guard
    // timer deletes them).
    socket->setParent(nullptr);
    socket->write(response);
    socket->disconnectFromHost();
    if (status >= 400)
        Q_EMIT requestRejected(status);
}

void LoopbackRedirectListener::handleRequest(QTcpSocket* socket)
{
    if (socket->property("hh_answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("hh_buffer").toByteArray();
    buffer += socket->readAll();
    if (buffer.size() > kMaxRequestBytes) {
        respond(socket, 431, page(tr("Request too large"), tr("This request was not accepted.")));
        return;
    }
    if (!buffer.contains("\r\n\r\n")) {
        socket->setProperty("hh_buffer", buffer);
        return;
    }
    socket->setProperty("hh_buffer", QVariant());
    const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, page(tr("Bad request"), tr("This request was not accepted.")));
        return;
    }
    if (parts.at(0) != "GET") {
        respond(socket, 405, page(tr("Not allowed"), tr("This request was not accepted.")));
        return;
    }
    const QByteArray target = parts.at(1);
    if (!target.startsWith('/')) {
        respond(socket, 400, page(tr("Bad request"), tr("This request was not accepted.")));
        return;
    }
    QUrl url = redirectUri();
    const qsizetype q = target.indexOf('?');
    url.setPath(QString::fromUtf8(q >= 0 ? target.left(q) : target), QUrl::TolerantMode);
    url.setQuery(q >= 0 ? QString::fromUtf8(target.mid(q + 1)) : QString(), QUrl::TolerantMode);
    const RedirectResult result = parseRedirect(url, redirectUri());
    if (!result.isRedirect()) {
        respond(socket, 404, page(tr("Not found"), tr("This page does not exist.")));
        return;
    }
    if (m_done || result.state.isEmpty() || result.kind == RedirectResult::Kind::Malformed ||
        !m_validator(result.state)) {
        qCWarning(lcSmart) << "loopback redirect refused (unknown state or malformed)";
        respond(socket, 400,
                page(tr("Sign-in not accepted"),
                     tr("Health Hub did not expect this sign-in. Please start again from Health Hub.")));
        return;
    }
    if (result.kind == RedirectResult::Kind::Error) {
        respond(socket, 200,
                page(tr("Sign-in not completed"),
                     tr("The sign-in was not completed. You can close this window and return to Health Hub.")));
    } else {
        respond(socket, 200, page(tr("Signed in"), tr("You can close this window and return to Health Hub.")));
    }
    close();
    Q_EMIT redirectReceived(result);
}

} // namespace hh::smart
