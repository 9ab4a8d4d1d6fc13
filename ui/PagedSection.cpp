#include "ui/PagedSection.h"

#include "ui/PagedTableModel.h"

#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

PagedSection::PagedSection(QWidget* parent)
    : ProfileSection(parent), m_filter(new QLineEdit(this)), m_countLabel(new QLabel(this))
{
    m_filter->setObjectName(u"filterLineEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_countLabel->setObjectName(u"countLabel"_s);
}

PagedSection::~PagedSection() = default;

void PagedSection::setUpPaging(PagedTableModel* model, QAbstractItemView* view, const QString& filterPlaceholder,
                               const QString& filterAccessibleName)
{
    m_paged = model;
    m_view = view;
    m_filter->setPlaceholderText(filterPlaceholder);
    m_filter->setAccessibleName(filterAccessibleName);

    auto* filterTimer = new QTimer(this);
    filterTimer->setSingleShot(true);
    filterTimer->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
    connect(filterTimer, &QTimer::timeout, this,
            [this, model] { model->setFilterText(m_filter->text().trimmed()); });
    connect(model, &PagedTableModel::loaded, this, &PagedSection::updateCount);
    connect(model, &PagedTableModel::loadingChanged, this, &PagedSection::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &PagedSection::updateCount);
    connect(model, &PagedTableModel::loaded, this, [model, view] {
        if (!view->currentIndex().isValid() && model->rowCount() > 0)
            view->setCurrentIndex(model->index(0, 0));
    });
}

void PagedSection::layOut(const QList<std::pair<QWidget*, int>>& bar, QWidget* content)
{
    auto* barLayout = new QHBoxLayout;
    for (const auto& [widget, stretch] : bar)
        barLayout->addWidget(widget, stretch);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(barLayout);
    layout->addWidget(content, 1);
}

void PagedSection::showLoadFailures(const QString& fallback)
{
    connect(m_paged, &PagedTableModel::loadFailed, this, [this, fallback](const Error& e) {
        m_countLabel->setText(e.message().isEmpty() ? fallback : e.message());
    });
}

void PagedSection::setUpRowButton(QPushButton* button, const QString& objectName, const QString& accessibleName)
{
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setEnabled(false);
}

void PagedSection::setProfile(const Profile& profile)
{
    if (profile.id != m_profileId) {
        m_profileId = profile.id;
        clearFilters();
    }
    m_loaded = false;
    m_paged->setProfileId(profile.id);
}

void PagedSection::clearFilters()
{
    const QSignalBlocker blocker(m_filter);
    m_filter->clear();
}

void PagedSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_paged->ensureLoaded();
}

void PagedSection::refresh()
{
    if (m_loaded)
        m_paged->refresh();
}

QWidget* PagedSection::focusTarget() const
{
    return m_view;
}

void PagedSection::updateCount()
{
    const CountTexts texts = countTexts();
    if (m_paged->isLoading() && m_paged->rowCount() == 0) {
        m_countLabel->setText(texts.loading);
        return;
    }
    const int total = m_paged->totalCount();
    if (total < 0)
        m_countLabel->clear();
    else if (total == 0)
        m_countLabel->setText(texts.none);
    else
        m_countLabel->setText(texts.count(total));
}

} // namespace hh::ui
