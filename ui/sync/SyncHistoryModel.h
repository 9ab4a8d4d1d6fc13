#pragma once

#include "core/sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace hh::ui {

// The sync history (profile_sync_jobs rows, newest first) as a table: started, profile, health system,
// result, records, problem. Filled by SyncPanel from hh::sync::ISyncHistory; never touches the vault.
class SyncHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHistoryModel)

public:
    enum Column { StartedColumn, ProfileColumn, EndpointColumn, StatusColumn, RecordsColumn, ErrorColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, StatusKeyRole };

    explicit SyncHistoryModel(QObject* parent = nullptr);
    ~SyncHistoryModel() override;

    void setJobs(const QList<sync::SyncJobRecord>& jobs);
    [[nodiscard]] const QList<sync::SyncJobRecord>& jobs() const { return m_jobs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "12 Mar 2025 14:03" in the user's locale, from the stored UTC ISO time; empty for none.
    [[nodiscard]] static QString formatTime(const QString& isoUtc);

private:
    [[nodiscard]] static QString problemText(const sync::SyncJobRecord& job);

    QList<sync::SyncJobRecord> m_jobs;
};

} // namespace hh::ui
