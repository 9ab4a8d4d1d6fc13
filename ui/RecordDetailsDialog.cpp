#include "ui/RecordDetailsDialog.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/RawJsonDialog.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
QLabel* valueLabel(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

} // namespace

RecordDetailsDialog::RecordDetailsDialog(IRecordsService* service, QString profileId, QWidget* parent)
    : QDialog(parent),
      m_service(service),
      m_profileId(std::move(profileId)),
      m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)),
      m_status(new QLabel(tr("Opening the record…"), this)),
      m_fieldsWidget(new QWidget(this)),
      m_fields(new QFormLayout(m_fieldsWidget)),
      m_conflictBox(new QGroupBox(tr("The health systems disagree"), this)),
      m_conflicts(new QTreeWidget(m_conflictBox)),
      m_sources(new QTreeWidget(this)),
      m_rawButton(new QPushButton(tr("Show &raw FHIR data…"), this)),
      m_chartButton(new QPushButton(tr("Show &chart…"), this))
{
    setObjectName(u"recordDetailsDialog"_s);
    setWindowTitle(tr("Record details"));
    resize(720, 560);

    m_title->setObjectName(u"recordTitleLabel"_s);
    m_title->setFont(headingFont(font()));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_subtitle->setObjectName(u"recordSubtitleLabel"_s);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_status->setObjectName(u"recordStatusLabel"_s);
    m_fieldsWidget->setObjectName(u"recordFieldsWidget"_s);
    m_fields->setContentsMargins(0, 0, 0, 0);

    m_conflictBox->setObjectName(u"conflictGroupBox"_s);
    m_conflicts->setObjectName(u"conflictTreeWidget"_s);
    m_conflicts->setAccessibleName(tr("Conflicting values"));
    m_conflicts->setHeaderLabels({tr("What"), tr("Value"), tr("From")});
    m_conflicts->setRootIsDecorated(false);
    m_conflicts->setMaximumHeight(fontMetrics().height() * 7);
    auto* conflictText = new QLabel(tr("Health Hub keeps every value; the record shows the one from the most "
                                       "complete source. Ask your care team which one is right."),
                                    m_conflictBox);
    conflictText->setWordWrap(true);
    auto* conflictLayout = new QVBoxLayout(m_conflictBox);
    conflictLayout->addWidget(conflictText);
    conflictLayout->addWidget(m_conflicts);
    m_conflictBox->hide();

    auto* sourcesLabel = new QLabel(tr("&Where this came from"), this);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    sourcesLabel->setFont(bold);
    sourcesLabel->setBuddy(m_sources);
    m_sources->setObjectName(u"sourcesTreeWidget"_s);
    m_sources->setAccessibleName(tr("Sources of this record"));
    m_sources->setHeaderLabels({tr("Health system"), tr("Vendor"), tr("Record id there"), tr("Stored"),
                                tr("Last synced")});
    m_sources->setRootIsDecorated(false);
    m_sources->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_rawButton->setObjectName(u"rawJsonButton"_s);
    m_rawButton->setAccessibleName(tr("Show raw FHIR data"));
    m_rawButton->setEnabled(false);
    m_chartButton->setObjectName(u"showChartButton"_s);
    m_chartButton->setAccessibleName(tr("Show chart"));
    m_chartButton->setIcon(QIcon(u":/icons/chart.svg"_s));
    m_chartButton->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    buttons->addButton(m_rawButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_chartButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rawButton, &QPushButton::clicked, this, &RecordDetailsDialog::showRawJson);
    connect(m_chartButton, &QPushButton::clicked, this, [this] {
        Q_EMIT chartRequested(m_detail.row.codeSystem, m_detail.row.code, m_detail.row.display);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_status);
    layout->addWidget(m_fieldsWidget);
    layout->addWidget(m_conflictBox);
    layout->addWidget(sourcesLabel);
    layout->addWidget(m_sources, 1);
    layout->addWidget(buttons);
}

RecordDetailsDialog::~RecordDetailsDialog() = default;

void RecordDetailsDialog::loadRecord(const QString& recordId)
{
    if (!m_service)
        return;
    whenFinished(m_service->record(m_profileId, recordId), this,
                 [this](const Result<RecordDetail>& r) { onLoaded(r); });
}

void RecordDetailsDialog::loadRecordByKey(const QString& resourceType, const QString& dedupKey)
{
    if (!m_service)
        return;
    whenFinished(m_service->recordByKey(m_profileId, resourceType, dedupKey), this,
                 [this](const Result<RecordDetail>& r) { onLoaded(r); });
}

void RecordDetailsDialog::onLoaded(const Result<RecordDetail>& result)
{
    if (!result.ok()) {
        m_status->setText(result.error().message().isEmpty() ? tr("This record could not be opened.")
                                                             : result.error().message());
        m_status->show();
        return;
    }
    setDetail(result.value());
}

void RecordDetailsDialog::setDetail(const RecordDetail& detail)
{
    m_detail = detail;
    const RecordRow& r = detail.row;
    m_status->hide();
    m_title->setText(r.display.isEmpty() ? tr("(no name)") : r.display);
    setWindowTitle(tr("%1 — record details").arg(m_title->text()));
    QStringList sub{resourceTypeLabel(r.resourceType)};
    if (!r.status.isEmpty())
        sub.append(RecordFormat::status(r.status));
    if (!r.effectiveAt.isEmpty())
        sub.append(RecordFormat::dateTime(r.effectiveAt));
    m_subtitle->setText(sub.join(u" · "_s));

    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    auto add = [this](const QString& label, const QString& value) {
        if (!value.isEmpty())
            m_fields->addRow(label, valueLabel(value, m_fieldsWidget));
    };
    const QString value = RecordFormat::value(r.valueNum, r.valueUnit, r.valueText);
    if (!value.isEmpty()) {
        QString flagged = value;
        if (r.isAbnormal())
            flagged = tr("%1 (%2)", "value and flag").arg(value, RecordFormat::abnormalLabel(r.abnormal));
        add(tr("Result:"), flagged);
    }
    add(tr("Reference range:"), RecordFormat::range(r.rangeLow, r.rangeHigh, r.rangeText));
    for (const QJsonValue& c : r.details.value("components"_L1).toArray()) {
        const QJsonObject o = c.toObject();
        add(tr("%1:").arg(o.value("display"_L1).toString()), RecordFormat::value(o));
    }
    add(tr("Code:"), RecordFormat::code(r.codeSystem, r.code));
    QStringList others;
    for (const QJsonValue& c : detail.clean.value("codings"_L1).toArray()) {
        const QJsonObject o = c.toObject();
        const QString sys = o.value("system"_L1).toString();
        const QString code = o.value("code"_L1).toString();
        if (code.isEmpty() || (sys == r.codeSystem && code == r.code))
            continue;
        const QString text = RecordFormat::code(sys, code);
        if (!others.contains(text))
            others.append(text);
    }
    add(tr("Other codes:"), others.join(u", "_s));
    if (r.resourceType == u"Condition")
        add(tr("Resolved:"), RecordFormat::date(r.effectiveEnd));
    else if (!r.effectiveEnd.isEmpty())
        add(tr("Until:"), RecordFormat::dateTime(r.effectiveEnd));
    const QJsonObject& d = r.details;
    add(tr("Strength:"), d.value("strength"_L1).toString());
    add(tr("Dose:"), d.value("dosage"_L1).toString());
    add(tr("Risk:"), RecordFormat::criticality(d.value("criticality"_L1).toString()));
    add(tr("Reactions:"), RecordFormat::reactions(d.value("reactions"_L1)));
    add(tr("Where:"), d.value("location"_L1).toString());
    add(tr("Provider:"), d.value("service_provider"_L1).toString());
    add(tr("Clinician:"), d.value("practitioner"_L1).toString());
    QStringList reasons;
    for (const QJsonValue& v : d.value("reasons"_L1).toArray())
        reasons.append(v.toString());
    add(tr("Reason:"), reasons.join(u", "_s));
    add(tr("Description:"), d.value("description"_L1).toString());
    add(tr("Conclusion:"), d.value("conclusion"_L1).toString());

    // Conflicts: each disagreeing field with every value and where it came from.
    m_conflicts->clear();
    QHash<QString, QString> nameOfRaw;
    for (const RecordSource& s : detail.sources)
        nameOfRaw.insert(s.rawId, s.endpointName);
    for (const QJsonValue& c : detail.conflicts) {
        const QJsonObject o = c.toObject();
        const QString field = o.value("field"_L1).toString();
        for (const QJsonValue& v : o.value("values"_L1).toArray()) {
            const QJsonObject vo = v.toObject();
            QString from = nameOfRaw.value(vo.value("raw_id"_L1).toString());
            if (from.isEmpty())
                from = RecordFormat::vendor(vo.value("provider"_L1).toString());
            new QTreeWidgetItem(m_conflicts, {RecordFormat::fieldName(field), RecordFormat::value(vo), from});
        }
    }
    m_conflictBox->setVisible(r.hasConflict || !detail.conflicts.isEmpty());

    m_sources->clear();
    for (const RecordSource& s : detail.sources) {
        new QTreeWidgetItem(m_sources, {s.endpointName.isEmpty() ? s.endpointId : s.endpointName,
                                        RecordFormat::vendor(s.provider), s.resourceId,
                                        s.available ? RecordFormat::dateTime(s.fetchedAt) : tr("No longer stored"),
                                        RecordFormat::dateTime(s.connectionLastSyncedAt)});
    }
    m_rawButton->setEnabled(!detail.sources.isEmpty());
    m_chartButton->setVisible(r.resourceType == u"Observation" && (r.valueNum || r.details.contains("components"_L1)));
    m_loaded = true;
    Q_EMIT loadedChanged();
}

void RecordDetailsDialog::showRawJson()
{
    if (!m_loaded)
        return;
    auto* raw = new RawJsonDialog(m_title->text(), m_detail.sources, this);
    raw->setAttribute(Qt::WA_DeleteOnClose);
    raw->open();
}

} // namespace hh::ui
