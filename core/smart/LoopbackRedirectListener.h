#pragma once

#include "core/Result.h"
#include "core/smart/RedirectResult.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace hh::smart {

// The "open in my browser instead" fallback (RFC 8252 §7.3): a one-shot HTTP listener on
// 127.0.0.1 that receives the authorization redirect from the system browser.
//
// listen() binds 127.0.0.1:<port> (0 = any free port) and waits for `GET <path>?…`. A request
// to that path whose `state` the validator accepts (for code AND error redirects) is answered
// with a small "you can close this window" page, emits redirectReceived() once and closes the
// listener. A request to the path with a missing or refused state gets 400 and the listener keeps
// waiting (a stale tab or a forged request must not end the login); other paths get 404; other
// methods 405. Requests are read up to 16 KiB of headers, each connection for at most 10 s.
// After the timeout, failed(Cancelled-style Network error) is emitted and the listener closes.
// close() stops without a signal.
//
// Thread: a QObject living in the thread that created it (normally the GUI thread; it does no
// blocking work). The validator runs in that thread; it should consume the state (single-use).
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackRedirectListener)

public:
    using StateValidator = std::function<bool(const QString& state)>;

    explicit LoopbackRedirectListener(QObject* parent = nullptr);
    ~LoopbackRedirectListener() override;

    // path must start with '/'. InvalidInput for a bad path or missing validator; Io when the port
    // cannot be bound.
    [[nodiscard]] Status listen(quint16 port, const QString& path, StateValidator validator,
                                std::chrono::milliseconds timeout = std::chrono::minutes(10));
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    // http://127.0.0.1:<port><path>: the redirect_uri to send (must be registered with the server).
    [[nodiscard]] QUrl redirectUri() const;
    void close();

    static constexpr qsizetype kMaxRequestBytes = 16 * 1024;

Q_SIGNALS:
    void redirectReceived(const hh::smart::RedirectResult& result);
    void requestRejected(int httpStatus); // diagnostics: a request that was answered with 4xx
    void failed(const hh::Error& error);

private:
    void onNewConnection();
    void handleRequest(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& html);

    QTcpServer* m_server = nullptr;
    QTimer* m_timeout = nullptr;
    QString m_path;
    StateValidator m_validator;
    bool m_done = false;
};

} // namespace hh::smart
