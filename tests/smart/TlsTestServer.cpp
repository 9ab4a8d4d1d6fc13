#include "smart/TlsTestServer.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace hh::smart::test {

namespace {

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

// A self-signed certificate for 127.0.0.1 and its key, as PEM.
bool makeCertificate(QByteArray& certPem, QByteArray& keyPem)
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    bool ok = key && cert;
    if (ok) {
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 4242);
        X509_set_version(cert, 2);
        X509_gmtime_adj(X509_getm_notBefore(cert), -60);
        X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
        X509_set_pubkey(cert, key);
        X509_NAME* name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"),
                                   -1, -1, 0);
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("Health Hub test (self-signed)"), -1, -1, 0);
        X509_set_issuer_name(cert, name);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
        X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
        ok = san && X509_add_ext(cert, san, -1) == 1;
        X509_EXTENSION_free(san);
        ok = ok && X509_sign(cert, key, EVP_sha256()) > 0;
    }
    if (ok) {
        BIO* c = BIO_new(BIO_s_mem());
        BIO* k = BIO_new(BIO_s_mem());
        ok = PEM_write_bio_X509(c, cert) == 1 && PEM_write_bio_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        certPem = bioBytes(c);
        keyPem = bioBytes(k);
        BIO_free(c);
        BIO_free(k);
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

} // namespace

TlsTestServer::TlsTestServer() = default;

TlsTestServer::~TlsTestServer() = default;

bool TlsTestServer::start()
{
    QByteArray certPem;
    QByteArray keyPem;
    if (!makeCertificate(certPem, keyPem))
        return false;
    m_certificate = QSslCertificate(certPem, QSsl::Pem);
    m_key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (m_certificate.isNull() || m_key.isNull())
        return false;
    m_server = std::make_unique<QSslServer>();
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_certificate);
    config.setPrivateKey(m_key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server->setSslConfiguration(config);
    QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, m_server.get(), [this] {
        while (m_server->hasPendingConnections()) {
            auto* socket = qobject_cast<QSslSocket*>(m_server->nextPendingConnection());
            if (!socket)
                continue;
            QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                const QByteArray bytes = socket->readAll();
                m_requests.append(bytes);
                if (!bytes.contains("\r\n\r\n"))
                    return;
                const QByteArray body = R"({"ok":true})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    QObject::connect(m_server.get(), &QSslServer::startedEncryptionHandshake, m_server.get(),
                     [this](QSslSocket*) { ++m_connections; });
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = m_server->serverPort();
    return true;
}

QUrl TlsTestServer::url(const QString& path) const
{
    return QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

} // namespace hh::smart::test
