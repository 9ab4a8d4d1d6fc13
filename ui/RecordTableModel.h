#pragma once

#include "core/records/RecordTypes.h"
#include "ui/PagedTableModel.h"

#include <QList>
#include <QPointer>

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// Clean records of one kind for a table (or the encounter timeline), fetched a page at a time from
// IRecordsService as the view scrolls (PagedTableModel). Sorting and filtering are the
// service's: sort() and the filter setters start over from the first page, so tens of thousands of
// records never travel to the GUI at once. GUI thread only; never blocks.
class RecordTableModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        RecordRole,        // QVariant<records::RecordRow>
        EffectiveAtRole,   // stored ISO text
        ConflictRole,      // bool
        AbnormalRole,      // bool
        SortKeyRole,       // what the column sorts by in the service (int(records::RecordSort)), or -1
    };

    // The columns a kind shows, in order.
    enum class Column { Name, Status, Date, End, Code, Sources, Details, Criticality, Reactions, Value, Flag, Range,
                        Format, Class, Place };

    explicit RecordTableModel(records::RecordKind kind, QObject* parent = nullptr);
    ~RecordTableModel() override;

    void setService(records::IRecordsService* service);
    [[nodiscard]] records::RecordKind kind() const { return m_query.kind; }

    // Setting the profile, a filter or the code clears the rows; reload() (or a view's fetchMore)
    // reads the first page.
    void setProfileId(const QString& profileId) override;
    [[nodiscard]] const QString& profileId() const { return m_query.profileId; }
    void setFilterText(const QString& text) override;
    void setStatusFilter(records::StatusFilter status);
    // Another family member: no filter text, the given status; nothing is read (setProfileId() follows).
    void resetFilters(records::StatusFilter status);
    // Only the results of one test (Observations).
    void setCode(const QString& system, const QString& code);
    [[nodiscard]] const records::RecordQuery& query() const { return m_query; }

    [[nodiscard]] const QList<records::RecordRow>& rows() const { return m_rows; }
    [[nodiscard]] int rowOf(const QString& recordId) const;
    [[nodiscard]] QList<Column> columns() const { return m_columns; }
    [[nodiscard]] int columnOf(Column column) const { return static_cast<int>(m_columns.indexOf(column)); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    [[nodiscard]] bool canRead() const override;
    void dropRows() override;
    void requestPage(int offset, int limit) override;
    void requestRefresh(int limit) override;
    [[nodiscard]] QVariant display(const records::RecordRow& row, Column column) const;
    [[nodiscard]] static int sortKeyOf(Column column);

    QPointer<records::IRecordsService> m_service;
    records::RecordQuery m_query;
    QList<Column> m_columns;
    QList<records::RecordRow> m_rows;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace hh::ui
