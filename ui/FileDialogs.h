#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace hh::ui {

// The one place the GUI asks for a file name. The dialog is window-modal and opened without a
// nested event loop; the chosen path (empty when cancelled) arrives through a callback.
//
// Tests install a handler: no dialog is shown, the handler answers at once (before the asking
// call returns).
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(hh::ui::FileDialogs)
public:
    struct Request {
        QString title;
        QString suggestedPath; // folder + file name proposed
        QString filter;        // "PDF files (*.pdf)"
        QString defaultSuffix; // "pdf"
    };
    using Handler = std::function<QString(const Request&)>;

    static void saveFile(QWidget* parent, const Request& request, std::function<void(const QString& path)> onChosen);

    static void setHandler(Handler handler);
    [[nodiscard]] static bool hasHandler();
};

} // namespace hh::ui
