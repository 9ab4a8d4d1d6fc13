#pragma once

#include "core/vault/Keychain.h"

#include <QHash>
#include <QMutex>

namespace hh::test {

// An in-memory keychain. `reachable = false` behaves like a session without a Secret Service.
class FakeKeychain final : public IKeychain
{
public:
    explicit FakeKeychain(bool reachable = true) : m_reachable(reachable) {}

    Result<SecretBytes> read(const QString& key) override
    {
        QMutexLocker lock(&m_mutex);
        ++reads;
        if (!m_reachable)
            return Error(ErrorCode::Keychain, QStringLiteral("unavailable"), QStringLiteral("fake"));
        if (!m_entries.contains(key))
            return Error(ErrorCode::NotFound, QStringLiteral("no entry"), QStringLiteral("fake"));
        return SecretBytes(m_entries.value(key));
    }
    Status write(const QString& key, const SecretBytes& secret) override
    {
        QMutexLocker lock(&m_mutex);
        if (!m_reachable)
            return Error(ErrorCode::Keychain, QStringLiteral("unavailable"), QStringLiteral("fake"));
        m_entries.insert(key, secret.toByteArray());
        return success();
    }
    Status remove(const QString& key) override
    {
        QMutexLocker lock(&m_mutex);
        m_entries.remove(key);
        return success();
    }

    QHash<QString, QByteArray> entries() const
    {
        QMutexLocker lock(&m_mutex);
        return m_entries;
    }
    void setEntry(const QString& key, const QByteArray& value)
    {
        QMutexLocker lock(&m_mutex);
        m_entries.insert(key, value);
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }
    int reads = 0;

private:
    mutable QMutex m_mutex;
    bool m_reachable;
    QHash<QString, QByteArray> m_entries;
};

} // namespace hh::test
