#include "ui/RawJsonDialog.h"

#include "ui/RecordFormat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

RawJsonDialog::RawJsonDialog(const QString& title, QList<records::RecordSource> sources, QWidget* parent)
    : QDialog(parent), m_sources(std::move(sources)), m_combo(new QComboBox(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(u"rawJsonDialog"_s);
    setWindowTitle(tr("Raw FHIR data — %1").arg(title));
    resize(760, 560);

    auto* intro = new QLabel(tr("What each health system sent, exactly as received (FHIR JSON)."), this);
    intro->setWordWrap(true);

    auto* sourceLabel = new QLabel(tr("&Source:"), this);
    m_combo->setObjectName(u"rawJsonSourceComboBox"_s);
    m_combo->setAccessibleName(tr("Source"));
    sourceLabel->setBuddy(m_combo);
    for (const records::RecordSource& s : std::as_const(m_sources)) {
        const QString source = s.endpointName.isEmpty() ? RecordFormat::vendor(s.provider) : s.endpointName;
        m_combo->addItem(s.resourceId.isEmpty() ? source : tr("%1 (id %2)", "health system, FHIR id").arg(source, s.resourceId));
    }
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_combo, 1);

    m_text->setObjectName(u"rawJsonPlainTextEdit"_s);
    m_text->setAccessibleName(tr("Raw FHIR JSON"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(sourceRow);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);

    sourceLabel->setVisible(m_sources.size() > 1);
    m_combo->setVisible(m_sources.size() > 1);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &RawJsonDialog::showSource);
    showSource(0);
    m_text->setFocus();
}

RawJsonDialog::~RawJsonDialog() = default;

QString RawJsonDialog::prettyJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

void RawJsonDialog::showSource(int index)
{
    if (index < 0 || index >= m_sources.size()) {
        m_text->setPlainText(tr("No source data is stored for this record."));
        return;
    }
    const records::RecordSource& s = m_sources.at(index);
    m_text->setPlainText(s.available ? prettyJson(s.rawJson)
                                     : tr("This source's data is no longer in the vault (it was removed at the health "
                                          "system or the connection was deleted)."));
}

} // namespace hh::ui
