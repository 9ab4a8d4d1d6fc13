#pragma once

// Test support of the sync engine (tests/sync): a real encrypted vault in a temporary directory and an
// ITokenProvider that signs in to the demo health systems over plain HTTP (no browser).

#include "core/Result.h"
#include "core/sync/TokenProvider.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>

#include <atomic>
#include <memory>

namespace hh::db {
class ConnectionFactory;
}

namespace hh::synctest {

// Runs the demo server's OAuth flow (authorize -> login form -> consent form -> token) with the calling
// thread's own QNetworkAccessManager and a local event loop. The server must be served by another thread's
// event loop (e.g. the test's main thread while it waits with QTRY_* / QSignalSpy::wait). Blocking.
[[nodiscard]] Result<sync::AccessToken> signInToDemo(const QUrl& fhirBase, const QString& user);

// A fake ITokenProvider: the first call for a connection signs in; forceRefresh signs in again (the demo's
// Epic flavour gives public clients no refresh token). Thread-safe.
class DemoTokenProvider final : public sync::ITokenProvider
{
public:
    void addConnection(const QString& connectionId, const QUrl& fhirBase, const QString& user);
    [[nodiscard]] Result<sync::AccessToken> accessToken(const QString& connectionId, bool forceRefresh) override;

    // When set, a forced refresh fails with ErrorCode::Unauthorized (a refused refresh).
    void setRefuseRefresh(bool refuse) { m_refuseRefresh = refuse; }
    [[nodiscard]] int signIns() const { return m_signIns.load(); }
    [[nodiscard]] int forcedRefreshes() const { return m_forced.load(); }

private:
    struct Entry {
        QUrl base;
        QString user;
        sync::AccessToken token;
        bool have = false;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::atomic<bool> m_refuseRefresh{false};
    std::atomic<int> m_signIns{0};
    std::atomic<int> m_forced{0};
};

// A fresh vault (ConnectionFactory::createDatabase with a random key) in a temporary directory, with one
// account. Helpers insert profiles, endpoints and connections and run queries on the calling thread's
// "test" connection (released by release() / the destructor, which must run on the same thread).
class TestVault
{
public:
    TestVault();
    ~TestVault();
    TestVault(const TestVault&) = delete;
    TestVault& operator=(const TestVault&) = delete;

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] const QString& error() const { return m_error; }
    [[nodiscard]] std::shared_ptr<db::ConnectionFactory> factory() const { return m_factory; }
    [[nodiscard]] const QString& userId() const { return m_userId; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QByteArray keyHex() const;

    QString addProfile(const QString& displayName);
    // Inserts the endpoint row if missing.
    void addEndpoint(const QString& id, const QString& vendor, const QString& name, const QUrl& fhirBase);
    QString addConnection(const QString& profileId, const QString& endpointId, const QString& vendor,
                          const QString& patientId = {});

    // A query on the "test" connection; QVERIFY-friendly: returns an invalid QVariant on failure.
    QVariant scalar(const QString& sql, const QVariantList& binds = {});
    bool exec(const QString& sql, const QVariantList& binds = {});
    qint64 count(const QString& sql, const QVariantList& binds = {});
    QSqlDatabase db();
    void release();

private:
    QTemporaryDir m_dir;
    QByteArray m_key;
    std::shared_ptr<db::ConnectionFactory> m_factory;
    QString m_userId;
    QString m_error;
    bool m_valid = false;
};

} // namespace hh::synctest
