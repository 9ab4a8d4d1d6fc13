#pragma once

#include "core/records/RecordTypes.h"

#include <QDialog>
#include <QPointer>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// One record: what it says, which health systems it came from (and when they were synced), any
// conflict between them, and — one click away — the raw FHIR JSON. Loads asynchronously by id or by
// the (type, de-duplication key) the summary uses. objectNames: recordTitleLabel, recordFieldsWidget,
// conflictGroupBox, conflictTreeWidget, sourcesTreeWidget, rawJsonButton, showChartButton.
class RecordDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordDetailsDialog)
public:
    RecordDetailsDialog(records::IRecordsService* service, QString profileId, QWidget* parent = nullptr);
    ~RecordDetailsDialog() override;

    void loadRecord(const QString& recordId);
    void loadRecordByKey(const QString& resourceType, const QString& dedupKey);
    // Shows a detail already read.
    void setDetail(const records::RecordDetail& detail);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const records::RecordDetail& detail() const { return m_detail; }
    [[nodiscard]] QPushButton* rawJsonButton() const { return m_rawButton; }
    // Opens the raw JSON window (the button does the same).
    void showRawJson();

Q_SIGNALS:
    void loadedChanged();
    // "Show chart…" of an observation.
    void chartRequested(const QString& codeSystem, const QString& code, const QString& display);

private:
    void onLoaded(const Result<records::RecordDetail>& result);

    QPointer<records::IRecordsService> m_service;
    QString m_profileId;
    records::RecordDetail m_detail;
    bool m_loaded = false;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_status;
    QWidget* m_fieldsWidget;
    QFormLayout* m_fields;
    QGroupBox* m_conflictBox;
    QTreeWidget* m_conflicts;
    QTreeWidget* m_sources;
    QPushButton* m_rawButton;
    QPushButton* m_chartButton;
};

} // namespace hh::ui
