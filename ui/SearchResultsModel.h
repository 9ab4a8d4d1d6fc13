#pragma once

#include "core/records/RecordTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace hh::ui {

// Search hits for a table: name, kind, person (family search), date, code and how many records
// matched. Holds what the service delivered; the search page runs the query. GUI thread only.
class SearchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsModel)
public:
    enum Role { HitRole = Qt::UserRole + 1 };
    enum Column { NameColumn, KindColumn, PersonColumn, DateColumn, CodeColumn, CountColumn, ColumnCount };

    explicit SearchResultsModel(QObject* parent = nullptr);
    ~SearchResultsModel() override;

    void setHits(QList<records::SearchHit> hits);
    void clear();
    [[nodiscard]] const QList<records::SearchHit>& hits() const { return m_hits; }
    [[nodiscard]] const records::SearchHit* hitAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<records::SearchHit> m_hits;
};

} // namespace hh::ui
