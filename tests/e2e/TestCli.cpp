// The healthhub command line, end to end: a real process, a real vault in a temporary folder.
#include "support/CliProcess.h"
#include "support/FileChecks.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using hh::test::CliRun;

class TestCli : public QObject
{
    Q_OBJECT

    QString m_binary;
    QTemporaryDir m_dir;
    bool m_keychain = false;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("vault")); }

    CliRun run(const QStringList& args, const QByteArray& stdinData = {}, bool noKeychain = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (noKeychain)
            env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
        return hh::test::runProcess(m_binary, QStringList{QStringLiteral("--data-dir"), dataDir()} + args, env,
                                    stdinData, 60000);
    }

    CliRun asAna(const QStringList& args, const QByteArray& password = "ana-password\n")
    {
        return run(QStringList{QStringLiteral("--email"), QStringLiteral("ana@example.org")} + args, password);
    }

    QJsonArray profiles()
    {
        const CliRun r = asAna({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        if (r.code != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = hh::test::healthhubBinary();
        QVERIFY2(QFile::exists(m_binary), "healthhub must be built before the CLI tests");
        m_keychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    }

    void versionAndHelp()
    {
        CliRun r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("healthhub "));
        r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("profile add"));
        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.isOneErrorLine() || r.err.contains("--help"));
        r = run({QStringLiteral("--bogus")});
        QCOMPARE(r.code, 2);
        // COMMAND --help: that command's lines (and the global options), exit 0.
        r = run({QStringLiteral("connect"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("connect --profile P --endpoint ID") && r.out.contains("--timeout SECONDS"), r.out.constData());
        QVERIFY(r.out.contains("--data-dir"));
        QVERIFY(!r.out.contains("profile add") && !r.out.contains("export --profile"));
        r = run({QStringLiteral("profile"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("profile add") && r.out.contains("profile remove") && !r.out.contains("sync [--profile"));
        r = run({QStringLiteral("frobnicate"), QStringLiteral("--help")});
        QCOMPARE(r.code, 2);
    }

    // Every exit 2 (a wrong command line, or a value it gives) ends with the hint to run --help; exit 1 does not.
    void usageErrorsCarryTheHint()
    {
        CliRun r = run({QStringLiteral("profile"), QStringLiteral("list")}); // no --email
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("healthhub --help"), r.err.constData());
        QVERIFY(r.isOneErrorLine());
        r = run({QStringLiteral("export"), QStringLiteral("--profile"), QStringLiteral("Mom"), QStringLiteral("--pdf"),
                 QStringLiteral("a.pdf"), QStringLiteral("--fhir"), QStringLiteral("a.json")});
        QCOMPARE(r.code, 2); // one or the other, as the synopsis says
        QVERIFY2(r.err.contains("not both"), r.err.constData());
        r = run({QStringLiteral("--email"), QStringLiteral("nobody@example.org"), QStringLiteral("profile"),
                 QStringLiteral("list")},
                "whatever-password\n");
        QVERIFY(r.code != 0 && r.code != 2);
        QVERIFY2(!r.err.contains("--help"), r.err.constData());
    }

    // --demo: commands work on the demo vault as its public demo account (created with the demo family on first
    // use), without --email.
    void demoVaultFromTheCommandLine()
    {
        QTemporaryDir demoDir;
        QVERIFY(demoDir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
        const CliRun r = hh::test::runProcess(m_binary,
                                              {QStringLiteral("--demo"), QStringLiteral("--data-dir"), demoDir.path(),
                                               QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")},
                                              env, {}, 60000);
        QVERIFY2(r.code == 0, r.err.constData());
        QStringList names;
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array())
            names << v.toObject().value(QStringLiteral("display_name")).toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Dad"), QStringLiteral("Jordan"), QStringLiteral("Maya"),
                                     QStringLiteral("Mom")}));
    }

    void missingVault()
    {
        const CliRun r = asAna({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.isOneErrorLine());
        QVERIFY(r.err.contains("init"));
        QVERIFY(!QFile::exists(QDir(dataDir()).filePath(QStringLiteral("vault.db"))));
    }

    void initValidates()
    {
        CliRun r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("not-an-email"),
                        QStringLiteral("--name"), QStringLiteral("Ana")},
                       "ana-password\n");
        QVERIFY(r.code != 0);
        QVERIFY(r.isOneErrorLine());
        r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("ana@example.org")}, "ana-password\n");
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("ana@example.org"),
                 QStringLiteral("--name"), QStringLiteral("Ana")},
                "short\n");
        QVERIFY(r.code != 0);
        QVERIFY(!QFile::exists(QDir(dataDir()).filePath(QStringLiteral("vault.header"))));
    }

    void initAndProfiles()
    {
        CliRun r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("ana@example.org"),
                        QStringLiteral("--name"), QStringLiteral("Ana")},
                       "ana-password\n");
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(hh::test::posixMode(QDir(dataDir()).filePath(QStringLiteral("vault.db"))), 0600);

        r = asAna({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--display-name"),
                   QStringLiteral("Mom"), QStringLiteral("--legal-name"), QStringLiteral("Zyxwa Quokkafield"),
                   QStringLiteral("--dob"), QStringLiteral("1946-03-02"), QStringLiteral("--relationship"),
                   QStringLiteral("mother")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray momId = r.out.trimmed();
        QCOMPARE(momId.size(), 36);

        // --password-file instead of stdin.
        const QString pwFile = m_dir.filePath(QStringLiteral("pw"));
        QFile f(pwFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ana-password\n");
        f.close();
        r = run({QStringLiteral("--email"), QStringLiteral("ana@example.org"), QStringLiteral("--password-file"), pwFile,
                 QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--display-name"),
                 QStringLiteral("Dad"), QStringLiteral("--relationship"), QStringLiteral("father")});
        QVERIFY2(r.code == 0, r.err.constData());

        const QJsonArray list = profiles();
        QCOMPARE(list.size(), 2);
        const QJsonObject dad = list.at(0).toObject();
        const QJsonObject mom = list.at(1).toObject();
        QCOMPARE(dad.value(u"display_name").toString(), QStringLiteral("Dad"));
        QVERIFY(dad.value(u"dob").isNull());
        QVERIFY(dad.value(u"legal_name").isNull());
        QCOMPARE(mom.value(u"id").toString(), QString::fromLatin1(momId));
        QCOMPARE(mom.value(u"legal_name").toString(), QStringLiteral("Zyxwa Quokkafield"));
        QCOMPARE(mom.value(u"dob").toString(), QStringLiteral("1946-03-02"));
        QCOMPARE(mom.value(u"relationship").toString(), QStringLiteral("mother"));

        // Nothing the app wrote holds the name in clear.
        QDirIterator it(dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!hh::test::readAll(path).contains("Quokkafield"), qPrintable(path));
        }
    }

    // The same mistake exits the same way in every command: an empty --profile is a wrong command line (2), a
    // name two profiles share too (use the id: 2), an unknown one a failed operation (1).
    void profileArgumentsExitAlike()
    {
        const QString dir = m_dir.filePath(QStringLiteral("vault-twins"));
        auto in = [&](const QStringList& args) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
            return hh::test::runProcess(m_binary,
                                        QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--email"),
                                                    QStringLiteral("twin@example.org")} + args,
                                        env, "twin-password\n", 60000);
        };
        QCOMPARE(in({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("T")}).code, 0);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(in({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--display-name"),
                         QStringLiteral("Twin")})
                         .code,
                     0);
        const QList<QStringList> commands{
            {QStringLiteral("summary")},
            {QStringLiteral("sync")},
            {QStringLiteral("export"), QStringLiteral("--fhir"), m_dir.filePath(QStringLiteral("x.json"))},
            {QStringLiteral("connect"), QStringLiteral("--endpoint"), QStringLiteral("demo-epic")},
        };
        for (const QStringList& command : commands) {
            const QString name = command.first();
            for (const auto& [profile, code] : {std::pair{QString(), 2}, std::pair{QStringLiteral("Twin"), 2},
                                                std::pair{QStringLiteral("Nobody"), 1}}) {
                const CliRun r = in(command + QStringList{QStringLiteral("--profile"), profile});
                QVERIFY2(r.code == code, qPrintable(name + QStringLiteral(" --profile '") + profile
                                                    + QStringLiteral("': ") + r.errText()));
                QVERIFY2(r.err.startsWith("healthhub: "), qPrintable(name + QStringLiteral(": ") + r.errText()));
            }
        }
    }

    // An empty --data-dir (an unset shell variable) is an error, not the default vault.
    void emptyDataDirIsRefused()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
        const QString fallback = m_dir.filePath(QStringLiteral("default-vault"));
        env.insert(QStringLiteral("HH_DATA_DIR"), fallback);
        for (const QStringList& dataDir : {QStringList{QStringLiteral("--data-dir"), QString()},
                                           QStringList{QStringLiteral("--data-dir=")}}) {
            const CliRun r = hh::test::runProcess(
                m_binary,
                dataDir + QStringList{QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("e@example.org"),
                                      QStringLiteral("--name"), QStringLiteral("E")},
                env, "ana-password\n", 60000);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.startsWith("healthhub: ") && r.err.contains("--data-dir"), r.err.constData());
            QVERIFY(!QFileInfo::exists(fallback));
        }
    }

    // A password is the same bytes from a pipe and from a file (UTF-8, never cut); bytes that are not UTF-8,
    // or more than 1024 of them, are refused with one line, and nothing is created.
    void passwordSameFromPipeAndFile()
    {
        const QString dir = m_dir.filePath(QStringLiteral("vault-passwords"));
        const QByteArray password = "p\xc3\xa4ssw\xc3\xb6rd \xe2\x9c\x93 long enough";
        auto withDir = [&](const QStringList& args, const QByteArray& input) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
            return hh::test::runProcess(m_binary, QStringList{QStringLiteral("--data-dir"), dir} + args, env, input,
                                        60000);
        };
        const QStringList init{QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("pat@example.org"),
                               QStringLiteral("--name"), QStringLiteral("Pat")};
        // Bad input (exit 2, as any invalid input).
        CliRun r = withDir(init, QByteArray(1025, 'a') + '\n');
        QCOMPARE(r.code, 2);
        QVERIFY2(r.isOneErrorLine(), r.err.constData());
        r = withDir(init, "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\n");
        QCOMPARE(r.code, 2);
        QVERIFY2(r.isOneErrorLine(), r.err.constData());
        QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("vault.header"))));

        r = withDir(init, password + "\r\n");
        QVERIFY2(r.code == 0, r.err.constData());
        const QString file = m_dir.filePath(QStringLiteral("pw-utf8"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(password + '\n');
        f.close();
        const QStringList list{QStringLiteral("--email"), QStringLiteral("pat@example.org"), QStringLiteral("--password-file"),
                               file, QStringLiteral("profile"), QStringLiteral("list")};
        r = withDir(list, {});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile bad(file);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(password).replace("\xc3\xa4", "\xe4") + '\n'); // Latin-1 bytes: not UTF-8
        bad.close();
        r = withDir(list, {});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.isOneErrorLine(), r.err.constData());
    }

    void failuresChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("exitCode");
        const QStringList add{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--display-name"),
                              QStringLiteral("X")};
        QTest::newRow("wrong password") << add << QByteArray("wrong-password\n") << 1;
        QTest::newRow("no password") << add << QByteArray() << 2;
        QTest::newRow("bad date") << (add + QStringList{QStringLiteral("--dob"), QStringLiteral("1990-02-30")})
                                  << QByteArray("ana-password\n") << 2;
        QTest::newRow("future date") << (add + QStringList{QStringLiteral("--dob"), QStringLiteral("2999-01-01")})
                                     << QByteArray("ana-password\n") << 2;
        QTest::newRow("bad relationship")
            << (add + QStringList{QStringLiteral("--relationship"), QStringLiteral("cousin")})
            << QByteArray("ana-password\n") << 2;
        QTest::newRow("no display name") << QStringList{QStringLiteral("profile"), QStringLiteral("add")}
                                         << QByteArray("ana-password\n") << 2;
        QTest::newRow("remove unknown") << QStringList{QStringLiteral("profile"), QStringLiteral("remove"),
                                                       QStringLiteral("Nobody")}
                                        << QByteArray("ana-password\n") << 1;
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("profile"), QStringLiteral("rename")}
                                            << QByteArray("ana-password\n") << 2;
    }
    void failuresChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, password);
        QFETCH(int, exitCode);
        const QJsonArray before = profiles();
        QCOMPARE(before.size(), 2);
        const CliRun r = asAna(args, password);
        QCOMPARE(r.code, exitCode);
        QVERIFY2(r.isOneErrorLine(), r.err.constData());
        QCOMPARE(profiles(), before);
    }

    void unknownAccount()
    {
        const CliRun r = run({QStringLiteral("--email"), QStringLiteral("bob@example.org"),
                              QStringLiteral("profile"), QStringLiteral("list")},
                             "ana-password\n");
        QCOMPARE(r.code, 1);
        QVERIFY(r.isOneErrorLine());
    }

    void secondAccount()
    {
        // Without a keychain a second account cannot be added from the command line (nobody signed in).
        CliRun r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("bob@example.org"),
                        QStringLiteral("--name"), QStringLiteral("Bob")},
                       "bob-password\n");
        QVERIFY(r.code != 0);
        QVERIFY(r.isOneErrorLine());
        if (!m_keychain)
            return;
        // With the system keychain holding the key (restored by a password sign-in), it can.
        r = run({QStringLiteral("--email"), QStringLiteral("ana@example.org"), QStringLiteral("profile"),
                 QStringLiteral("list")},
                "ana-password\n", false);
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("bob@example.org"),
                 QStringLiteral("--name"), QStringLiteral("Bob")},
                "bob-password\n", false);
        QVERIFY2(r.code == 0, r.err.constData());
        r = run({QStringLiteral("init"), QStringLiteral("--email"), QStringLiteral("ANA@example.org"),
                 QStringLiteral("--name"), QStringLiteral("Again")},
                "another-password\n", false);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("already exists"));
        // Bob sees none of Ana's profiles, with or without the keychain.
        r = run({QStringLiteral("--email"), QStringLiteral("bob@example.org"), QStringLiteral("profile"),
                 QStringLiteral("list"), QStringLiteral("--json")},
                "bob-password\n");
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    }

    void removeProfile()
    {
        CliRun r = asAna({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("mom")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray list = profiles();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(u"display_name").toString(), QStringLiteral("Dad"));
    }

    void newerVault()
    {
        const QString header = QDir(dataDir()).filePath(QStringLiteral("vault.header"));
        const QByteArray original = hh::test::readAll(header);
        QJsonObject o = QJsonDocument::fromJson(original).object();
        o.insert(QStringLiteral("version"), 99);
        QFile f(header);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        const CliRun r = asAna({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.isOneErrorLine());
        QVERIFY(r.err.contains("newer"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(original);
        f.close();
        QCOMPARE(profiles().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
