#pragma once

#include <QObject>

#include <chrono>

class QTimer;

namespace hh::ui {

// Locks after a period without user input. While running, an application-wide event filter
// restarts a single-shot timer on every key, mouse, wheel and touch event; timedOut() is emitted
// when it runs out. An interval of zero means never.
class AutoLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoLock)
public:
    explicit AutoLock(QObject* parent = nullptr);
    ~AutoLock() override;

    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds interval() const { return m_interval; }

    // start() arms the timer (if the interval is not zero) and watches input; stop() disarms.
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isTimerActive() const;

Q_SIGNALS:
    void timedOut();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restartTimer();

    QTimer* m_timer;
    std::chrono::milliseconds m_interval{0};
    bool m_running = false;
};

} // namespace hh::ui
