#pragma once

#include "core/Result.h"
#include "core/records/RecordTypes.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// Labs & vitals: one row per test with its latest result, reference range, flag and trend, paged
// from IRecordsService::tests() like RecordTableModel (service-side sort and filter). GUI thread.
class TestTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestTableModel)
public:
    enum Role {
        TestRole = Qt::UserRole + 1, // QVariant<records::TestRow>
        AbnormalRole,
        TrendRole,                   // int(records::Trend)
    };
    enum Column { TestColumn, ResultColumn, RangeColumn, FlagColumn, TrendColumn, DateColumn, CountColumn,
                  KindColumn, ColumnCount };

    explicit TestTableModel(QObject* parent = nullptr);
    ~TestTableModel() override;

    void setService(records::IRecordsService* service);
    void setProfileId(const QString& profileId);
    [[nodiscard]] const QString& profileId() const { return m_query.profileId; }
    void setFilterText(const QString& text);
    void setKind(records::TestKind kind);
    void setAbnormalOnly(bool abnormalOnly);
    void setPageSize(int rows);
    [[nodiscard]] const records::TestQuery& query() const { return m_query; }

    // Reads the first page unless it is already there or on its way.
    void ensureLoaded();
    void reload();
    void refresh();

    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] bool isLoading() const { return m_fetching; }
    [[nodiscard]] const QList<records::TestRow>& rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(int totalCount);
    void loadFailed(const hh::Error& error);

private:
    void clearRows();
    void setFetching(bool fetching);

    QPointer<records::IRecordsService> m_service;
    records::TestQuery m_query;
    QList<records::TestRow> m_rows;
    int m_total = -1;
    int m_pageSize = 100;
    bool m_fetching = false;
    quint64 m_generation = 0;
};

} // namespace hh::ui
