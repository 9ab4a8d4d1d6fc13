#pragma once

#include "core/records/RecordTypes.h"
#include "ui/PagedTableModel.h"

#include <QList>
#include <QPointer>

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// Labs & vitals: one row per test with its latest result, reference range, flag and trend, paged
// from IRecordsService::tests() like RecordTableModel (service-side sort and filter). GUI thread.
class TestTableModel final : public PagedTableModel
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
    void setProfileId(const QString& profileId) override;
    [[nodiscard]] const QString& profileId() const { return m_query.profileId; }
    void setFilterText(const QString& text) override;
    void setKind(records::TestKind kind);
    void setAbnormalOnly(bool abnormalOnly);
    // Another family member: no filter text, every kind, not only out of range; nothing is read
    // (setProfileId() follows).
    void resetFilters();
    [[nodiscard]] const records::TestQuery& query() const { return m_query; }

    [[nodiscard]] const QList<records::TestRow>& rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    [[nodiscard]] bool canRead() const override;
    void dropRows() override;
    void requestPage(int offset, int limit) override;
    void requestRefresh(int limit) override;

    QPointer<records::IRecordsService> m_service;
    records::TestQuery m_query;
    QList<records::TestRow> m_rows;
};

} // namespace hh::ui
