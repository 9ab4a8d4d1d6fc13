#include "db/SyncStore.h"

#include "db/ConnectionFactory.h"
#include "db/NormalizedRow.h"
#include "db/SyncSession.h"

#include "core/Domain.h"
#include "core/clinical/NormalizeContext.h"

#include <QJsonDocument>

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

void SyncStore::prepare(const sync::SyncTarget& target, QList<sync::RawResource>& resources) const
{
    clinical::NormalizeContext context;
    context.provider = sync::emrVendorKey(target.vendor);
    context.endpointId = target.endpointId;
    context.connectionId = target.connectionId;
    for (sync::RawResource& r : resources) {
        if (!normalizedWhenStored(r.resourceType))
            continue;
        r.rowId = newOrderedId();
        context.rawId = r.rowId;
        const QJsonObject object = r.object.isEmpty() ? QJsonDocument::fromJson(r.json).object() : r.object;
        r.derived = std::make_shared<const NormalizedRow>(NormalizedRow::make(object, r.resourceType, r.resourceId, context));
    }
}

void SyncStore::releaseThread()
{
    m_factory->releaseThreadConnections();
}

} // namespace hh::db
