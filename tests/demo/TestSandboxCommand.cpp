// `healthhub sandbox`: prints one line per endpoint, serves until SIGTERM/SIGINT, exits 0; bad arguments give
// one line on stderr and a non-zero exit. Runs the command in a child process (a small harness, and the real
// healthhub executable when it has been built).

#include "DemoTestSupport.h"

#include <QFileInfo>
#include <QProcess>

#include <csignal>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

class TestSandboxCommand : public QObject
{
    Q_OBJECT

    HttpClient m_http;

    static QString program(const QString& which)
    {
        if (which == u"harness")
            return QStringLiteral(HH_SANDBOX_HARNESS);
        return QStringLiteral(HH_BINARY_DIR) + u"/app/healthhub"_s;
    }

    static QStringList commandArgs(const QString& which, const QStringList& args)
    {
        return which == u"harness" ? args : QStringList{u"sandbox"_s} + args;
    }

    // Starts the command and reads its endpoint lines.
    bool launchSandbox(QProcess& p, const QString& which, const QStringList& args, QStringList* lines,
                       int expected)
    {
        p.start(program(which), commandArgs(which, args));
        if (!p.waitForStarted(10000))
            return false;
        while (lines->size() < expected) {
            if (!p.canReadLine() && !p.waitForReadyRead(20000))
                return false;
            while (p.canReadLine())
                lines->append(QString::fromUtf8(p.readLine()).trimmed());
        }
        return true;
    }

private Q_SLOTS:
    void servesUntilTerminated_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("signal");
        QTest::addColumn<bool>("ownApp");
        QTest::newRow("harness SIGTERM") << u"harness"_s << int(SIGTERM) << false;
        QTest::newRow("harness SIGINT, app object first") << u"harness"_s << int(SIGINT) << true;
        QTest::newRow("healthhub SIGTERM") << u"healthhub"_s << int(SIGTERM) << false;
    }

    void servesUntilTerminated()
    {
        QFETCH(QString, which);
        QFETCH(int, signal);
        QFETCH(bool, ownApp);
        if (!QFileInfo::exists(program(which)))
            QSKIP("the healthhub executable has not been built");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HH_HARNESS_APP"_s, ownApp ? u"1"_s : u"0"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        p.setProcessEnvironment(env);
        QStringList lines;
        QVERIFY(launchSandbox(p, which, {u"--port"_s, u"0"_s, u"--fault"_s, u"503:Observation:1"_s}, &lines, 2));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(u"demo-epic http://127.0.0.1:"_s));
        QVERIFY(lines.at(0).endsWith(u"/demo-epic/api/FHIR/R4"_s));
        QVERIFY(lines.at(1).startsWith(u"demo-athena http://127.0.0.1:"_s));
        QVERIFY(lines.at(1).endsWith(u"/demo-athena/fhir/r4"_s));
        // It serves.
        const QString base = lines.at(1).section(u' ', 1);
        const HttpResult smart = m_http.get(QUrl(base + u"/.well-known/smart-configuration"_s));
        QCOMPARE(smart.status, 200);
        QVERIFY(smart.json().contains(u"token_endpoint"_s));
        QCOMPARE(p.state(), QProcess::Running);
        ::kill(pid_t(p.processId()), signal);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        // And the port is closed.
        QVERIFY(m_http.get(QUrl(base + u"/metadata"_s)).error != QNetworkReply::NoError);
    }

    void replayEndpointsArePrinted()
    {
        const QString corpus = QStringLiteral(HH_CORPUS_DIR) + u"/athena"_s;
        if (!QFileInfo::exists(corpus))
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        QProcess p;
        QStringList lines;
        QVERIFY(launchSandbox(p, u"harness"_s, {u"--replay"_s, corpus, u"--auto-approve"_s, u"--scale"_s, u"2"_s},
                              &lines, 3));
        QVERIFY(lines.at(2).startsWith(u"replay-athena-1 http://127.0.0.1:"_s));
        QVERIFY(lines.at(2).endsWith(u"/replay/1/fhir/r4"_s));
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown option") << QStringList{u"--colour"_s};
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"abc"_s};
        QTest::newRow("port too big") << QStringList{u"--port"_s, u"70000"_s};
        QTest::newRow("port missing") << QStringList{u"--port"_s};
        QTest::newRow("scale zero") << QStringList{u"--scale"_s, u"0"_s};
        QTest::newRow("bad fault") << QStringList{u"--fault"_s, u"explode:Observation"_s};
        QTest::newRow("missing replay dir") << QStringList{u"--replay"_s, u"/nonexistent/dir"_s};
        QTest::newRow("empty replay dir") << QStringList{u"--replay"_s, QString()};
        QTest::newRow("replay dir is a file") << QStringList{u"--replay"_s, QCoreApplication::applicationFilePath()};
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(program(u"harness"_s), args);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY(p.exitCode() != 0);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        const QList<QByteArray> errLines = p.readAllStandardError().trimmed().split('\n');
        QCOMPARE(errLines.size(), 1);
        QVERIFY(errLines.first().startsWith("healthhub: "));
    }

    void portInUse()
    {
        DemoServer taken;
        QVERIFY(taken.start({}).ok());
        QProcess p;
        p.start(program(u"harness"_s), {u"--port"_s, QString::number(taken.port())});
        QVERIFY(p.waitForFinished(20000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(p.readAllStandardError().startsWith("healthhub: "));
    }
};

QTEST_GUILESS_MAIN(TestSandboxCommand)
#include "TestSandboxCommand.moc"
