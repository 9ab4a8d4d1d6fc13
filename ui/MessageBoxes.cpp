#include "ui/MessageBoxes.h"

#include <QCheckBox>
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

MessageBoxes::Request makeRequest(MessageBoxes::Kind kind, const QString& title, const QString& text,
                                  const QString& informativeText, const QString& acceptText = {})
{
    MessageBoxes::Request r;
    r.kind = kind;
    r.title = title;
    r.text = text;
    r.informativeText = informativeText;
    r.acceptText = acceptText;
    return r;
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
    confirmOption(parent, title, text, informativeText, acceptText, {},
                  [cb = std::move(onAnswer)](bool confirmed, bool) {
                      if (cb)
                          cb(confirmed);
                  });
}

void MessageBoxes::confirmOption(QWidget* parent, const QString& title, const QString& text,
                                 const QString& informativeText, const QString& acceptText,
                                 const QString& optionText, std::function<void(bool, bool)> onAnswer)
{
    if (handler()) {
        bool checked = false;
        Request request = makeRequest(Kind::Confirmation, title, text, informativeText, acceptText);
        if (!optionText.isEmpty()) {
            request.optionText = optionText;
            request.optionChecked = &checked;
        }
        const bool answer = handler()(request);
        if (onAnswer)
            onAnswer(answer, answer && checked);
        return;
    }
    QMessageBox* box = makeBox(parent, QMessageBox::Warning, title, text, informativeText);
    QPushButton* acceptButton = box->addButton(acceptText, QMessageBox::AcceptRole);
    acceptButton->setObjectName(u"confirmButton"_s);
    QPushButton* cancelButton = box->addButton(QMessageBox::Cancel);
    cancelButton->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    if (!optionText.isEmpty()) {
        auto* option = new QCheckBox(optionText, box);
        option->setObjectName(u"optionCheckBox"_s);
        box->setCheckBox(option);
    }
    QPointer<QPushButton> accepted(acceptButton);
    QObject::connect(box, &QMessageBox::finished, box, [box, accepted, cb = std::move(onAnswer)](int) {
        const bool confirmed = accepted && box->clickedButton() == accepted.data();
        if (cb)
            cb(confirmed, confirmed && box->checkBox() && box->checkBox()->isChecked());
    });
    box->open();
}

void MessageBoxes::error(QWidget* parent, const QString& title, const QString& text,
                         const QString& informativeText)
{
    if (handler()) {
        (void)handler()(makeRequest(Kind::Error, title, text, informativeText));
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
        (void)handler()(makeRequest(Kind::Information, title, text, informativeText));
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
