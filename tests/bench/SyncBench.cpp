#include "bench/SyncBench.h"

#include "bench/BenchVault.h"
#include "bench/LocalBench.h"
#include "core/demo/DemoServer.h"
#include "core/sync/SyncScheduler.h"
#include "core/sync/TokenProvider.h"
#include "db/ConnectionFactory.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QProcess>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace hh::bench {

namespace {
constexpr int kChildTimeoutMs = 60 * 60 * 1000;

Error syncBenchError(const QString& detail)
{
    return Error(ErrorCode::Unknown, u"sync benchmark"_s, detail);
}

double maxRssMb(int who)
{
    rusage ru{};
    if (getrusage(who, &ru) != 0)
        return -1;
    return static_cast<double>(ru.ru_maxrss) / 1024.0; // KiB on Linux
}

// The token the parent obtained, for every call (the bench's sync is far shorter than its lifetime).
class FixedTokenProvider final : public sync::ITokenProvider
{
public:
    explicit FixedTokenProvider(sync::AccessToken token) : m_token(std::move(token)) {}
    Result<sync::AccessToken> accessToken(const QString&, bool forceRefresh) override
    {
        if (forceRefresh)
            return Error(ErrorCode::Unauthorized, u"no refresh in the benchmark"_s, u"forced refresh"_s);
        return m_token;
    }

private:
    sync::AccessToken m_token;
};

void printResult(const char* key, const QString& value)
{
    std::printf("result %s %s\n", key, qPrintable(value));
    std::fflush(stdout);
}
// Runs `self mode` with `input` on its stdin and collects its "result <key> <value>" lines.
Result<QHash<QString, QString>> runChild(const QString& selfPath, const QString& mode, const QByteArray& input)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QHash<QString, QString> results;
    QByteArray pending;
    QObject::connect(&child, &QProcess::readyReadStandardOutput, &child, [&] {
        pending += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl)).trimmed();
            pending.remove(0, nl + 1);
            const QStringList parts = line.split(u' ');
            if (parts.size() >= 3 && parts.at(0) == u"result")
                results.insert(parts.at(1), parts.mid(2).join(u' '));
        }
    });
    QEventLoop wait;
    QObject::connect(&child, &QProcess::finished, &wait, &QEventLoop::quit);
    QObject::connect(&child, &QProcess::errorOccurred, &wait, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            wait.quit();
    });
    QTimer::singleShot(kChildTimeoutMs, &wait, &QEventLoop::quit);
    child.start(selfPath, {mode});
    if (!child.waitForStarted(30000))
        return syncBenchError(u"child did not start: "_s + child.errorString());
    child.write(input);
    child.closeWriteChannel();
    if (child.state() != QProcess::NotRunning)
        wait.exec(); // this thread keeps serving the demo server meanwhile
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished(10000);
        return syncBenchError(mode + u": timed out"_s);
    }
    child.readAllStandardOutput();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return syncBenchError(mode + u": failed (exit %1) %2"_s.arg(child.exitCode()).arg(results.value(u"error"_s)));
    return results;
}

// Reads n lines of parameters from stdin.
QList<QByteArray> readParameters(int n)
{
    QFile in;
    QList<QByteArray> lines;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return lines;
    for (int i = 0; i < n; ++i)
        lines.append(in.readLine().trimmed());
    return lines;
}
} // namespace

Result<SyncResult> runSyncBench(int scale, const QString& patientKey, const QString& selfPath)
{
    demo::DemoServer server;
    demo::DemoServerOptions options;
    options.scale = scale;
    auto port = server.start(options);
    if (!port)
        return port.error();
    const auto ep = server.endpoint(u"demo-epic"_s);
    const auto patient = server.family().patient(patientKey);
    if (!ep || !patient)
        return syncBenchError(u"demo-epic or the patient is missing"_s);

    BareVault vault;
    if (Status st = vault.create(); !st)
        return st.error();
    auto connection = addConnection(*vault.factory(), vault.profileId(), ep->id, ep->fhirBaseUrl, patient->epicId,
                                    QString::fromLatin1(BareVault::kRole));
    if (!connection)
        return connection.error();
    vault.factory()->releaseThreadConnections();

    // Sign in like a browser would, on a helper thread while this thread's event loop serves the demo.
    QFutureWatcher<Result<sync::AccessToken>> signIn;
    QEventLoop waitSignIn;
    QObject::connect(&signIn, &QFutureWatcherBase::finished, &waitSignIn, &QEventLoop::quit);
    const QUrl base = ep->fhirBaseUrl;
    signIn.setFuture(QtConcurrent::run([base, patientKey] { return synctest::signInToDemo(base, patientKey); }));
    if (!signIn.isFinished())
        waitSignIn.exec();
    Result<sync::AccessToken> token = signIn.result();
    if (!token)
        return token.error();

    SyncResult out;
    rusage before{};
    getrusage(RUSAGE_CHILDREN, &before);
    out.childrenRusageClean = before.ru_maxrss == 0;

    // Parameters on stdin: never on the command line or in the environment (the key, the token).
    QByteArray input;
    input += QFile::encodeName(vault.path()) + '\n';
    input += vault.keyHex() + '\n';
    input += connection->toUtf8() + '\n';
    input += ep->fhirBaseUrl.toEncoded() + '\n';
    input += token->token.toByteArray() + '\n';
    input += token->patientId.toUtf8() + '\n';
    auto results = runChild(selfPath, u"--child-sync"_s, input);
    input.fill('\0');
    if (!results)
        return results.error();
    out.peakRssChildMb = maxRssMb(RUSAGE_CHILDREN);
    out.status = results->value(u"sync_status"_s);
    out.resources = results->value(u"sync_resources"_s).toLongLong();
    out.syncSeconds = results->value(u"sync_seconds"_s).toDouble();
    out.rssAfterSyncMb = results->value(u"rss_kb"_s).toDouble() / 1024.0;
    server.stop();

    if (pipelineAvailable()) {
        QByteArray pipelineInput;
        pipelineInput += QFile::encodeName(vault.path()) + '\n';
        pipelineInput += vault.keyHex() + '\n';
        pipelineInput += vault.profileId().toUtf8() + '\n';
        auto p = runChild(selfPath, u"--child-pipeline"_s, pipelineInput);
        pipelineInput.fill('\0');
        if (!p) {
            out.pipelineError = p.error().detail();
        } else {
            if (p->contains(u"pipeline_seconds"_s))
                out.pipelineSeconds = p->value(u"pipeline_seconds"_s).toDouble();
            out.pipelineError = p->value(u"pipeline_error"_s);
            out.pipelinePeakRssMb = p->value(u"rss_kb"_s).toDouble() / 1024.0;
        }
    }
    return out;
}

int runChildSync(int& argc, char** argv)
{
    QCoreApplication app(argc, argv);
    sync::registerSyncMetaTypes();
    QList<QByteArray> lines = readParameters(6);
    if (lines.size() != 6 || lines.at(0).isEmpty())
        return 3;
    const QString dbPath = QFile::decodeName(lines.at(0));
    const QString connectionId = QString::fromUtf8(lines.at(2));
    sync::AccessToken token;
    token.token = SecretBytes(lines.at(4));
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    token.patientId = QString::fromUtf8(lines.at(5));
    lines[4].fill('\0');

    auto factory = std::make_shared<db::ConnectionFactory>(dbPath, SecretBytes(QByteArray::fromHex(lines.at(1))));
    auto store = std::make_shared<db::SyncStore>(factory);
    auto tokens = std::make_shared<FixedTokenProvider>(std::move(token));
    sync::SyncScheduler scheduler(store, tokens, {}, sync::SyncEngineOptions{});
    sync::SyncJobResult result;
    QElapsedTimer timer;
    double seconds = 0;
    QObject::connect(&scheduler, &sync::ISyncControl::connectionFinished, &app,
                     [&](const sync::SyncJobResult& r) {
                         seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
                         result = r;
                         QCoreApplication::quit();
                     });
    timer.start();
    scheduler.syncConnection(connectionId);
    app.exec();
    scheduler.shutdown();
    factory->closeAll();
    printResult("sync_status", sync::jobStatusKey(result.status));
    printResult("sync_resources", QString::number(result.resourcesFetched));
    printResult("sync_seconds", QString::number(seconds, 'f', 4));
    printResult("rss_kb", QString::number(static_cast<qint64>(maxRssMb(RUSAGE_SELF) * 1024)));
    if (!result.dataStored()) {
        printResult("error", result.errorMessage.simplified());
        return 1;
    }
    return 0;
}

int runChildPipeline(int& argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QList<QByteArray> lines = readParameters(3);
    if (lines.size() != 3 || lines.at(0).isEmpty())
        return 3;
    auto factory = std::make_shared<db::ConnectionFactory>(QFile::decodeName(lines.at(0)),
                                                           SecretBytes(QByteArray::fromHex(lines.at(1))));
    auto clinical = runClinicalPipeline(factory, QString::fromUtf8(lines.at(2)));
    factory->closeAll();
    if (clinical)
        printResult("pipeline_seconds", QString::number(*clinical, 'f', 4));
    else
        printResult("pipeline_error", clinical.error().detail().simplified());
    printResult("rss_kb", QString::number(static_cast<qint64>(maxRssMb(RUSAGE_SELF) * 1024)));
    return clinical ? 0 : 1;
}

} // namespace hh::bench
