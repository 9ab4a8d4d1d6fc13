#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace hh::ui {

// The one place the GUI asks questions and reports errors in a message box. Boxes are window-modal
// and opened without a nested event loop; the answer arrives through a callback.
//
// Tests install a handler: no box is shown, the handler sees the request and answers at once
// (synchronously, before the asking call returns).
class MessageBoxes
{
    Q_DECLARE_TR_FUNCTIONS(hh::ui::MessageBoxes)
public:
    enum class Kind { Information, Error, Confirmation };
    struct Request {
        Kind kind = Kind::Information;
        QString title;
        QString text;
        QString informativeText;
        QString acceptText; // confirmations: the text of the button that confirms
        QString optionText; // confirmOption(): the check box's text
        bool* optionChecked = nullptr; // confirmOption(): the check box's state; a test handler may set it
    };
    // Returns true to confirm (ignored for information and errors).
    using Handler = std::function<bool(const Request&)>;

    // Asks before something that cannot be undone. onAnswer(true) when the user confirmed; Cancel is
    // the default button and Esc answers false.
    static void confirm(QWidget* parent, const QString& title, const QString& text,
                        const QString& informativeText, const QString& acceptText,
                        std::function<void(bool confirmed)> onAnswer);
    // The same with a check box under the text (unchecked at first), e.g. "Also delete the records":
    // onAnswer(confirmed, checked).
    static void confirmOption(QWidget* parent, const QString& title, const QString& text,
                              const QString& informativeText, const QString& acceptText, const QString& optionText,
                              std::function<void(bool confirmed, bool checked)> onAnswer);
    static void error(QWidget* parent, const QString& title, const QString& text,
                      const QString& informativeText = {});
    static void information(QWidget* parent, const QString& title, const QString& text,
                            const QString& informativeText = {});

    // Tests: answer every request with handler instead of showing a box; pass {} to restore boxes.
    static void setHandler(Handler handler);
    [[nodiscard]] static bool hasHandler();
};

} // namespace hh::ui
