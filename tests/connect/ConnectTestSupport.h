#pragma once

// Shared fixtures of the connect tests: a real vault in a temporary directory (FakeKeychain), a
// profile, the connect stores and service, log capture, and small helpers.

#include "core/Domain.h"
#include "core/connect/ConnectService.h"
#include "core/vault/Crypto.h"
#include "db/ConnectionFactory.h"
#include "db/ConnectionStore.h"
#include "db/VaultService.h"
#include "support/FakeKeychain.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

namespace hh::test {

// The error of a failed Result for a test message (QVERIFY2 evaluates its message even on success).
template<typename R>
QByteArray why(const R& result)
{
    if (result.ok())
        return QByteArray();
    return (result.error().detail() + QStringLiteral(" / ") + result.error().message()).toUtf8();
}

// Collects every message of the process (any thread) while alive; restores the previous handler.
class LogCapture
{
public:
    LogCapture()
    {
        s_self = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_self = nullptr;
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    QString joined() const { return lines().join(u'\n'); }
    // The first captured line containing `needle` (empty if none).
    QString lineContaining(const QByteArray& needle) const
    {
        if (needle.isEmpty())
            return {};
        const QString n = QString::fromUtf8(needle);
        for (const QString& l : lines()) {
            if (l.contains(n))
                return l;
        }
        return {};
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (LogCapture* self = s_self) {
            QMutexLocker lock(&self->m_mutex);
            self->m_lines.append(QString::fromUtf8(context.category ? context.category : "") + u' ' + message);
        }
        Q_UNUSED(type)
    }

    static inline LogCapture* s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

// A vault with one account and a profile "Mom".
struct VaultFixture {
    QTemporaryDir dir;
    std::unique_ptr<db::VaultService> vault;
    User user;
    Profile mom;

    bool open()
    {
        if (!dir.isValid())
            return false;
        vault = std::make_unique<db::VaultService>(dir.path(), std::make_unique<FakeKeychain>(true));
        auto created = vault->createAccount(QStringLiteral("carer@example.org"), QStringLiteral("Carer"),
                                            SecretBytes(QByteArray("correct horse battery")))
                           .result();
        if (!created)
            return false;
        user = created.value();
        Profile p;
        p.displayName = QStringLiteral("Mom");
        p.relationship = Relationship::Mother;
        auto added = vault->addProfile(p).result();
        if (!added)
            return false;
        mom = added.value();
        return true;
    }

    connect::ConnectStores stores() const { return db::makeConnectStores(vault->connections(), user.id); }

    std::unique_ptr<connect::ConnectService> service(connect::ConnectService::Options options = {}) const
    {
        return std::make_unique<connect::ConnectService>(stores(), vault->secretsKey(), user.id, std::move(options));
    }

    // A query on the test thread's own connection (role "test"); release() before the vault closes.
    QSqlQuery query() const
    {
        auto db = vault->connections()->connection(QStringLiteral("test"));
        return QSqlQuery(db.value());
    }
    void release() const
    {
        if (vault && vault->connections())
            vault->connections()->releaseThreadConnections();
    }

    // Every byte of every file of the vault folder (database, WAL, header, settings).
    QByteArray allFileBytes() const
    {
        QByteArray all;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
};

// Records ConnectService::connectionChanged on the test thread. (The signal comes from the service's
// worker thread; QSignalSpy would record it there, racing with the test.)
class StatusRecorder : public QObject
{
public:
    explicit StatusRecorder(connect::ConnectService* service)
    {
        QObject::connect(service, &connect::ConnectService::connectionChanged, this,
                         [this](const QString& id, connect::ConnectionStatus status) { changes.append({id, status}); },
                         Qt::QueuedConnection);
    }
    [[nodiscard]] bool saw(const QString& id, connect::ConnectionStatus status) const
    {
        for (const auto& [cid, st] : changes)
            if (cid == id && st == status)
                return true;
        return false;
    }
    QList<QPair<QString, connect::ConnectionStatus>> changes;
};

// A clock that tests can move forward.
struct TestClock {
    std::shared_ptr<std::atomic<qint64>> offsetSecs = std::make_shared<std::atomic<qint64>>(0);
    std::function<QDateTime()> function() const
    {
        auto offset = offsetSecs;
        return [offset] { return QDateTime::currentDateTimeUtc().addSecs(offset->load()); };
    }
    void advance(qint64 secs) const { offsetSecs->fetch_add(secs); }
};

} // namespace hh::test
