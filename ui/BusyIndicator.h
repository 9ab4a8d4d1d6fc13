#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace hh::ui {

// "Signing in…" with an indeterminate bar, shown while a future is pending. Hidden otherwise.
class BusyIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusyIndicator)
public:
    explicit BusyIndicator(QWidget* parent = nullptr);
    ~BusyIndicator() override;

    void start(const QString& text);
    void stop();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString text() const;

private:
    QProgressBar* m_bar;
    QLabel* m_label;
    bool m_busy = false;
};

} // namespace hh::ui
