#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace hh::sync {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::sync", text);
}

QString isoOrEmpty(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseIso(const QJsonValue& v)
{
    if (!v.isString())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}
} // namespace

QString emrVendorKey(EmrVendor vendor)
{
    switch (vendor) {
    case EmrVendor::Epic:
        return QStringLiteral("epic");
    case EmrVendor::Athena:
        return QStringLiteral("athena");
    case EmrVendor::Other:
        break;
    }
    return QStringLiteral("other");
}

EmrVendor emrVendorFromKey(QStringView key)
{
    if (key.compare(u"epic", Qt::CaseInsensitive) == 0)
        return EmrVendor::Epic;
    if (key.compare(u"athena", Qt::CaseInsensitive) == 0)
        return EmrVendor::Athena;
    return EmrVendor::Other;
}

QString jobStatusKey(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QStringLiteral("queued");
    case JobStatus::Running:
        return QStringLiteral("running");
    case JobStatus::Success:
        return QStringLiteral("success");
    case JobStatus::Partial:
        return QStringLiteral("partial");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    case JobStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

std::optional<JobStatus> jobStatusFromKey(QStringView key)
{
    for (JobStatus s : {JobStatus::Queued, JobStatus::Running, JobStatus::Success, JobStatus::Partial,
                        JobStatus::Failed, JobStatus::Cancelled}) {
        if (key == jobStatusKey(s))
            return s;
    }
    return std::nullopt;
}

QString jobStatusLabel(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return tr("Waiting");
    case JobStatus::Running:
        return tr("Syncing");
    case JobStatus::Success:
        return tr("Synced");
    case JobStatus::Partial:
        return tr("Synced, some data unavailable");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString profileSyncStatusKey(ProfileSyncStatus status)
{
    switch (status) {
    case ProfileSyncStatus::Absent:
        return QStringLiteral("absent");
    case ProfileSyncStatus::Syncing:
        return QStringLiteral("syncing");
    case ProfileSyncStatus::Ready:
        return QStringLiteral("ready");
    case ProfileSyncStatus::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("absent");
}

QString syncScheduleKey(SyncSchedule schedule)
{
    switch (schedule) {
    case SyncSchedule::Off:
        return QStringLiteral("off");
    case SyncSchedule::Daily:
        return QStringLiteral("daily");
    case SyncSchedule::OnStartup:
        return QStringLiteral("startup");
    }
    return QStringLiteral("off");
}

std::optional<SyncSchedule> syncScheduleFromKey(QStringView key)
{
    for (SyncSchedule s : {SyncSchedule::Off, SyncSchedule::Daily, SyncSchedule::OnStartup}) {
        if (key == syncScheduleKey(s))
            return s;
    }
    return std::nullopt;
}

QString queryResultKindKey(QueryResultKind kind)
{
    switch (kind) {
    case QueryResultKind::Ok:
        return QStringLiteral("ok");
    case QueryResultKind::Unavailable:
        return QStringLiteral("unavailable");
    case QueryResultKind::Failed:
        return QStringLiteral("failed");
    case QueryResultKind::Skipped:
        return QStringLiteral("skipped");
    case QueryResultKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

QJsonObject QueryResult::toJson() const
{
    QJsonArray issueArray;
    for (const SyncIssue& issue : issues) {
        QJsonObject o{{QStringLiteral("severity"), issue.severity}, {QStringLiteral("code"), issue.code}};
        if (!issue.text.isEmpty())
            o.insert(QStringLiteral("text"), issue.text);
        issueArray.append(o);
    }
    QJsonObject o{
        {QStringLiteral("type"), resourceType},
        {QStringLiteral("query"), query},
        {QStringLiteral("result"), queryResultKindKey(kind)},
        {QStringLiteral("status"), httpStatus},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("resources"), resources},
    };
    if (!issueArray.isEmpty())
        o.insert(QStringLiteral("issues"), issueArray);
    return o;
}

QByteArray SyncCheckpoint::toJson() const
{
    QJsonObject o{{QStringLiteral("v"), 1}};
    if (hasPass()) {
        o.insert(QStringLiteral("pass"), QJsonObject{
                                             {QStringLiteral("job"), passJobId},
                                             {QStringLiteral("started"), isoOrEmpty(passStartedAt)},
                                             {QStringLiteral("full"), passFull},
                                             {QStringLiteral("done"), QJsonArray::fromStringList(doneQueries)},
                                         });
    }
    if (lastCompletePassAt.isValid())
        o.insert(QStringLiteral("lastCompletePassAt"), isoOrEmpty(lastCompletePassAt));
    if (lastFullPassAt.isValid())
        o.insert(QStringLiteral("lastFullPassAt"), isoOrEmpty(lastFullPassAt));
    if (!answeredQueries.isEmpty())
        o.insert(QStringLiteral("answered"), QJsonArray::fromStringList(answeredQueries));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SyncJobResult SyncJobResult::about(const SyncTarget& target)
{
    SyncJobResult r;
    r.profileId = target.profileId;
    r.profileName = target.profileName;
    r.connectionId = target.connectionId;
    r.endpointId = target.endpointId;
    r.endpointName = target.endpointName;
    return r;
}

SyncCheckpoint SyncCheckpoint::fromJson(const QByteArray& json)
{
    SyncCheckpoint c;
    if (json.trimmed().isEmpty())
        return c;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return c;
    const QJsonObject o = doc.object();
    const QJsonObject pass = o.value(QStringLiteral("pass")).toObject();
    c.passJobId = pass.value(QStringLiteral("job")).toString();
    c.passStartedAt = parseIso(pass.value(QStringLiteral("started")));
    c.passFull = pass.value(QStringLiteral("full")).toBool(true);
    for (const QJsonValue& v : pass.value(QStringLiteral("done")).toArray()) {
        if (v.isString())
            c.doneQueries.append(v.toString());
    }
    if (c.hasPass() && !c.passStartedAt.isValid())
        c = SyncCheckpoint{}; // a pass without a start time cannot be trusted
    c.lastCompletePassAt = parseIso(o.value(QStringLiteral("lastCompletePassAt")));
    c.lastFullPassAt = parseIso(o.value(QStringLiteral("lastFullPassAt")));
    for (const QJsonValue& v : o.value(QStringLiteral("answered")).toArray()) {
        if (v.isString())
            c.answeredQueries.append(v.toString());
    }
    return c;
}

void registerSyncMetaTypes()
{
    qRegisterMetaType<hh::sync::SyncProgress>();
    qRegisterMetaType<hh::sync::SyncJobResult>();
    qRegisterMetaType<hh::sync::SyncJobRecord>();
    qRegisterMetaType<hh::sync::ConnectionSyncInfo>();
    qRegisterMetaType<hh::Error>();
}

} // namespace hh::sync
