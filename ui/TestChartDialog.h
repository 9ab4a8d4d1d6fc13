#pragma once

#include "core/records/RecordTypes.h"

#include <QDialog>
#include <QPointer>

class QChart;
class QChartView;
class QLabel;
class QTableWidget;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

// A test's results over time: a line chart (one line per component, e.g. systolic and diastolic)
// with the reference range as a shaded band (QAreaSeries), abnormal results marked, and the same
// values in a table for keyboard and screen-reader users. objectNames: testChartView,
// historyTableWidget, chartStatusLabel.
class TestChartDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestChartDialog)
public:
    TestChartDialog(records::IRecordsService* service, QString profileId, QWidget* parent = nullptr);
    ~TestChartDialog() override;

    void load(const QString& codeSystem, const QString& code, const QString& display);
    void setHistory(const records::TestHistory& history);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QChart* chart() const;
    [[nodiscard]] const records::TestHistory& history() const { return m_history; }

    // The chart for a history, colored from the palette (light or dark).
    [[nodiscard]] static QChart* buildChart(const records::TestHistory& history, const QPalette& palette,
                                            const QLocale& locale);

Q_SIGNALS:
    void loadedChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QPointer<records::IRecordsService> m_service;
    QString m_profileId;
    records::TestHistory m_history;
    bool m_loaded = false;
    QLabel* m_status;
    QChartView* m_view;
    QTableWidget* m_table;
};

} // namespace hh::ui
