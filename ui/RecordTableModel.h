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

// Clean records of one kind for a table (or the encounter timeline), fetched a page at a time from
// IRecordsService as the view scrolls (canFetchMore/fetchMore). Sorting and filtering are the
// service's: sort() and the filter setters start over from the first page, so tens of thousands of
// records never travel to the GUI at once. GUI thread only; never blocks.
class RecordTableModel final : public QAbstractTableModel
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
    void setProfileId(const QString& profileId);
    [[nodiscard]] const QString& profileId() const { return m_query.profileId; }
    void setFilterText(const QString& text);
    void setStatusFilter(records::StatusFilter status);
    // Only the results of one test (Observations).
    void setCode(const QString& system, const QString& code);
    void setPageSize(int rows);
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    [[nodiscard]] const records::RecordQuery& query() const { return m_query; }

    // Starts over from the first page.
    // Reads the first page unless it is already there or on its way.
    void ensureLoaded();
    void reload();
    // Re-reads the rows already shown (after a change of the profile's records), keeping the view's
    // place: rows are updated in place when the same records come back, else the model is reset.
    void refresh();

    [[nodiscard]] int totalCount() const { return m_total; } // -1 until the first page arrived
    [[nodiscard]] bool isLoading() const { return m_fetching; }
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
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // The first page of a (re)load arrived.
    void loaded(int totalCount);
    void loadFailed(const hh::Error& error);

private:
    void clearRows();
    void setFetching(bool fetching);
    [[nodiscard]] QVariant display(const records::RecordRow& row, Column column) const;
    [[nodiscard]] static int sortKeyOf(Column column);

    QPointer<records::IRecordsService> m_service;
    records::RecordQuery m_query;
    QList<Column> m_columns;
    QList<records::RecordRow> m_rows;
    int m_total = -1;
    int m_pageSize = 100;
    bool m_fetching = false;
    quint64 m_generation = 0; // answers of superseded requests are dropped
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace hh::ui
