#include "ui/FileDialogs.h"

#include <QFileDialog>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
FileDialogs::Handler& handler()
{
    static FileDialogs::Handler h;
    return h;
}
} // namespace

void FileDialogs::saveFile(QWidget* parent, const Request& request, std::function<void(const QString&)> onChosen)
{
    if (handler()) {
        const QString path = handler()(request);
        if (onChosen)
            onChosen(path);
        return;
    }
    auto* dialog = new QFileDialog(parent, request.title, request.suggestedPath, request.filter);
    dialog->setObjectName(u"saveFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(request.defaultSuffix);
    dialog->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, cb = std::move(onChosen)](int result) {
        const QStringList files = dialog->selectedFiles();
        if (cb)
            cb(result == QDialog::Accepted && !files.isEmpty() ? files.constFirst() : QString());
    });
    dialog->open();
}

void FileDialogs::setHandler(Handler h)
{
    handler() = std::move(h);
}

bool FileDialogs::hasHandler()
{
    return static_cast<bool>(handler());
}

} // namespace hh::ui
