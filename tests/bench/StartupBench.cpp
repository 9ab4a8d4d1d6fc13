#include "bench/StartupBench.h"

#include "support/StartupProbe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hh::bench {

namespace {
constexpr int kStartupTimeoutMs = 60000;

struct OneRun {
    double ms = -1;
    bool mapsRead = false;
    bool webEngine = false;
    QString error;
};

OneRun runOnce(const QString& healthhub, const QString& dataDir, const QString& home)
{
    OneRun run;
    QProcess p;
    // /proc/PID/maps stays readable for the WebEngine check; settings and caches in a throw-away home.
    QProcessEnvironment env = test::startupProbeEnvironment(home);
    env.insert(u"QTWEBENGINE_DISABLE_SANDBOX"_s, u"1"_s);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardErrorFile(QProcess::nullDevice());

    QEventLoop loop;
    QElapsedTimer t;
    QByteArray out;
    QObject::connect(&p, &QProcess::readyReadStandardOutput, &loop, [&] {
        out += p.readAllStandardOutput();
        if (run.ms < 0 && out.contains(test::kStartupProbeLine)) {
            run.ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
            QFile maps(u"/proc/%1/maps"_s.arg(p.processId()));
            if (maps.open(QIODevice::ReadOnly)) {
                const QByteArray m = maps.readAll();
                // A process already tearing down has no (or few) mappings left: not a valid reading.
                run.mapsRead = m.contains("libQt6Core");
                run.webEngine = m.contains("libQt6WebEngineCore");
            }
            loop.quit();
        }
    });
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(kStartupTimeoutMs, &loop, &QEventLoop::quit);
    t.start();
    p.start(healthhub, {u"--data-dir"_s, dataDir, u"--demo"_s, u"--no-keychain"_s});
    loop.exec();
    if (run.ms < 0) {
        run.error = p.state() == QProcess::NotRunning
                        ? u"healthhub ended (exit %1) without the probe line"_s.arg(p.exitCode())
                        : u"no probe line within %1 s"_s.arg(kStartupTimeoutMs / 1000);
        if (p.error() == QProcess::FailedToStart)
            run.error = u"healthhub did not start: "_s + p.errorString();
    }
    // The app quits by itself after the probe line; do not let a hung one linger.
    if (p.state() != QProcess::NotRunning && !p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    return run;
}
} // namespace

Result<StartupResult> runStartupBench(const QString& healthhub, const QString& dataDir, int runs)
{
    if (!QFileInfo(healthhub).isExecutable())
        return Error(ErrorCode::NotFound, u"startup"_s, u"healthhub executable not found: "_s + healthhub);
    QTemporaryDir home;
    if (!home.isValid())
        return Error(ErrorCode::Io, u"startup"_s, u"no temporary directory"_s);
    StartupResult result;
    // One warm-up run (page cache, fontconfig cache in the throw-away home), not counted.
    for (int i = 0; i <= std::max(1, runs); ++i) {
        const OneRun r = runOnce(healthhub, dataDir, home.path());
        if (r.ms < 0)
            return Error(ErrorCode::Unknown, u"startup"_s, r.error);
        if (i == 0)
            continue;
        result.ms.append(r.ms);
        if (r.mapsRead) {
            ++result.mapsChecked;
            if (r.webEngine)
                ++result.webEngineMappedRuns;
        }
    }
    return result;
}

} // namespace hh::bench
