#include "ui/EncountersSection.h"

#include "ui/RecordTableModel.h"
#include "ui/TimelineDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

EncountersSection::EncountersSection(IRecordsService* service, QWidget* parent)
    : ProfileSection(parent),
      m_model(new RecordTableModel(RecordKind::Encounters, this)),
      m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_list(new QListView(this)),
      m_filterTimer(new QTimer(this))
{
    setObjectName(u"encountersSection"_s);
    m_model->setService(service);
    m_filter->setObjectName(u"filterLineEdit"_s);
    m_filter->setPlaceholderText(tr("Filter visits by name"));
    m_filter->setAccessibleName(tr("Filter visits"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(u"countLabel"_s);
    m_details->setObjectName(u"detailsButton"_s);
    m_details->setAccessibleName(tr("Details"));
    m_details->setEnabled(false);
    m_list->setObjectName(u"encountersListView"_s);
    m_list->setAccessibleName(tr("Visits, newest first"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new TimelineDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(false);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_details);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text().trimmed()); });
    connect(m_model, &RecordTableModel::loaded, this, &EncountersSection::updateCount);
    connect(m_model, &RecordTableModel::loadingChanged, this, &EncountersSection::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EncountersSection::updateCount);
    connect(m_model, &RecordTableModel::loaded, this, [this] {
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_list, &QListView::activated, this, &EncountersSection::activateCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_details->setEnabled(current.isValid()); });
    connect(m_details, &QPushButton::clicked, this, &EncountersSection::activateCurrent);
    updateCount();
}

EncountersSection::~EncountersSection() = default;

void EncountersSection::setProfile(const Profile& profile)
{
    m_loaded = false;
    m_model->setProfileId(profile.id);
}

void EncountersSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_model->ensureLoaded();
}

void EncountersSection::refresh()
{
    if (m_loaded)
        m_model->refresh();
}

QWidget* EncountersSection::focusTarget() const
{
    return m_list;
}

void EncountersSection::activateCurrent()
{
    const QString id = m_list->currentIndex().data(RecordTableModel::RecordIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT recordActivated(id);
}

void EncountersSection::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    const int total = m_model->totalCount();
    if (total < 0)
        m_count->clear();
    else if (total == 0)
        m_count->setText(tr("No visits found."));
    else if (total == 1)
        m_count->setText(tr("1 visit"));
    else
        m_count->setText(tr("%1 visits").arg(QLocale().toString(total)));
}

} // namespace hh::ui
