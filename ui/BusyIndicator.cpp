#include "ui/BusyIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

using namespace Qt::StringLiterals;

namespace hh::ui {

BusyIndicator::BusyIndicator(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_label(new QLabel(this))
{
    m_bar->setObjectName(u"busyProgressBar"_s);
    m_bar->setRange(0, 0); // indeterminate
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(fontMetrics().averageCharWidth() * 10);
    m_bar->setAccessibleName(tr("Working"));
    m_label->setObjectName(u"busyLabel"_s);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    hide();
}

BusyIndicator::~BusyIndicator() = default;

void BusyIndicator::start(const QString& text)
{
    m_busy = true;
    m_label->setText(text);
    setAccessibleName(text);
    show();
}

void BusyIndicator::stop()
{
    m_busy = false;
    m_label->clear();
    hide();
}

QString BusyIndicator::text() const
{
    return m_label->text();
}

} // namespace hh::ui
