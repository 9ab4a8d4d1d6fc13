#pragma once

// Starting `healthhub` up to its first shown dashboard, for the start-up benchmark and the no-WebEngine
// test. With HH_STARTUP_PROBE=1 the shell prints kStartupProbeLine when the main window first shows,
// then quits (ui/Shell.cpp).

#include <QProcessEnvironment>
#include <QString>

namespace hh::test {

inline constexpr char kStartupProbeLine[] = "startup-probe: dashboard-shown\n";

// The process environment of such a start: offscreen, settings and caches in the throw-away `home`, no
// HH_DATA_DIR from the caller, and /proc/PID/maps left readable (healthhub makes itself non-dumpable, no
// core dumps, which also hides them from a non-root parent; HH_ALLOW_CORE_DUMPS is the test switch).
inline QProcessEnvironment startupProbeEnvironment(const QString& home)
{
    using namespace Qt::StringLiterals;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"HH_STARTUP_PROBE"_s, u"1"_s);
    env.insert(u"HH_ALLOW_CORE_DUMPS"_s, u"1"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
    env.remove(u"HH_DATA_DIR"_s);
    return env;
}

} // namespace hh::test
