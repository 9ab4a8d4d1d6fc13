#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace hh::ui {

// Settings ▸ Language: System, English, Español. The choice is stored with LanguageSettings and used
// from the next start (the open windows do not retranslate themselves); a message says so.
class LanguageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageDialog)
public:
    explicit LanguageDialog(QWidget* parent = nullptr);
    ~LanguageDialog() override;

    // Opens a window-modal dialog (deleted on close) over parent.
    static LanguageDialog* openFor(QWidget* parent);

    // The code selected in the combo box ("" = system).
    [[nodiscard]] QString selectedLanguage() const;

    // Stores a changed choice (emitting languageChanged and telling the user it applies at the next
    // start) and closes the dialog.
    void accept() override;

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    QComboBox* m_language;
    QLabel* m_hint;
};

} // namespace hh::ui
