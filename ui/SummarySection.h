#pragma once

#include "core/records/RecordTypes.h"
#include "ui/ProfileSection.h"
#include "ui/SummaryHtml.h"

#include <QPointer>

class QLabel;
class QTextBrowser;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// The summary: the precomputed profile_summary document as a readable page. Names of records and
// tests are links (keyboard: Tab to a link, Enter) that open the record or the test's chart.
// objectNames: summaryTextBrowser, summaryStatusLabel.
class SummarySection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummarySection)
public:
    explicit SummarySection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~SummarySection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] QTextBrowser* browser() const { return m_browser; }
    [[nodiscard]] bool isLoaded() const { return m_received; }
    [[nodiscard]] const records::ProfileSummary& summary() const { return m_summary; }
    [[nodiscard]] const QList<SummaryHtml::Link>& links() const { return m_links; }
    // Follows link n (as a click on it would).
    void openLink(int n);

Q_SIGNALS:
    void summaryLoaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QPointer<records::IRecordsService> m_service;
    Profile m_profile;
    records::ProfileSummary m_summary;
    QList<SummaryHtml::Link> m_links;
    QLabel* m_status;
    QTextBrowser* m_browser;
    bool m_loaded = false;
    bool m_received = false;
};

} // namespace hh::ui
