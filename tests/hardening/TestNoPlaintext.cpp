// No plaintext (issue 8): after a whole journey with the demo family — init, profile add, endpoint add,
// connect (login window offscreen, the demo server approving by itself), sync, review (summary, lists),
// export — no file the app wrote holds a patient's name, address or phone, a record's text, or a secret of
// the sign-in (every code and token the demo server issued, OAuth state, PKCE verifier). Exports are
// excepted: they go to a folder outside the scanned tree because the user asked for them.
//
// Every healthhub process runs with HOME, XDG_* dirs, TMPDIR and --data-dir inside one temporary directory,
// with every hh.* logging category on and its stdout/stderr kept as log files in that tree, so "every file
// it wrote" is that tree. The demo health system runs in this process (its files are not the app's).

#include "hardening/HardeningSupport.h"

#include "core/demo/DemoServer.h"
#include "core/vault/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace hh;
using namespace hh::hardening;
using namespace Qt::StringLiterals;

namespace {
const QString kEmail = u"carer@example.org"_s;
const QByteArray kPassword = "a long test password";

} // namespace

class TestNoPlaintext : public QObject
{
    Q_OBJECT

private:
    demo::DemoServer m_server;
    QTemporaryDir m_root;    // everything the app writes
    QTemporaryDir m_outside; // the password file and the exports: the user's own files

    QStringList account() const
    {
        return {u"--email"_s, kEmail, u"--password-file"_s, m_outside.filePath(u"password"_s)};
    }

    // Runs one step and keeps its output as the log files a scheduled job would leave.
    CliRun step(Cli& cli, const QString& name, const QStringList& args, bool keepStdout = true)
    {
        CliRun r = cli.run(args);
        QDir().mkpath(cli.path(u"logs"_s));
        QFile err(cli.path(u"logs/%1.stderr"_s.arg(name)));
        if (err.open(QIODevice::WriteOnly))
            err.write(r.err);
        // The stdout of the review commands is what the user asked to see (like an export): not a log.
        QFile out(keepStdout ? cli.path(u"logs/%1.stdout"_s.arg(name)) : m_outside.filePath(name + u".stdout"_s));
        if (out.open(QIODevice::WriteOnly))
            out.write(r.out);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_outside.isValid());
        QVERIFY2(QFile::exists(Cli::binary()), "healthhub must be built before this test");
        QFile pw(m_outside.filePath(u"password"_s));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(kPassword + '\n');
        pw.close();
        demo::DemoServerOptions options;
        options.autoApprove = true;
        m_server.setRecordIssuedSecrets(true);
        auto started = m_server.start(options);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().detail()));
    }

    // The scanner can fail: text planted in plain files, in several encodings and hidden places, is found;
    // a clean file and an excluded folder are not reported.
    void scannerFindsPlantedText()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const QString& name, const QByteArray& bytes) {
            QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(u"plain.txt"_s, "log line: patient MARGARET q. example\n");
        write(u".hidden/deep/cache.bin"_s, QByteArray("\x00\x01", 2) + detail::utf16le(u"Heart failure"_s) + "\xff");
        write(u"journal-wal"_s, "GET /cb?state=abc%2Fdef HTTP/1.1");
        write(u"clean.txt"_s, "nothing to see here");
        write(u"excluded/export.json"_s, "Heart failure");
        const QList<Needle> needles{{u"name"_s, u"Margaret Q. Example"_s.split(u' ').first(), false},
                                    {u"condition"_s, u"heart failure"_s, false},
                                    {u"token"_s, u"abc/def"_s, true},
                                    {u"absent"_s, u"Nowhere to be found"_s, false}};
        const QStringList files = filesUnder(dir.path(), {dir.filePath(u"excluded"_s)});
        QCOMPARE(files.size(), 4);
        const QList<Finding> found = scanFiles(files, needles);
        QStringList got;
        for (const Finding& f : found)
            got << QDir(dir.path()).relativeFilePath(f.file) + u'=' + f.label;
        got.sort();
        QCOMPARE(got, (QStringList{u".hidden/deep/cache.bin=condition"_s, u"journal-wal=token"_s, u"plain.txt=name"_s}));
    }

    void wholeJourneyLeavesNoPlaintext()
    {
        const QDateTime startedAt = QDateTime::currentDateTime().addSecs(-1);
        Cli cli(m_root.path());
        cli.setEnv(u"QT_LOGGING_RULES"_s, u"hh.*=true"_s); // every diagnostic the app has, into the logs
        const auto demoAthena = m_server.endpoint(u"demo-athena"_s);
        QVERIFY(demoAthena.has_value());
        const auto mother = m_server.family().patient(u"mother"_s);
        QVERIFY(mother.has_value());

        CliRun r = step(cli, u"init"_s, {u"init"_s, u"--email"_s, kEmail, u"--name"_s, u"Carer"_s,
                                         u"--password-file"_s, m_outside.filePath(u"password"_s)});
        QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"profile-add"_s,
                 account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Mom"_s, u"--legal-name"_s,
                                         mother->displayName, u"--dob"_s, mother->birthDate, u"--relationship"_s,
                                         u"mother"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"endpoint-add"_s,
                 account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"Family practice"_s, u"--fhir-base"_s,
                                         demoAthena->fhirBaseUrl.toString(), u"--client-id"_s, u"healthhub-demo"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString endpointId = QString::fromUtf8(r.out).trimmed().split(u'\n').constLast().trimmed();
        r = step(cli, u"connect"_s,
                 account() + QStringList{u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, endpointId,
                                         u"--login-hint"_s, u"mother"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        // A first sync dies mid-way (SIGKILL after its 2nd batch commit, core/TestHooks.h): its write-ahead
        // log and shared-memory index stay on disk as after a crash, and are scanned as they are.
        cli.setEnv(u"HH_KILL_AT"_s, u"sync.batch.after-commit:2"_s);
        r = step(cli, u"sync-killed"_s, account() + QStringList{u"sync"_s, u"--profile"_s, u"Mom"_s});
        cli.unsetEnv(u"HH_KILL_AT"_s);
        QCOMPARE(r.code, -2);
        QVERIFY2(r.err.contains("hh-testhook: killed at"), r.err.constData());
        QVERIFY2(QFile::exists(cli.dataDir() + u"/vault.db-wal"_s), "the killed sync should leave its WAL behind");
        const QStringList crashFiles = filesUnder(cli.root());
        QMap<QString, QByteArray> crashSnapshot; // path -> bytes, scanned at the end with the full needle list
        for (const QString& f : crashFiles) {
            QFile file(f);
            if (file.open(QIODevice::ReadOnly))
                crashSnapshot.insert(f, file.readAll());
        }

        r = step(cli, u"sync"_s, account() + QStringList{u"sync"_s, u"--profile"_s, u"Mom"_s, u"--json"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray jobs = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().toObject().value(u"status"_s).toString(), u"success"_s);
        QVERIFY(jobs.first().toObject().value(u"resources_fetched"_s).toInteger() > 0); // resumed: the rest

        // Review: the summary (when the command exists) and the lists.
        r = step(cli, u"summary"_s, account() + QStringList{u"summary"_s, u"--profile"_s, u"Mom"_s}, false);
        if (r.code == 2 && r.err.contains("Unknown command"))
            qInfo("`healthhub summary` does not exist yet: the review step runs the lists only");
        else
            QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"profile-list"_s, account() + QStringList{u"profile"_s, u"list"_s, u"--json"_s}, false);
        QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"endpoint-list"_s, account() + QStringList{u"endpoint"_s, u"list"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"sync-again"_s, account() + QStringList{u"sync"_s});
        QVERIFY2(r.code == 0, r.err.constData());

        // Export (outside the scanned tree).
        r = step(cli, u"export-fhir"_s,
                 account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s,
                                         m_outside.filePath(u"mom.json"_s)});
        QVERIFY2(r.code == 0, r.err.constData());
        r = step(cli, u"export-pdf"_s,
                 account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--pdf"_s,
                                         m_outside.filePath(u"mom.pdf"_s)});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFileInfo(m_outside.filePath(u"mom.pdf"_s)).size() > 0);

        // What must not be there.
        QList<Needle> needles = recordNeedles(m_server.family(), demo::Vendor::Athena, u"mother"_s);
        QVERIFY2(needles.size() >= 10, "the demo family should give names and record text to look for");
        int conditions = 0;
        for (const Needle& n : std::as_const(needles))
            conditions += n.label == u"condition" ? 1 : 0;
        QVERIFY(conditions > 0);

        // The secrets the health system issued, as the app keeps them (decrypted here with the vault's key):
        // the access and refresh tokens of the connection, the OAuth state and PKCE verifier of the sign-in.
        QStringList rawContains; // record text that the vault does hold (encrypted): proves data was synced
        {
            db::VaultService vault(cli.dataDir(), std::make_unique<NoKeychain>());
            auto user = vault.signIn(kEmail, SecretBytes(kPassword)).result();
            QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().detail()));
            const SecretBytes key = vault.secretsKey();
            auto factory = vault.connections();
            {
                auto db = factory->connection(u"no_plaintext"_s);
                QVERIFY(db.ok());
                QSqlQuery q(*db);
                QVERIFY(q.exec(u"SELECT count(*) FROM profile_fhir_resources_raw"_s) && q.next());
                QCOMPARE(q.value(0).toLongLong(), m_server.family().totalCount(demo::Vendor::Athena, u"mother"_s));
                q.finish();
                int n = 0;
                QVERIFY(q.exec(u"SELECT access_token_encrypted, refresh_token_encrypted FROM profile_emr_connections"_s));
                while (q.next()) {
                    for (int c = 0; c < 2; ++c) {
                        if (q.value(c).isNull() || q.value(c).toByteArray().isEmpty())
                            continue;
                        auto plain = crypto::open(key, q.value(c).toByteArray());
                        QVERIFY(plain.ok());
                        needles.append({c == 0 ? u"access token"_s : u"refresh token"_s,
                                        QString::fromUtf8(plain->toByteArray()), true});
                        ++n;
                    }
                }
                QVERIFY2(n >= 2, "the connection should hold an access and a refresh token");
                QVERIFY(q.exec(u"SELECT state, code_verifier_encrypted FROM oauth_states"_s));
                while (q.next()) {
                    needles.append({u"oauth state"_s, q.value(0).toString(), true});
                    auto verifier = crypto::open(key, q.value(1).toByteArray());
                    QVERIFY(verifier.ok());
                    needles.append({u"pkce verifier"_s, QString::fromUtf8(verifier->toByteArray()), true});
                }
                q.finish();
                for (const Needle& needle : std::as_const(needles)) {
                    if (needle.label != u"condition")
                        continue;
                    q.prepare(u"SELECT count(*) FROM profile_fhir_resources_raw WHERE resource_json LIKE ?"_s);
                    q.addBindValue(u"%"_s + needle.text + u"%"_s);
                    if (q.exec() && q.next() && q.value(0).toInt() > 0)
                        rawContains << needle.text;
                    q.finish();
                }
            }
            factory->releaseThreadConnections();
        }
        QVERIFY2(!rawContains.isEmpty(), "the synced records should contain the conditions' text");

        // Every secret the health system issued in this journey, from its own side: authorization codes,
        // access and refresh tokens (also those renewed along the way) and id_tokens.
        const QStringList issued = m_server.issuedSecrets();
        QVERIFY2(issued.size() >= 3, "the demo server should have issued a code, an access and a refresh token");
        for (const QString& secret : issued)
            needles.append({u"issued by the health system"_s, secret, true});

        // A planted line in the tree proves that the scan walks it and can see plain text.
        {
            QFile planted(cli.path(u"xdg-cache/planted-by-test.txt"_s));
            QVERIFY(planted.open(QIODevice::WriteOnly));
            planted.write("a line with the planted marker HH-PLANTED-7f3c in clear\n");
        }
        needles.append({u"planted"_s, u"HH-PLANTED-7f3c"_s, true});

        const QStringList files = filesUnder(cli.root());
        for (const QString& must : {cli.dataDir() + u"/vault.db"_s, cli.dataDir() + u"/vault.header"_s,
                                    cli.dataDir() + u"/settings.ini"_s, cli.path(u"logs/sync.stderr"_s)})
            QVERIFY2(files.contains(must), qPrintable(must));
        const QList<Finding> findings = scanFiles(files, needles);
        QList<Finding> leaks;
        bool sawPlanted = false;
        for (const Finding& f : findings) {
            if (f.label == u"planted")
                sawPlanted = true;
            else
                leaks.append(f);
        }
        QStringList relative;
        for (const QString& f : files)
            relative << QDir(cli.root()).relativeFilePath(f);
        qInfo("scanned %lld files under the journey's directory for %lld texts: %s", qlonglong(files.size()),
              qlonglong(needles.size()), qPrintable(relative.join(u", "_s)));
        QVERIFY2(sawPlanted, "the scan did not find the planted line");

        // The files as the killed sync left them (WAL included), written to a scratch copy for the scanner.
        QTemporaryDir snapshotDir;
        QVERIFY(snapshotDir.isValid());
        QStringList snapshotFiles;
        for (auto it = crashSnapshot.cbegin(); it != crashSnapshot.cend(); ++it) {
            const QString copy = snapshotDir.filePath(QDir(cli.root()).relativeFilePath(it.key()));
            QDir().mkpath(QFileInfo(copy).absolutePath());
            QFile f(copy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(it.value());
            snapshotFiles << copy;
        }
        QVERIFY(snapshotFiles.contains(snapshotDir.filePath(u"vault/vault.db-wal"_s)));
        QVERIFY(QFileInfo(snapshotDir.filePath(u"vault/vault.db-wal"_s)).size() > 0);
        const QList<Finding> crashLeaks = scanFiles(snapshotFiles, needles);
        QVERIFY2(crashLeaks.isEmpty(), qPrintable(u"plaintext found after the kill:\n"_s + describe(crashLeaks, snapshotDir.path())));
        QVERIFY2(leaks.isEmpty(), qPrintable(u"plaintext found:\n"_s + describe(leaks, cli.root())));

        // Outside the tree: files created during the journey in the shared temporary folders must not carry
        // any of this journey's secrets (other tests may legitimately hold the demo family's names).
        QList<Needle> secrets;
        for (const Needle& n : std::as_const(needles))
            if (n.caseSensitive && n.label != u"planted")
                secrets.append(n);
        QStringList recent;
        for (const QString& shared : {u"/tmp"_s, u"/var/tmp"_s, u"/dev/shm"_s}) {
            for (const QString& f : filesUnder(shared, {m_root.path(), m_outside.path()})) {
                const QFileInfo info(f);
                if (info.lastModified() >= startedAt && info.size() < 64 * 1024 * 1024 && info.isReadable())
                    recent << f;
            }
        }
        QList<Finding> outside;
        for (const Finding& f : scanFiles(recent, secrets))
            if (f.label != u"<unreadable>")
                outside.append(f);
        QVERIFY2(outside.isEmpty(), qPrintable(u"secrets found outside:\n"_s + describe(outside, u"/"_s)));
    }
};

QTEST_GUILESS_MAIN(TestNoPlaintext)
#include "TestNoPlaintext.moc"
