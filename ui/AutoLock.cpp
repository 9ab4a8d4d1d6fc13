#include "ui/AutoLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace hh::ui {

AutoLock::AutoLock(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_running)
            Q_EMIT timedOut();
    });
}

AutoLock::~AutoLock()
{
    stop();
}

void AutoLock::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval.count() > 0 ? interval : std::chrono::milliseconds(0);
    if (m_running)
        restartTimer();
}

void AutoLock::start()
{
    if (!m_running) {
        m_running = true;
        if (QCoreApplication* app = QCoreApplication::instance())
            app->installEventFilter(this);
    }
    restartTimer();
}

void AutoLock::stop()
{
    if (m_running) {
        m_running = false;
        if (QCoreApplication* app = QCoreApplication::instance())
            app->removeEventFilter(this);
    }
    m_timer->stop();
}

bool AutoLock::isTimerActive() const
{
    return m_timer->isActive();
}

void AutoLock::restartTimer()
{
    if (m_running && m_interval.count() > 0)
        m_timer->start(m_interval);
    else
        m_timer->stop();
}

bool AutoLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        restartTimer();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hh::ui
