#include "ui/sync/SyncConnectionRow.h"

#include "core/records/RecordTypes.h"
#include "ui/sync/SyncHistoryModel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace hh::ui {

using namespace hh::sync;

SyncConnectionRow::SyncConnectionRow(const ConnectionSyncInfo& info, bool showProfile, QWidget* parent)
    : QFrame(parent)
    , m_info(info)
    , m_showProfile(showProfile)
    , m_name(new QLabel(this))
    , m_status(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_lastSync(new QLabel(this))
    , m_error(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(QStringLiteral("connectionSyncFrame"));
    setProperty("connectionId", info.connectionId);
    setFrameShape(QFrame::StyledPanel);
    m_name->setObjectName(QStringLiteral("connectionNameLabel"));
    m_status->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_bar->setObjectName(QStringLiteral("connectionProgressBar"));
    m_lastSync->setObjectName(QStringLiteral("lastSyncLabel"));
    m_error->setObjectName(QStringLiteral("lastErrorLabel"));
    m_button->setObjectName(QStringLiteral("syncNowButton"));

    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_bar->setTextVisible(true);
    m_bar->setMinimumWidth(160);
    m_button->setAutoDefault(false);

    auto* grid = new QGridLayout(this);
    grid->addWidget(m_name, 0, 0);
    grid->addWidget(m_status, 0, 1);
    grid->addWidget(m_button, 0, 2, Qt::AlignRight);
    grid->addWidget(m_bar, 1, 0, 1, 3);
    grid->addWidget(m_lastSync, 2, 0, 1, 3);
    grid->addWidget(m_error, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_button, &QPushButton::clicked, this, &SyncConnectionRow::onButton);
    updateTexts();
}

SyncConnectionRow::~SyncConnectionRow() = default;

void SyncConnectionRow::setInfo(const ConnectionSyncInfo& info)
{
    m_info = info;
    updateTexts();
}

void SyncConnectionRow::setProgress(const SyncProgress& progress)
{
    m_active = true;
    m_running = progress.running;
    m_progress = progress;
    m_lastResult.clear();
    updateTexts();
}

void SyncConnectionRow::setFinished(const SyncJobResult& result)
{
    m_active = false;
    m_running = false;
    m_lastResult = jobStatusLabel(result.status);
    if (result.status == JobStatus::Failed || result.status == JobStatus::Partial)
        m_info.lastError = result.errorMessage;
    else if (result.status == JobStatus::Success)
        m_info.lastError.clear();
    if (result.dataStored())
        m_info.lastSyncedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_info.lastJobStatus = result.status;
    updateTexts();
}

void SyncConnectionRow::onButton()
{
    if (m_active)
        Q_EMIT cancelRequested(m_info.connectionId);
    else
        Q_EMIT syncRequested(m_info.connectionId);
}

QString SyncConnectionRow::statusWords() const
{
    if (m_active) {
        if (!m_running)
            return tr("Waiting to sync…");
        if (!m_progress.currentType.isEmpty() && m_progress.currentType != u"references")
            return tr("Syncing (%1)…").arg(records::resourceTypeLabel(m_progress.currentType)); // words, not FHIR
        return tr("Syncing…");
    }
    if (m_info.status == u"needs_reauth")
        return tr("Needs sign-in again");
    if (m_info.status == u"disconnected")
        return tr("Disconnected");
    if (!m_lastResult.isEmpty())
        return m_lastResult;
    if (m_info.lastJobStatus)
        return jobStatusLabel(*m_info.lastJobStatus);
    if (m_info.status == u"error")
        return tr("Error");
    return tr("Connected, not synced yet");
}

void SyncConnectionRow::updateTexts()
{
    const QString name = m_showProfile && !m_info.profileName.isEmpty()
        ? tr("%1 – %2").arg(m_info.profileName, m_info.endpointName)
        : m_info.endpointName;
    m_name->setText(name);
    const QString status = statusWords();
    m_status->setText(status);

    if (m_active && m_running && m_progress.typesTotal > 0) {
        m_bar->setRange(0, m_progress.typesTotal);
        m_bar->setValue(std::min(m_progress.typesDone, m_progress.typesTotal));
    } else if (m_active) {
        m_bar->setRange(0, 0); // busy until the plan is known
    } else {
        m_bar->setRange(0, 1);
        m_bar->setValue(m_info.lastJobStatus ? 1 : 0);
    }
    const QString fetched = QLocale().toString(m_progress.resourcesFetched);
    if (m_active && m_running && m_progress.typesTotal > 0)
        m_bar->setFormat(tr("%1 of %2 kinds of records · %3 records")
                             .arg(m_progress.typesDone)
                             .arg(m_progress.typesTotal)
                             .arg(fetched));
    else if (m_active)
        m_bar->setFormat(m_running ? tr("Starting…") : tr("Waiting…"));
    else
        m_bar->setFormat(m_info.lastJobStatus ? tr("Done") : QString());
    m_bar->setVisible(m_active || m_info.lastJobStatus.has_value());
    m_bar->setAccessibleName(tr("Sync progress of %1").arg(name));
    m_bar->setAccessibleDescription(m_bar->format());

    const QString last = SyncHistoryModel::formatTime(m_info.lastSyncedAt);
    m_lastSync->setText(last.isEmpty() ? tr("Never synced") : tr("Last synced: %1").arg(last));
    m_error->setText(m_info.lastError.isEmpty() ? QString() : tr("Last problem: %1").arg(m_info.lastError));
    m_error->setVisible(!m_info.lastError.isEmpty());

    // No mnemonic: every connection has a row (one letter would be ambiguous); Tab reaches them.
    m_button->setText(m_active ? tr("Cancel") : tr("Sync now"));
    m_button->setAccessibleName(m_active ? tr("Cancel the sync of %1").arg(name) : tr("Sync %1 now").arg(name));
    m_button->setEnabled(m_active || m_info.status != u"disconnected");
    setAccessibleName(tr("%1: %2").arg(name, status));
}

} // namespace hh::ui
