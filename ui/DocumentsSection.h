#pragma once

#include "ui/PagedSection.h"

#include <QPointer>

class QPushButton;
class QTableView;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class DocumentViewer;
class RecordTableModel;

// Documents (DocumentReference): a table on the left, the chosen document read inside the app on
// the right (text, HTML, PDF), from the vault only. objectNames: filterLineEdit, documentsTableView,
// countLabel, detailsButton, documentViewer.
class DocumentsSection final : public PagedSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentsSection)
public:
    explicit DocumentsSection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~DocumentsSection() override;

    void setProfile(const Profile& profile) override;

    [[nodiscard]] RecordTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }
    [[nodiscard]] DocumentViewer* viewer() const { return m_viewer; }
    // The record whose content the viewer shows (or is loading).
    [[nodiscard]] const QString& shownRecordId() const { return m_shown; }

Q_SIGNALS:
    void documentShown(const QString& recordId);

private:
    [[nodiscard]] CountTexts countTexts() const override;
    void clearFilters() override;
    void showCurrent();

    QPointer<records::IRecordsService> m_service;
    QString m_profileId;
    RecordTableModel* m_model;
    QPushButton* m_details;
    QTableView* m_table;
    DocumentViewer* m_viewer;
    QString m_shown;
};

} // namespace hh::ui
