#pragma once

// Internal to hh_demo: the QtHttpServer adapter. Every request is converted into a DemoRequest and handed
// to one handler; the DemoResponse is written immediately or after its delay, from a timer, so that slow
// answers never block other requests (Qt 6.4: a QHttpServerResponder may outlive handleRequest()).

#include "core/demo/DemoHttp.h"

#include <QtHttpServer/QAbstractHttpServer>

#include <functional>

namespace hh::demo {

class DemoHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHttpServer)

public:
    using Handler = std::function<DemoResponse(const DemoRequest&)>;

    explicit DemoHttpServer(Handler handler, QObject* parent = nullptr);
    ~DemoHttpServer() override;

    // Stops accepting connections and closes the open ones.
    void close();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
};

} // namespace hh::demo
