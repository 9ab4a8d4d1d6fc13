#include "db/SyncStore.h"

#include "db/ConnectionFactory.h"
#include "db/SyncSession.h"

namespace hh::db {

SyncStore::SyncStore(std::shared_ptr<ConnectionFactory> factory, QString role)
    : m_factory(std::move(factory))
    , m_role(std::move(role))
{
}

SyncStore::~SyncStore() = default;

Result<std::unique_ptr<sync::ISyncSession>> SyncStore::openSession()
{
    Result<QSqlDatabase> db = m_factory->connection(m_role);
    if (!db)
        return db.error();
    return std::unique_ptr<sync::ISyncSession>(std::make_unique<SyncSession>(*db));
}

void SyncStore::releaseThread()
{
    m_factory->releaseThreadConnections();
}

} // namespace hh::db
