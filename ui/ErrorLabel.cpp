#include "ui/ErrorLabel.h"

#include "ui/Theme.h"

#include <QAccessible>
#include <QEvent>

namespace hh::ui {

ErrorLabel::ErrorLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleName(tr("Error message"));
    applyColor();
    hide();
}

ErrorLabel::~ErrorLabel() = default;

void ErrorLabel::showError(const QString& message)
{
    setText(message);
    setAccessibleDescription(message);
    setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        QAccessibleEvent event(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

void ErrorLabel::clearError()
{
    showError(QString());
}

void ErrorLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingColor)
        applyColor();
}

void ErrorLabel::applyColor()
{
    // Derive from the parent's palette so a theme switch at run time is followed.
    m_applyingColor = true;
    QPalette p = palette();
    const QPalette base = parentWidget() ? parentWidget()->palette() : p;
    p.setColor(QPalette::WindowText, errorTextColor(base));
    setPalette(p);
    m_applyingColor = false;
}

} // namespace hh::ui
