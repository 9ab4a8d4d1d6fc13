#include "ui/TestChartDialog.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
// Calm, distinguishable line colors for light and dark backgrounds.
QColor lineColor(int i, bool dark)
{
    static const QRgb light[] = {0xff2f6fa8, 0xffa8552f, 0xff4d8a3b, 0xff7a4a9c};
    static const QRgb darkColors[] = {0xff7fb2e5, 0xffe5a27f, 0xff9bd18a, 0xffc39be0};
    return QColor::fromRgb(dark ? darkColors[i % 4] : light[i % 4]);
}

QColor bandColor(bool dark)
{
    QColor c = dark ? QColor(0x5f, 0xb0, 0x7a) : QColor(0x3c, 0x9a, 0x5f);
    c.setAlphaF(dark ? 0.22f : 0.16f);
    return c;
}
} // namespace

TestChartDialog::TestChartDialog(IRecordsService* service, QString profileId, QWidget* parent)
    : QDialog(parent),
      m_service(service),
      m_profileId(std::move(profileId)),
      m_status(new QLabel(tr("Reading the results…"), this)),
      m_view(new QChartView(this)),
      m_table(new QTableWidget(this))
{
    setObjectName(u"testChartDialog"_s);
    setWindowTitle(tr("Results over time"));
    resize(820, 640);

    m_status->setObjectName(u"chartStatusLabel"_s);
    m_status->setWordWrap(true);
    m_view->setObjectName(u"testChartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_table->setObjectName(u"historyTableWidget"_s);
    m_table->setAccessibleName(tr("Results"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Result"), tr("Flag"), tr("Reference range")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
}

TestChartDialog::~TestChartDialog() = default;

QChart* TestChartDialog::chart() const
{
    return m_view->chart();
}

void TestChartDialog::load(const QString& codeSystem, const QString& code, const QString& display)
{
    setWindowTitle(tr("%1 over time").arg(display));
    m_view->setAccessibleName(tr("Chart of %1 over time").arg(display));
    if (!m_service)
        return;
    whenFinished(m_service->testHistory(m_profileId, codeSystem, code, display), this,
                 [this](const Result<TestHistory>& r) {
                     if (!r.ok()) {
                         m_status->setText(r.error().message().isEmpty() ? tr("The results could not be read.")
                                                                         : r.error().message());
                         return;
                     }
                     setHistory(r.value());
                 });
}

void TestChartDialog::setHistory(const TestHistory& history)
{
    m_history = history;
    setWindowTitle(tr("%1 over time").arg(history.display));
    m_view->setAccessibleName(tr("Chart of %1 over time").arg(history.display));
    int points = 0;
    for (const HistorySeries& s : history.series)
        points = std::max(points, static_cast<int>(s.points.size()));
    const QLocale locale;
    if (points == 0)
        m_status->setText(tr("There are no numeric results to chart."));
    else if (history.truncated)
        m_status->setText(tr("The newest %1 of %2 results.").arg(locale.toString(points), locale.toString(history.totalCount)));
    else
        m_status->setText(points == 1 ? tr("One result.") : tr("%1 results.").arg(locale.toString(points)));
    rebuild();

    // The same values as a table, newest first (all series side by side would be wide: one row per
    // point and series).
    m_table->setRowCount(0);
    QList<std::pair<const HistorySeries*, const HistoryPoint*>> rows;
    for (const HistorySeries& s : history.series)
        for (const HistoryPoint& p : s.points)
            rows.append({&s, &p});
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second->msecs > b.second->msecs; });
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto& [s, p] = rows.at(i);
        QString value = RecordFormat::value(p->value, p->unit, p->text, locale);
        if (history.series.size() > 1)
            value = tr("%1: %2", "series and value").arg(s->label, value);
        auto* flag = new QTableWidgetItem(RecordFormat::abnormalLabel(p->abnormal));
        auto* valueItem = new QTableWidgetItem(value);
        if (RecordFormat::isAbnormal(p->abnormal)) {
            flag->setForeground(errorTextColor(palette()));
            valueItem->setForeground(errorTextColor(palette()));
        }
        m_table->setItem(i, 0, new QTableWidgetItem(RecordFormat::dateTime(p->at, locale)));
        m_table->setItem(i, 1, valueItem);
        m_table->setItem(i, 2, flag);
        m_table->setItem(i, 3, new QTableWidgetItem(RecordFormat::range(p->rangeLow, p->rangeHigh, {}, locale)));
    }
    m_table->resizeColumnsToContents();
    m_loaded = true;
    Q_EMIT loadedChanged();
}

void TestChartDialog::rebuild()
{
    QChart* old = m_view->chart();
    m_view->setChart(buildChart(m_history, palette(), QLocale()));
    delete old;
}

void TestChartDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_loaded)
        rebuild();
}

QChart* TestChartDialog::buildChart(const TestHistory& history, const QPalette& palette, const QLocale& locale)
{
    auto* chart = new QChart;
    // Axis numbers as the table beside it writes them ("7,5" in Spanish); QChart's default is the C locale.
    chart->setLocale(locale);
    chart->setLocalizeNumbers(true);
    const bool dark = isDarkPalette(palette);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QString unit = RecordFormat::unit(history.unit);
    chart->setTitle(unit.isEmpty() ? history.display : tr("%1 (%2)").arg(history.display, unit));

    qint64 tMin = std::numeric_limits<qint64>::max();
    qint64 tMax = std::numeric_limits<qint64>::min();
    double vMin = std::numeric_limits<double>::max();
    double vMax = std::numeric_limits<double>::lowest();
    auto extend = [&](qint64 t, double v) {
        tMin = std::min(tMin, t);
        tMax = std::max(tMax, t);
        vMin = std::min(vMin, v);
        vMax = std::max(vMax, v);
    };

    // The reference range of the first series as a band behind the lines.
    if (!history.series.isEmpty()) {
        const HistorySeries& first = history.series.first();
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (const HistoryPoint& p : first.points) {
            if (!p.value || (!p.rangeHigh && !p.rangeLow) || p.msecs == 0)
                continue;
            const double high = p.rangeHigh.value_or(std::max(*p.value, p.rangeLow.value_or(0)) * 1.5);
            const double low = p.rangeLow.value_or(0);
            upper->append(double(p.msecs), high);
            lower->append(double(p.msecs), low);
            extend(p.msecs, high);
            extend(p.msecs, low);
        }
        if (upper->count() == 1) { // one point: a band needs a width
            const QPointF u = upper->at(0);
            const QPointF l = lower->at(0);
            upper->clear();
            lower->clear();
            upper->append(u.x() - 43200000.0, u.y());
            upper->append(u.x() + 43200000.0, u.y());
            lower->append(l.x() - 43200000.0, l.y());
            lower->append(l.x() + 43200000.0, l.y());
        }
        if (upper->count() > 0) {
            auto* band = new QAreaSeries(upper, lower);
            band->setName(tr("Reference range"));
            band->setObjectName(u"referenceRangeSeries"_s);
            band->setBrush(bandColor(dark));
            band->setPen(Qt::NoPen);
            upper->setParent(band);
            lower->setParent(band);
            chart->addSeries(band);
        } else {
            delete upper;
            delete lower;
        }
    }

    int i = 0;
    QList<QAbstractSeries*> all;
    for (const HistorySeries& s : history.series) {
        auto* line = new QLineSeries;
        line->setName(s.label);
        line->setObjectName(u"resultSeries"_s);
        QPen pen(lineColor(i, dark));
        pen.setWidthF(2.0);
        line->setPen(pen);
        line->setPointsVisible(true);
        auto* flagged = new QScatterSeries;
        flagged->setName(tr("Out of range"));
        flagged->setObjectName(u"abnormalSeries"_s);
        flagged->setColor(errorTextColor(palette));
        flagged->setBorderColor(errorTextColor(palette));
        flagged->setMarkerSize(9.0);
        for (const HistoryPoint& p : s.points) {
            if (!p.value || p.msecs == 0)
                continue;
            line->append(double(p.msecs), *p.value);
            extend(p.msecs, *p.value);
            if (RecordFormat::isAbnormal(p.abnormal))
                flagged->append(double(p.msecs), *p.value);
        }
        chart->addSeries(line);
        all.append(line);
        if (flagged->count() > 0) {
            chart->addSeries(flagged);
            all.append(flagged);
        } else {
            delete flagged;
        }
        ++i;
    }

    auto* x = new QDateTimeAxis;
    x->setObjectName(u"dateAxis"_s);
    x->setFormat(locale.dateFormat(QLocale::ShortFormat));
    x->setLabelsColor(palette.color(QPalette::Text));
    x->setTickCount(5);
    auto* y = new QValueAxis;
    y->setObjectName(u"valueAxis"_s);
    y->setLabelsColor(palette.color(QPalette::Text));
    y->setTitleText(RecordFormat::unit(history.unit));
    y->setTitleBrush(palette.brush(QPalette::Text));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (tMin <= tMax) {
        if (tMin == tMax) {
            tMin -= 86400000;
            tMax += 86400000;
        }
        const qint64 pad = (tMax - tMin) / 20;
        x->setRange(QDateTime::fromMSecsSinceEpoch(tMin - pad), QDateTime::fromMSecsSinceEpoch(tMax + pad));
        const double span = vMax > vMin ? vMax - vMin : std::max(1.0, std::abs(vMax));
        y->setRange(vMin - span * 0.1, vMax + span * 0.1);
        y->applyNiceNumbers();
    }
    return chart;
}

} // namespace hh::ui
