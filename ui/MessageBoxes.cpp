#include "ui/MessageBoxes.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
MessageBoxes::Handler& handler()
{
    static MessageBoxes::Handler h;
    return h;
}

QMessageBox* makeBox(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                     const QString& informativeText)
{
    auto* box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(u"messageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(informativeText);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    return box;
}
} // namespace

void MessageBoxes::confirm(QWidget* parent, const QString& title, const QString& text,
                           const QString& informativeText, const QString& acceptText,
                           std::function<void(bool)> onAnswer)
{
    if (handler()) {
        const bool answer = handler()(Request{Kind::Confirmation, title, text, informativeText, acceptText});
        if (onAnswer)
            onAnswer(answer);
        return;
    }
    QMessageBox* box = makeBox(parent, QMessageBox::Warning, title, text, informativeText);
    QPushButton* acceptButton = box->addButton(acceptText, QMessageBox::AcceptRole);
    acceptButton->setObjectName(u"confirmButton"_s);
    QPushButton* cancelButton = box->addButton(QMessageBox::Cancel);
    cancelButton->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    QPointer<QPushButton> accepted(acceptButton);
    QObject::connect(box, &QMessageBox::finished, box, [box, accepted, cb = std::move(onAnswer)](int) {
        if (cb)
            cb(accepted && box->clickedButton() == accepted.data());
    });
    box->open();
}

void MessageBoxes::error(QWidget* parent, const QString& title, const QString& text,
                         const QString& informativeText)
{
    if (handler()) {
        (void)handler()(Request{Kind::Error, title, text, informativeText, {}});
        return;
    }
    QMessageBox* box = makeBox(parent, QMessageBox::Critical, title, text, informativeText);
    box->addButton(QMessageBox::Ok)->setObjectName(u"okButton"_s);
    box->open();
}

void MessageBoxes::information(QWidget* parent, const QString& title, const QString& text,
                               const QString& informativeText)
{
    if (handler()) {
        (void)handler()(Request{Kind::Information, title, text, informativeText, {}});
        return;
    }
    QMessageBox* box = makeBox(parent, QMessageBox::Information, title, text, informativeText);
    box->addButton(QMessageBox::Ok)->setObjectName(u"okButton"_s);
    box->open();
}

void MessageBoxes::setHandler(Handler h)
{
    handler() = std::move(h);
}

bool MessageBoxes::hasHandler()
{
    return static_cast<bool>(handler());
}

} // namespace hh::ui
