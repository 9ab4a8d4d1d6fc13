// `healthhub sync` end to end: a real `healthhub sandbox` process, a real vault, a real sign-in through
// `healthhub connect` (login window offscreen, the sandbox approving by itself), then `sync --json`.
// The endpoint is added by URL, so it is a vendor "other" health system: the plan comes from its
// CapabilityStatement.

#include "core/demo/SyntheticFamily.h"
#include "support/CliProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using hh::test::CliRun;

class TestSyncCli : public QObject
{
    Q_OBJECT

private:
    QString m_binary;
    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QString m_athenaBase;

    CliRun run(const QStringList& args, int timeoutMs = 120000)
    {
        QStringList all{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("--no-keychain"),
                        QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("pw"))};
        all += args;
        return hh::test::runProcess(m_binary, all, hh::test::headlessEnvironment(), {}, timeoutMs);
    }

    QStringList account() const { return {QStringLiteral("--email"), QStringLiteral("carer@example.org")}; }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = hh::test::healthhubBinary();
        QVERIFY2(QFile::exists(m_binary), "healthhub must be built before the CLI tests");
        QVERIFY(m_dir.isValid());
        QFile pw(m_dir.filePath(QStringLiteral("pw")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("a long test password\n");
        pw.close();

        m_sandbox.setProcessChannelMode(QProcess::SeparateChannels);
        m_sandbox.start(m_binary, {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                                   QStringLiteral("--auto-approve")});
        QVERIFY(m_sandbox.waitForStarted(10000));
        static const QRegularExpression line(QStringLiteral("demo-athena (http://127\\.0\\.0\\.1:\\d+/\\S+)"));
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += m_sandbox.readAllStandardOutput(),
                                  line.match(QString::fromUtf8(seen)).hasMatch()),
                                 20000);
        m_athenaBase = line.match(QString::fromUtf8(seen)).captured(1);
    }

    void cleanupTestCase()
    {
        if (m_sandbox.state() != QProcess::NotRunning) {
            m_sandbox.kill();
            m_sandbox.waitForFinished(5000);
        }
    }

    void syncEndToEnd()
    {
        CliRun r =
            run(QStringList{QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("carer@example.org"),
                            QStringLiteral("--name"), QStringLiteral("Carer")});
        QCOMPARE(r.code, 0);
        r = run(account() + QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--display-name"),
                                        QStringLiteral("Mom")});
        QCOMPARE(r.code, 0);

        // Nothing connected yet: nothing to sync, no failure.
        r = run(account() + QStringList{QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);

        r = run(account() + QStringList{QStringLiteral("endpoint"), QStringLiteral("add"), QStringLiteral("--name"),
                                        QStringLiteral("Family practice"), QStringLiteral("--fhir-base"), m_athenaBase,
                                        QStringLiteral("--client-id"), QStringLiteral("healthhub-demo")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString endpointId = QString::fromUtf8(r.out).trimmed().split(u'\n').last().trimmed();
        QVERIFY(!endpointId.isEmpty());
        r = run(account() + QStringList{QStringLiteral("connect"), QStringLiteral("--profile"), QStringLiteral("Mom"),
                                        QStringLiteral("--endpoint"), endpointId, QStringLiteral("--login-hint"),
                                        QStringLiteral("mother")});
        QVERIFY2(r.code == 0, r.err.constData());

        r = run(account() + QStringList{QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Mom"),
                                        QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray jobs = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(jobs.size(), 1);
        const QJsonObject job = jobs.first().toObject();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(job.value(QStringLiteral("profile")).toString(), QStringLiteral("Mom"));
        QCOMPARE(job.value(QStringLiteral("endpoint")).toString(), endpointId);
        QVERIFY(!job.value(QStringLiteral("job_id")).toString().isEmpty());
        QVERIFY(job.value(QStringLiteral("error_message")).isNull());
        const hh::demo::SyntheticFamily family(1);
        QCOMPARE(job.value(QStringLiteral("resources_fetched")).toInteger(),
                 family.totalCount(hh::demo::Vendor::Athena, QStringLiteral("mother")));
        QVERIFY(r.err.contains("Mom")); // progress and the summary go to stderr
        // Progress names the profile and the health system (it printed a connection id), and the share of
        // "updating the records" never goes back (it printed 100% -> 51% -> 100%).
        QVERIFY2(r.err.contains("Mom at Family practice: "), r.err.constData());
        int lastPercent = -1;
        for (const QByteArray& line : r.err.split('\n')) {
            const qsizetype at = line.indexOf("updating the records, ");
            if (at < 0)
                continue;
            const int percent = line.mid(at + 22).chopped(1).toInt();
            QVERIFY2(percent > lastPercent, r.err.constData());
            lastPercent = percent;
        }
        QCOMPARE(lastPercent, 100);

        // An unknown profile is an error.
        r = run(account() + QStringList{QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Nobody")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith("healthhub: "));
        r = run(account() + QStringList{QStringLiteral("sync"), QStringLiteral("extra")});
        QCOMPARE(r.code, 2);

        // The health system is gone: the job fails and so does the command.
        m_sandbox.kill();
        QVERIFY(m_sandbox.waitForFinished(5000));
        r = run(account() + QStringList{QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        const QJsonObject failed = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY(!failed.value(QStringLiteral("error_message")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "TestSyncCli.moc"
