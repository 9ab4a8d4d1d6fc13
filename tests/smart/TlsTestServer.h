#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <memory>

class QSslServer;

namespace hh::smart::test {

// An https server on 127.0.0.1 with a self-signed certificate made at test time (OpenSSL libcrypto:
// EC P-256 key, CN and subjectAltName IP 127.0.0.1, valid from now for a day). Nothing trusts it, so
// every client must refuse it. It answers any request it manages to read with 200 {"ok":true}
// and records the raw request bytes: an empty requests() proves nothing was sent to it.
// Lives in the thread that creates it (QSslServer).
class TlsTestServer
{
public:
    TlsTestServer();
    ~TlsTestServer();
    TlsTestServer(const TlsTestServer&) = delete;
    TlsTestServer& operator=(const TlsTestServer&) = delete;

    // Generates the certificate and listens; false on failure.
    [[nodiscard]] bool start();
    [[nodiscard]] QUrl url(const QString& path) const;
    [[nodiscard]] const QSslCertificate& certificate() const { return m_certificate; }
    // Decrypted HTTP requests received (only possible for a client that trusted the certificate).
    [[nodiscard]] const QList<QByteArray>& requests() const { return m_requests; }
    // TCP connections accepted (a client that refused the certificate still connects).
    [[nodiscard]] int connections() const { return m_connections; }

private:
    std::unique_ptr<QSslServer> m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QByteArray> m_requests;
    int m_connections = 0;
    quint16 m_port = 0;
};

} // namespace hh::smart::test
