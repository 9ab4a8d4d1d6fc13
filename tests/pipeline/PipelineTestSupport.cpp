#include "pipeline/PipelineTestSupport.h"

#include "core/sync/ISyncStore.h"
#include "db/SyncStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace hh::pipelinetest {

QString demoEndpointId(demo::Vendor vendor)
{
    return vendor == demo::Vendor::Epic ? QStringLiteral("demo-epic") : QStringLiteral("demo-athena");
}

QList<sync::RawResource> demoPatientResources(const demo::SyntheticFamily& family, demo::Vendor vendor,
                                              const QString& patientKey)
{
    QStringList types = demo::SyntheticFamily::searchTypes(vendor);
    types << QStringLiteral("Patient") << demo::SyntheticFamily::referencedTypes();
    types.removeDuplicates();
    QList<sync::RawResource> out;
    for (const QString& type : std::as_const(types)) {
        family.forEach(vendor, patientKey, type, [&](const QJsonObject& o) {
            sync::RawResource r;
            r.resourceType = type;
            r.resourceId = o.value(QStringLiteral("id")).toString();
            r.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            r.hash = QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex();
            out.append(r);
            return true;
        });
    }
    return out;
}

Result<qint64> storeDemoPatient(const std::shared_ptr<db::ConnectionFactory>& factory, const QString& connectionId,
                                const demo::SyntheticFamily& family, demo::Vendor vendor, const QString& patientKey,
                                StoreMode mode)
{
    return storeResources(factory, connectionId, demoPatientResources(family, vendor, patientKey), mode);
}

Result<qint64> storeResources(const std::shared_ptr<db::ConnectionFactory>& factory, const QString& connectionId,
                              const QList<sync::RawResource>& resources, StoreMode mode)
{
    db::SyncStore store(factory);
    auto session = store.openSession();
    if (!session)
        return session.error();
    sync::SyncSelection selection;
    selection.scope = sync::SyncSelection::Scope::Connection;
    selection.id = connectionId;
    auto targets = (*session)->syncTargets(selection);
    if (!targets)
        return targets.error();
    if (targets->size() != 1)
        return Error(ErrorCode::NotFound, QStringLiteral("no such connection"), QStringLiteral("no target"));
    const sync::SyncTarget target = targets->constFirst();
    auto job = (*session)->beginJob(target);
    if (!job)
        return job.error();
    qint64 stored = 0;
    for (qsizetype start = 0; start < resources.size(); start += 500) {
        QList<sync::RawResource> page = resources.mid(start, 500);
        if (mode == StoreMode::AsSync)
            store.prepare(target, page);
        auto r = (*session)->storePage(*job, target, page, false);
        if (!r)
            return r.error();
        stored += std::min<qsizetype>(500, resources.size() - start);
    }
    sync::SyncJobResult result;
    result.jobId = *job;
    result.profileId = target.profileId;
    result.connectionId = connectionId;
    result.endpointId = target.endpointId;
    result.status = sync::JobStatus::Success;
    result.resourcesFetched = stored;
    if (Status st = (*session)->finishJob(result); !st)
        return st.error();
    session->reset();
    store.releaseThread();
    return stored;
}

} // namespace hh::pipelinetest
