#include "ui/sync/SyncHistoryModel.h"

#include "ui/RecordFormat.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace hh::ui {

using namespace hh::sync;

SyncHistoryModel::SyncHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

SyncHistoryModel::~SyncHistoryModel() = default;

void SyncHistoryModel::setJobs(const QList<SyncJobRecord>& jobs)
{
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int SyncHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int SyncHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncHistoryModel::formatTime(const QString& isoUtc)
{
    if (isoUtc.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!t.isValid())
        return isoUtc;
    return RecordFormat::calendarDateTime(t);
}

QString SyncHistoryModel::problemText(const SyncJobRecord& job)
{
    if (!job.errorMessage.isEmpty())
        return job.errorMessage;
    int unavailable = 0;
    for (const QJsonValue& v : job.errors) {
        if (v.toObject().value(QStringLiteral("result")).toString() == u"unavailable")
            ++unavailable;
    }
    if (unavailable > 0)
        return tr("%n kind(s) of record not offered by this health system", nullptr, unavailable);
    return {};
}

QVariant SyncHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const SyncJobRecord& job = m_jobs.at(index.row());
    if (role == JobIdRole)
        return job.jobId;
    if (role == StatusKeyRole)
        return jobStatusKey(job.status);
    if (role == Qt::TextAlignmentRole && index.column() == RecordsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == ErrorColumn || index.column() == StatusColumn)
            return problemText(job);
        if (index.column() == StartedColumn && !job.finishedAt.isEmpty())
            return tr("Finished %1").arg(formatTime(job.finishedAt));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case StartedColumn:
        return formatTime(job.startedAt);
    case ProfileColumn:
        return job.profileName;
    case EndpointColumn:
        return job.endpointName.isEmpty() ? job.provider : job.endpointName;
    case StatusColumn:
        return jobStatusLabel(job.status);
    case RecordsColumn:
        return QLocale().toString(job.resourcesFetched);
    case ErrorColumn:
        return problemText(job);
    default:
        return {};
    }
}

QVariant SyncHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ProfileColumn:
        return tr("Family member");
    case EndpointColumn:
        return tr("Health system");
    case StatusColumn:
        return tr("Result");
    case RecordsColumn:
        return tr("Records");
    case ErrorColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace hh::ui
