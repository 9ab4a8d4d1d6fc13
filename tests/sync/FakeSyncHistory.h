#pragma once

// An in-memory ISyncHistory for GUI tests (the sync panel, the main window's Sources section).

#include "core/sync/ISyncHistory.h"

#include <QFuture>
#include <QPromise>

#include <optional>

namespace hh::test {

template<typename T>
inline QFuture<T> ready(T value)
{
    QPromise<T> p;
    p.start();
    p.addResult(std::move(value));
    p.finish();
    return p.future();
}

class FakeSyncHistory final : public sync::ISyncHistory
{
public:
    QList<sync::ConnectionSyncInfo> conns;
    QList<sync::SyncJobRecord> jobList;
    int connectionCalls = 0;
    int jobCalls = 0;
    std::optional<Error> failWith;

    QFuture<Result<QList<sync::ConnectionSyncInfo>>> connections(const QString& profileId) override
    {
        ++connectionCalls;
        if (failWith)
            return ready(Result<QList<sync::ConnectionSyncInfo>>(*failWith));
        QList<sync::ConnectionSyncInfo> out;
        for (const sync::ConnectionSyncInfo& c : conns) {
            if (profileId.isEmpty() || c.profileId == profileId)
                out << c;
        }
        return ready(Result<QList<sync::ConnectionSyncInfo>>(out));
    }
    QFuture<Result<QList<sync::SyncJobRecord>>> jobs(const QString& profileId, int limit) override
    {
        ++jobCalls;
        QList<sync::SyncJobRecord> out;
        for (const sync::SyncJobRecord& j : jobList) {
            if ((profileId.isEmpty() || j.profileId == profileId) && out.size() < limit)
                out << j;
        }
        return ready(Result<QList<sync::SyncJobRecord>>(out));
    }
};

} // namespace hh::test
