#include "ui/FamilyPage.h"

#include "ui/ProfileCardDelegate.h"
#include "ui/ProfileListModel.h"
#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

FamilyPage::FamilyPage(ProfileListModel* model, QWidget* parent)
    : QWidget(parent),
      m_model(model),
      m_stack(new QStackedWidget(this)),
      m_loadingPage(new QWidget(m_stack)),
      m_emptyPage(new QWidget(m_stack)),
      m_list(new QListView(m_stack)),
      m_addButton(new QPushButton(tr("A&dd family member"), m_emptyPage)),
      m_search(new QLineEdit(this)),
      m_syncAll(new QPushButton(tr("S&ync all"), this)),
      m_syncProgress(new QProgressBar(this)),
      m_syncStatus(new QLabel(this))
{
    setObjectName(u"familyPage"_s);
    m_stack->setObjectName(u"familyStackedWidget"_s);

    // Loading state.
    auto* loadingLabel = new QLabel(tr("Opening your family's profiles…"), m_loadingPage);
    loadingLabel->setObjectName(u"loadingLabel"_s);
    loadingLabel->setAlignment(Qt::AlignCenter);
    auto* loadingLayout = new QVBoxLayout(m_loadingPage);
    loadingLayout->addWidget(loadingLabel);

    // Empty state.
    m_emptyPage->setObjectName(u"emptyStatePage"_s);
    auto* emptyHeading = new QLabel(tr("Nobody here yet"), m_emptyPage);
    emptyHeading->setFont(headingFont(font()));
    emptyHeading->setAlignment(Qt::AlignCenter);
    auto* emptyText = new QLabel(tr("Add the first family member — yourself, a parent, a child — to start keeping "
                                    "their health records together."),
                                 m_emptyPage);
    emptyText->setObjectName(u"emptyStateLabel"_s);
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setMaximumWidth(fontMetrics().averageCharWidth() * 60);
    m_addButton->setObjectName(u"addProfileButton"_s);
    m_addButton->setAccessibleName(tr("Add family member"));
    m_addButton->setIcon(themedIcon(u"list-add"_s, u":/icons/add.svg"_s));
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_addButton);
    buttonRow->addStretch(1);
    auto* emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyHeading);
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addSpacing(8);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(2);

    // The cards.
    m_list->setObjectName(u"profileListView"_s);
    m_list->setAccessibleName(tr("Family members"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWrapping(true);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(8);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionRectVisible(false);
    m_list->setMouseTracking(true); // hover highlight
    m_list->setFrameShape(QFrame::NoFrame);
    // Cards are painted with Base; the space between them takes the window color so they stand out.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->setItemDelegate(new ProfileCardDelegate(m_list));
    m_list->setModel(m_model);

    m_stack->addWidget(m_loadingPage);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_list);

    // Dashboard header: title, family search, sync all.
    auto* title = new QLabel(tr("Your family"), this);
    title->setObjectName(u"familyTitleLabel"_s);
    title->setFont(headingFont(font()));
    m_search->setObjectName(u"familySearchLineEdit"_s);
    m_search->setPlaceholderText(tr("Search everyone's records (name or code)"));
    m_search->setAccessibleName(tr("Search the family's records"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 32);
    m_syncAll->setObjectName(u"syncAllButton"_s);
    m_syncAll->setAccessibleName(tr("Sync all"));
    m_syncAll->setIcon(themedIcon(u"view-refresh"_s, u":/icons/sync.svg"_s));
    m_syncAll->setToolTip(tr("Fetch new records from every connected health system"));
    m_syncProgress->setObjectName(u"syncAllProgressBar"_s);
    m_syncProgress->setAccessibleName(tr("Sync progress"));
    m_syncProgress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_syncProgress->setTextVisible(false);
    m_syncProgress->hide();
    m_syncStatus->setObjectName(u"syncStatusLabel"_s);
    m_syncStatus->setTextFormat(Qt::PlainText);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_syncStatus);
    header->addWidget(m_syncProgress);
    header->addWidget(m_syncAll);
    header->addSpacing(12);
    header->addWidget(m_search);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(header);
    layout->addWidget(m_stack);

    connect(m_addButton, &QPushButton::clicked, this, &FamilyPage::addRequested);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_search->text().trimmed().isEmpty())
            Q_EMIT searchRequested(m_search->text().trimmed());
    });
    connect(m_syncAll, &QPushButton::clicked, this, [this] {
        if (m_syncRunning)
            Q_EMIT cancelSyncRequested();
        else
            Q_EMIT syncAllRequested();
    });
    setSyncAvailable(false);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT profileActivated(index.data(ProfileListModel::ProfileIdRole).toString());
    });
    // A card counts as chosen when it is current and selected (removal moves "current" but clears the
    // selection, so Edit/Remove must not silently apply to a neighbour).
    auto notify = [this] { Q_EMIT currentProfileChanged(currentProfileId()); };
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, notify);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, notify);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FamilyPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FamilyPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FamilyPage::updateState);
    updateState();
}

FamilyPage::~FamilyPage() = default;

FamilyPage::State FamilyPage::state() const
{
    if (m_stack->currentWidget() == m_loadingPage)
        return State::Loading;
    return m_stack->currentWidget() == m_emptyPage ? State::Empty : State::List;
}

void FamilyPage::setLoading(bool loading)
{
    m_loading = loading;
    updateState();
}

void FamilyPage::updateState()
{
    QWidget* target = m_loading ? m_loadingPage : (m_model->rowCount() == 0 ? m_emptyPage : m_list);
    if (m_stack->currentWidget() == target)
        return;
    const bool hadFocus = m_stack->currentWidget() && m_stack->currentWidget()->hasFocus();
    m_stack->setCurrentWidget(target);
    if (target == m_list) {
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0, 0));
        m_list->setFocus();
    } else if (target == m_emptyPage && (hadFocus || isVisible())) {
        m_addButton->setFocus();
    }
}

void FamilyPage::setSyncAvailable(bool available)
{
    m_syncAll->setVisible(available);
    if (!available) {
        m_syncProgress->hide();
        m_syncStatus->clear();
        m_syncRunning = false;
    }
}

void FamilyPage::setSyncRunning(int done, int total)
{
    m_syncRunning = true;
    m_syncAll->setText(tr("Cancel s&ync"));
    m_syncAll->setAccessibleName(tr("Cancel sync"));
    m_syncProgress->setRange(0, std::max(total, 1));
    m_syncProgress->setValue(std::min(done, std::max(total, 1)));
    m_syncProgress->show();
    const QLocale locale;
    m_syncStatus->setText(total > 0 ? tr("Syncing %1 of %2…")
                                          .arg(locale.toString(std::min(done + 1, total)), locale.toString(total))
                                    : tr("Syncing…"));
}

void FamilyPage::setSyncIdle(const QString& message)
{
    m_syncRunning = false;
    m_syncAll->setText(tr("S&ync all"));
    m_syncAll->setAccessibleName(tr("Sync all"));
    m_syncProgress->hide();
    m_syncStatus->setText(message);
}

QString FamilyPage::currentProfileId() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isSelected(current))
        return {};
    return current.data(ProfileListModel::ProfileIdRole).toString();
}

void FamilyPage::selectProfile(const QString& profileId)
{
    const int row = m_model->rowOf(profileId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

} // namespace hh::ui
