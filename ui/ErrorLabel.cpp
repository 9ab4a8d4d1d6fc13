#include "ui/ErrorLabel.h"

#include "ui/Theme.h"

#include <QAccessible>
#include <QEvent>
#include <QFormLayout>
#include <QVBoxLayout>

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

void ErrorLabel::addFormRow(QFormLayout* form, QWidget* parent, const QString& labelText, QWidget* field,
                            ErrorLabel* error)
{
    auto* label = new QLabel(labelText, parent);
    label->setBuddy(field);
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(box);
    error->setParent(box);
    layout->addWidget(field);
    layout->addWidget(error);
    form->addRow(label, box);
}

} // namespace hh::ui
