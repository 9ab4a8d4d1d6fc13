#pragma once

#include "core/Log.h"
#include "core/Result.h"
#include "ui/Async.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>

namespace hh::ui {

// The lazy paging RecordTableModel and TestTableModel share: rows are read a page at a time from a
// service as the view scrolls (canFetchMore/fetchMore); a reload starts over from the first page, and
// answers to superseded requests are dropped. A subclass owns its query and its rows (a QList of the
// page's row type, whose size rowCount() reports); it starts reads in requestPage()/requestRefresh()
// and hands the answers to takePage()/takeRefresh(). GUI thread only; never blocks.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModel)
public:
    ~PagedTableModel() override;

    void setPageSize(int rows);
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    // Setting the profile clears the rows; setting the filter reads the first page again.
    virtual void setProfileId(const QString& profileId) = 0;
    virtual void setFilterText(const QString& text) = 0;

    // Reads the first page unless it is already there or on its way.
    void ensureLoaded();
    // Starts over from the first page.
    void reload();
    // Re-reads the rows already shown (after a change of the profile's records), keeping the view's
    // place: rows are updated in place when the same rows come back, else the model is reset.
    void refresh();

    [[nodiscard]] int totalCount() const { return m_total; } // -1 until the first page arrived
    [[nodiscard]] bool isLoading() const { return m_fetching; }

    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // The first page of a (re)load arrived.
    void loaded(int totalCount);
    void loadFailed(const hh::Error& error);

protected:
    explicit PagedTableModel(QObject* parent = nullptr);

    // Forgets the rows (the query changed): a view may ask for the first page right away.
    void clearRows();

    // Whether a read can be asked for at all (a service and a profile are set).
    [[nodiscard]] virtual bool canRead() const = 0;
    virtual void dropRows() = 0;
    // Reads rows [offset, offset + limit) and passes the answer to takePage().
    virtual void requestPage(int offset, int limit) = 0;
    // Reads the first `limit` rows again and passes the answer to takeRefresh().
    virtual void requestRefresh(int limit) = 0;

    // failureLog names what was read in the warning logged when reading fails (no PHI).
    template <typename Page, typename Row>
    void takePage(const QFuture<Result<Page>>& reply, QList<Row>& rows, int offset, const char* failureLog);
    // sameRow(a, b): the refreshed row a stands for the shown row b. reportErrors: a failed refresh
    // emits loadFailed (else it is dropped quietly).
    template <typename Page, typename Row, typename SameRow>
    void takeRefresh(const QFuture<Result<Page>>& reply, QList<Row>& rows, SameRow sameRow, bool reportErrors);

private:
    void setFetching(bool fetching);

    int m_total = -1;
    int m_pageSize = 100;
    bool m_fetching = false;
    quint64 m_generation = 0; // answers of superseded requests are dropped
};

template <typename Page, typename Row>
void PagedTableModel::takePage(const QFuture<Result<Page>>& reply, QList<Row>& rows, int offset,
                               const char* failureLog)
{
    const quint64 generation = m_generation;
    setFetching(true);
    whenFinished(reply, this, [this, &rows, generation, offset, failureLog](const Result<Page>& r) {
        if (generation != m_generation)
            return;
        // Still "fetching" while the rows go in: a view (or model tester) reacting to rowsInserted
        // must not ask for the same page again.
        if (!r.ok()) {
            setFetching(false);
            if (r.error().code() != ErrorCode::Cancelled) {
                qCWarning(lcUi) << failureLog << r.error().detail();
                Q_EMIT loadFailed(r.error());
            }
            m_total = static_cast<int>(rows.size()); // stop asking
            return;
        }
        if (offset != rows.size()) {
            setFetching(false);
            return;
        }
        const Page& page = r.value();
        m_total = page.totalCount;
        if (!page.rows.isEmpty()) {
            const int from = static_cast<int>(rows.size());
            beginInsertRows(QModelIndex(), from, from + static_cast<int>(page.rows.size()) - 1);
            rows.append(page.rows);
            endInsertRows();
        }
        setFetching(false);
        if (offset == 0)
            Q_EMIT loaded(m_total);
    });
}

template <typename Page, typename Row, typename SameRow>
void PagedTableModel::takeRefresh(const QFuture<Result<Page>>& reply, QList<Row>& rows, SameRow sameRow,
                                  bool reportErrors)
{
    const quint64 generation = ++m_generation;
    setFetching(true);
    whenFinished(reply, this, [this, &rows, generation, sameRow, reportErrors](const Result<Page>& r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setFetching(false);
            if (reportErrors && r.error().code() != ErrorCode::Cancelled)
                Q_EMIT loadFailed(r.error());
            return;
        }
        const Page& page = r.value();
        bool same = page.rows.size() == rows.size();
        for (qsizetype i = 0; same && i < page.rows.size(); ++i)
            same = sameRow(page.rows.at(i), rows.at(i));
        m_total = page.totalCount;
        if (same) {
            rows = page.rows;
            if (!rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(rows.size()) - 1, columnCount() - 1));
        } else {
            beginResetModel();
            rows = page.rows;
            endResetModel();
        }
        setFetching(false);
    });
}

} // namespace hh::ui
