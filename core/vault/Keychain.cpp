#include "core/vault/Keychain.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

#include <qt6keychain/keychain.h>

namespace hh {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::Keychain)
};

Error unavailable(const QString& detail)
{
    return Error(ErrorCode::Keychain, Tr::tr("The system keychain is not available."), detail);
}

// Every QtKeychain job runs on one process-wide thread with its own event loop. The Secret
// Service backend (libsecret/GLib, or QtDBus) binds its objects to the thread and main context
// that first used it, so jobs started from changing worker threads would wait forever.
class KeychainThread
{
public:
    static KeychainThread& instance()
    {
        static KeychainThread* self = [] {
            auto* t = new KeychainThread;
            qAddPostRoutine([] { KeychainThread::instance().stop(); });
            return t;
        }();
        return *self;
    }

    struct Outcome {
        QKeychain::Error error = QKeychain::OtherError;
        QByteArray data; // for reads
    };

    // Runs make() on the keychain thread to create a job, starts it, and waits for it to finish.
    // Returns its outcome, or nothing on timeout. The job itself never leaves the keychain thread.
    std::optional<Outcome> run(const std::function<QKeychain::Job*()>& make, int timeoutMs)
    {
        struct Shared {
            QMutex mutex;
            QWaitCondition done;
            Outcome outcome;
            bool finished = false;
        };
        auto shared = std::make_shared<Shared>();
        QMetaObject::invokeMethod(m_context, [make, shared] {
            QKeychain::Job* job = make();
            job->setAutoDelete(true);
            QObject::connect(job, &QKeychain::Job::finished, job, [shared, job] {
                QMutexLocker lock(&shared->mutex);
                shared->outcome.error = job->error();
                if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(job))
                    shared->outcome.data = read->binaryData();
                shared->finished = true;
                shared->done.wakeAll();
            });
            job->start();
        });
        QMutexLocker lock(&shared->mutex);
        QDeadlineTimer deadline(timeoutMs);
        while (!shared->finished) {
            if (!shared->done.wait(&shared->mutex, deadline))
                return std::nullopt;
        }
        return std::move(shared->outcome);
    }

private:
    KeychainThread()
    {
        m_thread.setObjectName(QStringLiteral("hh-keychain"));
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }
    void stop()
    {
        QMetaObject::invokeMethod(m_context, [ctx = m_context] { delete ctx; });
        m_thread.quit();
        m_thread.wait(5000);
    }

    QThread m_thread;
    QObject* m_context = nullptr;
};
} // namespace

SystemKeychain::SystemKeychain(QString service, int timeoutMs) : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

Result<SecretBytes> SystemKeychain::read(const QString& key)
{
    auto job = KeychainThread::instance().run(
        [service = m_service, key]() -> QKeychain::Job* {
            auto* j = new QKeychain::ReadPasswordJob(service);
            j->setInsecureFallback(false);
            j->setKey(key);
            return j;
        },
        m_timeoutMs);
    if (!job)
        return unavailable(QStringLiteral("read timed out"));
    if (job->error == QKeychain::EntryNotFound)
        return Error(ErrorCode::NotFound, Tr::tr("The system keychain holds no key for this vault."),
                     QStringLiteral("entry not found"));
    if (job->error != QKeychain::NoError)
        return unavailable(QStringLiteral("read error %1").arg(int(job->error)));
    SecretBytes secret(job->data);
    job->data.fill('\0');
    return secret;
}

Status SystemKeychain::write(const QString& key, const SecretBytes& secret)
{
    auto job = KeychainThread::instance().run(
        [service = m_service, key, data = secret.toByteArray()]() -> QKeychain::Job* {
            auto* j = new QKeychain::WritePasswordJob(service);
            j->setInsecureFallback(false);
            j->setKey(key);
            j->setBinaryData(data);
            return j;
        },
        m_timeoutMs);
    if (!job)
        return unavailable(QStringLiteral("write timed out"));
    if (job->error != QKeychain::NoError)
        return unavailable(QStringLiteral("write error %1").arg(int(job->error)));
    return success();
}

Status SystemKeychain::remove(const QString& key)
{
    auto job = KeychainThread::instance().run(
        [service = m_service, key]() -> QKeychain::Job* {
            auto* j = new QKeychain::DeletePasswordJob(service);
            j->setInsecureFallback(false);
            j->setKey(key);
            return j;
        },
        m_timeoutMs);
    if (!job)
        return unavailable(QStringLiteral("delete timed out"));
    if (job->error != QKeychain::NoError && job->error != QKeychain::EntryNotFound)
        return unavailable(QStringLiteral("delete error %1").arg(int(job->error)));
    return success();
}

Result<SecretBytes> NoKeychain::read(const QString&)
{
    return unavailable(QStringLiteral("keychain disabled"));
}

Status NoKeychain::write(const QString&, const SecretBytes&)
{
    return unavailable(QStringLiteral("keychain disabled"));
}

Status NoKeychain::remove(const QString&)
{
    return success();
}

std::unique_ptr<IKeychain> makeDefaultKeychain()
{
    if (qEnvironmentVariable("HH_NO_KEYCHAIN") == u"1")
        return std::make_unique<NoKeychain>();
    return std::make_unique<SystemKeychain>();
}

} // namespace hh
