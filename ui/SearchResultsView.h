#pragma once

#include "core/records/RecordTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class SearchResultsModel;

// Results of a search by name or code, in one profile or across the family. Enter or double-click
// on a hit asks to open it. objectNames: searchHeadingLabel, searchStatusLabel,
// searchResultsTableView.
class SearchResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsView)
public:
    explicit SearchResultsView(records::IRecordsService* service, QWidget* parent = nullptr);
    ~SearchResultsView() override;

    // profileId empty: the whole family (a "Family member" column is shown).
    void search(const QString& text, const QString& profileId);
    void clear();
    [[nodiscard]] const QString& text() const { return m_text; }
    [[nodiscard]] bool isSearching() const { return m_searching; }
    [[nodiscard]] SearchResultsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }

Q_SIGNALS:
    void hitActivated(const hh::records::SearchHit& hit);
    void finished(int hits);

private:
    QPointer<records::IRecordsService> m_service;
    SearchResultsModel* m_model;
    QLabel* m_heading;
    QLabel* m_status;
    QTableView* m_table;
    QString m_text;
    quint64 m_generation = 0;
    bool m_searching = false;
};

} // namespace hh::ui
