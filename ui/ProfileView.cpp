#include "ui/ProfileView.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/DocumentsSection.h"
#include "ui/EncountersSection.h"
#include "ui/LabsSection.h"
#include "ui/ProfileListModel.h"
#include "ui/RecordDetailsDialog.h"
#include "ui/RecordFormat.h"
#include "ui/RecordsSection.h"
#include "ui/SearchResultsView.h"
#include "ui/SourcesSection.h"
#include "ui/SummarySection.h"
#include "ui/TestChartDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
QPixmap avatarPixmap(const Profile& p, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter painter(&pm);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(avatarColor(p.id.isEmpty() ? p.displayName : p.id));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont f;
    f.setPixelSize(std::max(10, size * 2 / 5));
    f.setWeight(QFont::DemiBold);
    painter.setFont(f);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initialsOf(p.displayName));
    return pm;
}
} // namespace

ProfileView::ProfileView(const SessionServices& services, QWidget* parent)
    : QWidget(parent),
      m_services(services),
      m_back(new QToolButton(this)),
      m_avatar(new QLabel(this)),
      m_name(new QLabel(this)),
      m_details(new QLabel(this)),
      m_sync(new QLabel(this)),
      m_searchEdit(new QLineEdit(this)),
      m_exportPdf(new QPushButton(tr("E&xport visit summary…"), this)),
      m_nav(new QListWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_search(new SearchResultsView(services.records.data(), this))
{
    setObjectName(u"profileView"_s);
    m_services.owner.reset();
    IRecordsService* records = m_services.records.data();

    // Header.
    m_back->setObjectName(u"backToFamilyButton"_s);
    m_back->setText(tr("Family"));
    m_back->setIcon(themedIcon(u"go-previous"_s, u":/icons/back.svg"_s));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setAccessibleName(tr("Back to the family"));
    m_back->setToolTip(tr("Back to the family (Alt+Left)"));
    m_back->setAutoRaise(true);
    m_avatar->setObjectName(u"profileAvatarLabel"_s);
    m_avatar->setAccessibleName(tr("Avatar"));
    m_name->setObjectName(u"profileNameLabel"_s);
    m_name->setFont(headingFont(font()));
    m_name->setTextFormat(Qt::PlainText);
    m_details->setObjectName(u"profileDetailsLabel"_s);
    m_details->setTextFormat(Qt::PlainText);
    m_sync->setObjectName(u"profileSyncLabel"_s);
    m_sync->setTextFormat(Qt::PlainText);
    m_sync->setWordWrap(true);
    m_searchEdit->setObjectName(u"profileSearchLineEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search by name or code"));
    m_searchEdit->setAccessibleName(tr("Search this person's records"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_searchEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    m_exportPdf->setObjectName(u"exportPdfButton"_s);
    m_exportPdf->setAccessibleName(tr("Export visit summary as PDF"));
    m_exportPdf->setIcon(QIcon(u":/icons/export-pdf.svg"_s));
    m_exportPdf->setEnabled(records != nullptr);

    auto* nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(2);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_details);
    nameColumn->addWidget(m_sync);
    auto* header = new QHBoxLayout;
    header->addWidget(m_back, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(nameColumn, 1);
    auto* actions = new QVBoxLayout;
    actions->addWidget(m_searchEdit);
    actions->addWidget(m_exportPdf, 0, Qt::AlignRight);
    header->addLayout(actions);

    // Sections.
    m_nav->setObjectName(u"sectionListWidget"_s);
    m_nav->setAccessibleName(tr("Sections"));
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setSpacing(1);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->viewport()->setBackgroundRole(QPalette::Window);
    m_stack->setObjectName(u"sectionStackedWidget"_s);

    addSection(Section::Summary, tr("Summary"), u"summary"_s, new SummarySection(records, this));
    addSection(Section::Conditions, tr("Conditions"), u"conditions"_s,
               new RecordsSection(RecordKind::Conditions, records, this));
    addSection(Section::Medications, tr("Medications"), u"medications"_s,
               new RecordsSection(RecordKind::Medications, records, this));
    addSection(Section::Allergies, tr("Allergies"), u"allergies"_s,
               new RecordsSection(RecordKind::Allergies, records, this));
    addSection(Section::Labs, tr("Labs & vitals"), u"labs"_s, new LabsSection(records, this));
    addSection(Section::Immunizations, tr("Immunizations"), u"immunizations"_s,
               new RecordsSection(RecordKind::Immunizations, records, this));
    addSection(Section::Encounters, tr("Visits"), u"encounters"_s, new EncountersSection(records, this));
    addSection(Section::Documents, tr("Documents"), u"documents"_s, new DocumentsSection(records, this));
    addSection(Section::Sources, tr("Sources & sync history"), u"sources"_s, new SourcesSection(m_services, this));
    // Search results: a section of their own, listed once a search ran.
    m_order.append(Section::Search);
    auto* searchItem = new QListWidgetItem(QIcon(u":/icons/search.svg"_s), tr("Search results"), m_nav);
    searchItem->setData(Qt::AccessibleTextRole, tr("Search results"));
    m_stack->addWidget(m_search);
    m_nav->setRowHidden(m_nav->count() - 1, true);
    m_nav->setFixedWidth(std::max(m_nav->sizeHintForColumn(0) + 24, fontMetrics().averageCharWidth() * 26));

    auto* body = new QHBoxLayout;
    body->addWidget(m_nav);
    body->addWidget(m_stack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addLayout(body, 1);

    // Keyboard.
    auto* back = new QAction(tr("Back to the family"), this);
    back->setObjectName(u"backAction"_s);
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(back);
    connect(back, &QAction::triggered, this, &ProfileView::backRequested);
    for (int i = 0; i < 9 && i < m_order.size(); ++i) {
        auto* go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        go->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(go);
        const Section s = m_order.at(i);
        connect(go, &QAction::triggered, this, [this, s] {
            showSection(s);
            if (auto* sec = section(s))
                sec->focusTarget()->setFocus();
        });
    }

    connect(m_back, &QToolButton::clicked, this, &ProfileView::backRequested);
    connect(m_exportPdf, &QPushButton::clicked, this, &ProfileView::exportPdfRequested);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] { search(m_searchEdit->text()); });
    connect(m_search, &SearchResultsView::hitActivated, this, &ProfileView::openHit);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_order.size())
            return;
        const Section s = m_order.at(row);
        if (s == Section::Search)
            m_stack->setCurrentWidget(m_search);
        else if (ProfileSection* sec = section(s)) {
            m_stack->setCurrentWidget(sec);
            sec->ensureLoaded();
        }
        Q_EMIT sectionChanged(s);
    });
    if (records)
        connect(records, &IRecordsService::profileChanged, this, [this](const QString& id) {
            if (!m_profile.id.isEmpty() && (id == m_profile.id || id.isEmpty()))
                refresh();
        });
    m_nav->setCurrentRow(0);
}

ProfileView::~ProfileView() = default;

RecordDetailsDialog* ProfileView::recordDialog() const
{
    return m_recordDialog.data();
}

TestChartDialog* ProfileView::chartDialog() const
{
    return m_chartDialog.data();
}

void ProfileView::addSection(Section s, const QString& label, const QString& icon, ProfileSection* widget)
{
    m_order.append(s);
    m_sections.insert(s, widget);
    auto* item = new QListWidgetItem(QIcon(u":/icons/section-%1.svg"_s.arg(icon)), label, m_nav);
    item->setData(Qt::AccessibleTextRole, label);
    const int n = static_cast<int>(m_order.size());
    if (n <= 9)
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(label).arg(n));
    m_stack->addWidget(widget);
    connect(widget, &ProfileSection::recordActivated, this, &ProfileView::openRecord);
    connect(widget, &ProfileSection::recordKeyActivated, this, &ProfileView::openRecordByKey);
    connect(widget, &ProfileSection::chartRequested, this, &ProfileView::openChart);
    connect(widget, &ProfileSection::connectRequested, this, &ProfileView::connectRequested);
}

ProfileSection* ProfileView::section(Section s) const
{
    return m_sections.value(s, nullptr);
}

void ProfileView::setProfile(const Profile& profile)
{
    const bool same = profile.id == m_profile.id;
    m_profile = profile;
    if (!same) {
        if (m_recordDialog)
            m_recordDialog->close();
        if (m_chartDialog)
            m_chartDialog->close();
        m_overview = {};
        m_overview.profileId = profile.id;
        m_search->clear();
        m_searchEdit->clear();
        m_nav->setRowHidden(static_cast<int>(m_order.indexOf(Section::Search)), true);
    }
    for (ProfileSection* s : std::as_const(m_sections))
        s->setProfile(profile);
    updateHeader();
    loadOverview();
    if (!same)
        showSection(Section::Summary);
    else if (ProfileSection* current = qobject_cast<ProfileSection*>(m_stack->currentWidget()))
        current->ensureLoaded();
}

void ProfileView::showSection(Section s)
{
    const int row = static_cast<int>(m_order.indexOf(s));
    if (row < 0)
        return;
    m_nav->setRowHidden(row, false);
    if (m_nav->currentRow() == row) {
        if (ProfileSection* sec = section(s))
            sec->ensureLoaded();
        return;
    }
    m_nav->setCurrentRow(row);
}

ProfileView::Section ProfileView::currentSection() const
{
    const int row = m_nav->currentRow();
    return row >= 0 && row < m_order.size() ? m_order.at(row) : Section::Summary;
}

void ProfileView::search(const QString& text)
{
    if (m_searchEdit->text() != text)
        m_searchEdit->setText(text);
    m_search->search(text, m_profile.id);
    showSection(Section::Search);
    m_search->tableView()->setFocus();
}

void ProfileView::refresh()
{
    loadOverview();
    for (ProfileSection* s : std::as_const(m_sections))
        s->refresh();
}

void ProfileView::loadOverview()
{
    if (!m_services.records || m_profile.id.isEmpty())
        return;
    const QString id = m_profile.id;
    whenFinished(m_services.records->overview(id), this, [this, id](const Result<ProfileOverview>& r) {
        if (id != m_profile.id || !r.ok())
            return;
        m_overview = r.value();
        updateHeader();
    });
}

void ProfileView::updateHeader()
{
    const int size = std::max(40, fontMetrics().height() * 3);
    m_avatar->setPixmap(avatarPixmap(m_profile, size, devicePixelRatioF()));
    m_avatar->setFixedSize(size, size);
    m_name->setText(m_profile.displayName);
    QStringList facts{relationshipLabel(m_profile.relationship),
                      ProfileListModel::ageText(m_profile.dateOfBirth, QDate::currentDate())};
    if (m_profile.dateOfBirth.isValid())
        facts.append(tr("born %1").arg(RecordFormat::calendarDate(m_profile.dateOfBirth)));
    m_details->setText(facts.join(u" · "_s));
    QStringList sync{RecordFormat::syncState(m_overview)};
    for (const ProfileAlert& a : std::as_const(m_overview.alerts))
        if (a.kind == u"needs_sign_in" || a.kind == u"sync_failed" || a.kind == u"connection_error")
            sync.append(RecordFormat::alert(a));
    m_sync->setText(sync.join(u" · "_s));
    m_avatar->setAccessibleDescription(m_profile.displayName);
}

void ProfileView::openRecord(const QString& recordId)
{
    if (recordId.isEmpty() || !m_services.records)
        return;
    RecordDetailsDialog* dialog = newRecordDialog();
    dialog->loadRecord(recordId);
    dialog->open();
}

void ProfileView::openRecordByKey(const QString& resourceType, const QString& dedupKey)
{
    if (!m_services.records)
        return;
    RecordDetailsDialog* dialog = newRecordDialog();
    dialog->loadRecordByKey(resourceType, dedupKey);
    dialog->open();
}

RecordDetailsDialog* ProfileView::newRecordDialog()
{
    if (m_recordDialog)
        m_recordDialog->close();
    auto* dialog = new RecordDetailsDialog(m_services.records.data(), m_profile.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RecordDetailsDialog::chartRequested, this, &ProfileView::openChart);
    m_recordDialog = dialog;
    return dialog;
}

void ProfileView::openChart(const QString& codeSystem, const QString& code, const QString& display)
{
    if (!m_services.records)
        return;
    if (m_chartDialog)
        m_chartDialog->close();
    auto* dialog = new TestChartDialog(m_services.records.data(), m_profile.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_chartDialog = dialog;
    dialog->load(codeSystem, code, display);
    dialog->open();
}

void ProfileView::openHit(const SearchHit& hit)
{
    if (hit.resourceType == u"Observation")
        openChart(hit.codeSystem, hit.code, hit.display);
    else
        openRecord(hit.recordId);
}

void ProfileView::endSession()
{
    if (m_recordDialog)
        m_recordDialog->close();
    if (m_chartDialog)
        m_chartDialog->close();
    if (auto* sources = qobject_cast<SourcesSection*>(section(Section::Sources)))
        sources->detachSyncPanel();
}

} // namespace hh::ui
