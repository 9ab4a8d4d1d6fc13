#pragma once

// Running a program (mostly the built `healthhub`) as a subprocess for a test: its exit code and output.
// The CLI tests (e2e, connect, sync, pipeline, i18n) and the hardening sandbox (hardening/HardeningSupport.h)
// all run it this way; each keeps its own environment, arguments and timeout.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace hh::test {

struct CliRun {
    int code = -1; // the exit code; -1 = did not start or timed out, -2 = crashed or killed
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }

    // How healthhub reports an error: one clear line on stderr, prefixed with the program name (at most
    // one more line, e.g. a hint to --help).
    [[nodiscard]] bool isOneErrorLine() const
    {
        const QByteArray text = err.trimmed();
        return !text.isEmpty() && text.startsWith("healthhub: ") && text.count('\n') <= 1;
    }
};

// Starts `program`, writes `input` to its stdin (if any) and closes it, then waits up to `timeoutMs` while
// the caller's event loop keeps running (an in-process demo server keeps answering). On timeout the process
// is killed, and the run has code -1 with whatever output it had written.
inline CliRun runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                         const QByteArray& input = {}, int timeoutMs = 120000,
                         const QString& workingDirectory = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    CliRun r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    const bool finished = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    } else {
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The built healthhub executable (HH_BINARY_DIR: cmake/HealthHubTesting.cmake, for every hh_add_test target).
inline QString healthhubBinary()
{
    return QStringLiteral(HH_BINARY_DIR "/app/healthhub");
}

// The caller's environment, with Qt offscreen and QtWebEngine able to run headless (an offscreen login window).
inline QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    env.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"), QStringLiteral("--no-sandbox --disable-gpu"));
    return env;
}

} // namespace hh::test
