#include "ui/SearchResultsView.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/SearchResultsModel.h"
#include "ui/TableSetup.h"
#include "ui/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

SearchResultsView::SearchResultsView(IRecordsService* service, QWidget* parent)
    : QWidget(parent),
      m_service(service),
      m_model(new SearchResultsModel(this)),
      m_heading(new QLabel(this)),
      m_status(new QLabel(this)),
      m_table(new QTableView(this))
{
    setObjectName(u"searchResultsView"_s);
    m_heading->setObjectName(u"searchHeadingLabel"_s);
    m_heading->setFont(headingFont(font()));
    m_heading->setTextFormat(Qt::PlainText);
    m_status->setObjectName(u"searchStatusLabel"_s);
    m_status->setWordWrap(true);
    m_table->setObjectName(u"searchResultsTableView"_s);
    m_table->setAccessibleName(tr("Search results"));
    m_table->setModel(m_model);
    configureRecordTable(m_table);
    m_table->setSortingEnabled(false); // newest first, as the service ranks them
    m_table->setColumnWidth(SearchResultsModel::NameColumn, m_table->fontMetrics().averageCharWidth() * 40);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const SearchHit* hit = m_model->hitAt(index.row()))
            Q_EMIT hitActivated(*hit);
    });
}

SearchResultsView::~SearchResultsView() = default;

void SearchResultsView::clear()
{
    ++m_generation;
    m_text.clear();
    m_searching = false;
    m_model->clear();
    m_heading->clear();
    m_status->clear();
}

void SearchResultsView::search(const QString& text, const QString& profileId)
{
    m_text = text.trimmed();
    const quint64 generation = ++m_generation;
    m_table->setColumnHidden(SearchResultsModel::PersonColumn, !profileId.isEmpty());
    m_heading->setText(tr("Results for “%1”").arg(m_text));
    if (m_text.isEmpty() || !m_service) {
        m_model->clear();
        m_status->setText(tr("Type a name or a code to search."));
        Q_EMIT finished(0);
        return;
    }
    m_searching = true;
    m_status->setText(tr("Searching…"));
    SearchQuery q;
    q.text = m_text;
    q.profileId = profileId;
    whenFinished(m_service->search(q), this, [this, generation](const Result<QList<SearchHit>>& r) {
        if (generation != m_generation)
            return;
        m_searching = false;
        if (!r.ok()) {
            m_model->clear();
            m_status->setText(r.error().message().isEmpty() ? tr("The search failed.") : r.error().message());
            Q_EMIT finished(0);
            return;
        }
        m_model->setHits(r.value());
        const int n = static_cast<int>(r->size());
        m_status->setText(n == 0 ? tr("Nothing found. Try another name or a code.")
                                 : tr("%Ln match(es). Press Enter to open one.", nullptr, n));
        if (n > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
        Q_EMIT finished(n);
    });
}

} // namespace hh::ui
