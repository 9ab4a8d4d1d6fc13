#pragma once

#include <QString>

class QDialog;
class QDialogButtonBox;
class QPushButton;

namespace hh::ui {

// The OK / Cancel row of the app's dialogs, the same everywhere: a QDialogButtonBox named "buttonBox"
// whose OK button gets the dialog's own text (with its mnemonic), accessible name and object name, and
// whose Cancel button reads "&Cancel" ("cancelButton"). accepted and rejected call the dialog's (virtual)
// accept() and reject(). The box is created as a child of the dialog; the caller lays it out.
struct DialogButtons {
    QDialogButtonBox* box = nullptr;
    QPushButton* ok = nullptr;
    QPushButton* cancel = nullptr;
};

[[nodiscard]] DialogButtons addDialogButtons(QDialog* dialog, const QString& okText, const QString& okAccessibleName,
                                             const QString& okObjectName);

} // namespace hh::ui
