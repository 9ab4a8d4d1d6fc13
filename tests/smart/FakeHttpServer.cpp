#include "smart/FakeHttpServer.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

using namespace Qt::StringLiterals;

namespace hh::smart::test {

QByteArray RecordedRequest::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString RecordedRequest::form(const QString& key) const
{
    const QUrlQuery q(QString::fromUtf8(body));
    return q.queryItemValue(key, QUrl::FullyDecoded);
}

bool RecordedRequest::hasForm(const QString& key) const
{
    return QUrlQuery(QString::fromUtf8(body)).hasQueryItem(key);
}

FakeResponse json(const QByteArray& body, int status)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    return r;
}

FakeHttpServer::FakeHttpServer() = default;
FakeHttpServer::~FakeHttpServer() = default;

void FakeHttpServer::on(const QByteArray& method, const QString& path, Handler handler)
{
    m_handlers.insert(QString::fromLatin1(method) + u' ' + path, std::move(handler));
}

quint16 FakeHttpServer::start()
{
    m_port = listen(QHostAddress(QHostAddress::LocalHost), 0);
    return m_port;
}

QUrl FakeHttpServer::url(const QString& path) const
{
    QUrl u;
    u.setScheme(u"http"_s);
    u.setHost(u"127.0.0.1"_s);
    u.setPort(m_port);
    u.setPath(path);
    return u;
}

int FakeHttpServer::count(const QString& path) const
{
    int n = 0;
    for (const auto& r : m_requests)
        n += r.path == path ? 1 : 0;
    return n;
}

RecordedRequest FakeHttpServer::last(const QString& path) const
{
    for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it) {
        if (it->path == path)
            return *it;
    }
    return {};
}

bool FakeHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    RecordedRequest rec;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        rec.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        rec.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        rec.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        rec.method = "DELETE";
        break;
    default:
        rec.method = "OTHER";
        break;
    }
    rec.path = request.url().path();
    rec.query = request.query();
    rec.headers = request.headers();
    rec.body = request.body();
    m_requests.append(rec);

    const auto it = m_handlers.constFind(QString::fromLatin1(rec.method) + u' ' + rec.path);
    auto responder = makeResponder(request, socket);
    if (it == m_handlers.constEnd()) {
        responder.write(QByteArray("<html><body>Not found</body></html>"), "text/html",
                        QHttpServerResponder::StatusCode::NotFound);
        return true;
    }
    const FakeResponse response = it.value()(rec);
    if (response.neverAnswer) {
        m_parked.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
        return true;
    }
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto& h : response.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(response.body);
    return true;
}

void FakeHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    auto responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace hh::smart::test
