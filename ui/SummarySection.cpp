#include "ui/SummarySection.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
class SummaryBrowser final : public QTextBrowser
{
public:
    explicit SummaryBrowser(QWidget* parent) : QTextBrowser(parent)
    {
        setOpenLinks(false);
        setOpenExternalLinks(false);
    }
    QVariant loadResource(int, const QUrl&) override { return {}; } // offline: nothing to fetch
};
} // namespace

SummarySection::SummarySection(IRecordsService* service, QWidget* parent)
    : ProfileSection(parent), m_service(service), m_status(new QLabel(this)), m_browser(new SummaryBrowser(this))
{
    setObjectName(u"summarySection"_s);
    m_status->setObjectName(u"summaryStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->hide();
    m_browser->setObjectName(u"summaryTextBrowser"_s);
    m_browser->setAccessibleName(tr("Summary"));
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(12);
    m_browser->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_browser, 1);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == u"hh-link")
            openLink(url.path().toInt());
    });
}

SummarySection::~SummarySection() = default;

void SummarySection::setProfile(const Profile& profile)
{
    const bool same = profile.id == m_profile.id;
    m_profile = profile;
    if (same) {
        if (m_received)
            render(); // name or date of birth changed
        return;
    }
    m_loaded = false;
    m_received = false;
    m_summary = {};
    m_links.clear();
    m_browser->clear();
}

void SummarySection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_status->setText(m_service ? tr("Opening the summary…")
                                : tr("The records of this family member are not available in this session."));
    m_status->show();
    refresh();
}

void SummarySection::refresh()
{
    if (!m_loaded || !m_service || m_profile.id.isEmpty())
        return;
    const QString id = m_profile.id;
    whenFinished(m_service->summary(id), this, [this, id](const Result<ProfileSummary>& r) {
        if (id != m_profile.id)
            return;
        if (!r.ok()) {
            if (r.error().code() == ErrorCode::Cancelled)
                return;
            m_status->setText(r.error().message().isEmpty() ? tr("The summary could not be read.") : r.error().message());
            m_status->show();
            return;
        }
        m_status->hide();
        m_summary = r.value();
        m_received = true;
        render();
        Q_EMIT summaryLoaded();
    });
}

QWidget* SummarySection::focusTarget() const
{
    return m_browser;
}

void SummarySection::render()
{
    const int scroll = m_browser->verticalScrollBar()->value();
    m_links.clear();
    m_browser->setHtml(SummaryHtml::build(m_profile, m_summary, m_browser->palette(), QLocale(), &m_links));
    m_browser->verticalScrollBar()->setValue(scroll);
}

void SummarySection::openLink(int n)
{
    if (n < 0 || n >= m_links.size())
        return;
    const SummaryHtml::Link& l = m_links.at(n);
    switch (l.kind) {
    case SummaryHtml::Link::Kind::Record:
        Q_EMIT recordKeyActivated(l.resourceType, l.dedupKey);
        break;
    case SummaryHtml::Link::Kind::Test:
        Q_EMIT chartRequested(l.codeSystem, l.code, l.display);
        break;
    case SummaryHtml::Link::Kind::Connect:
        Q_EMIT connectRequested();
        break;
    }
}

void SummarySection::changeEvent(QEvent* event)
{
    ProfileSection::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_received)
        render();
}

} // namespace hh::ui
