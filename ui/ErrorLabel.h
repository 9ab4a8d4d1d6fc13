#pragma once

#include <QLabel>

class QFormLayout;

namespace hh::ui {

// An inline error message under a field or form. Hidden while empty; its color follows the palette
// (light/dark) and screen readers get an alert when a message appears.
class ErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorLabel)
public:
    explicit ErrorLabel(QWidget* parent = nullptr);
    ~ErrorLabel() override;

    // An empty message hides the label.
    void showError(const QString& message);
    void clearError();
    [[nodiscard]] bool hasError() const { return !text().isEmpty(); }

    // Adds a row to form: a label with labelText (buddy of field), and field with error right under it.
    // The new widgets belong to parent.
    static void addFormRow(QFormLayout* form, QWidget* parent, const QString& labelText, QWidget* field,
                           ErrorLabel* error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColor();
    bool m_applyingColor = false;
};

} // namespace hh::ui
