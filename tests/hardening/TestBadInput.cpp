// Bad input at every boundary (issue 8): `healthhub` run as a process with bad command lines, passwords,
// files to import, data folders, server replies and settings. Every row checks that
//  - the process ends normally (no crash, no abort) with the documented exit code (1 the operation failed,
//    2 the command line is wrong; 0 where bad data is ignored on purpose);
//  - stderr carries a clear message (the expected words, "healthhub: ..." for errors), no stack trace or
//    developer detail (no SQL, no Qt internals) and no PHI (the demo patient's name or record text);
//  - nothing stored changed: the vault's logical content (row count and hash of every table, read through
//    the app's vault service) and the vault header's bytes; for usage errors also the database file's bytes
//    (the command must not even open it). For syncs against a failing server only the records are compared:
//    the sync history (jobs, connection status, checkpoint) legitimately records the failure.
// At the end the rows are printed as the README's "Bad input" table.

#include "hardening/HardeningSupport.h"
#include "smart/FakeHttpServer.h"

#include "core/demo/DemoServer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <functional>

#include <sys/stat.h>

using namespace hh;
using namespace hh::hardening;
using namespace Qt::StringLiterals;

namespace {
const QString kEmail = u"carer@example.org"_s;
const QByteArray kPassword = "a long test password";

enum class Stored {
    Untouched, // logical content, header bytes and database bytes unchanged (not even opened for writing)
    Content,   // logical content and header bytes unchanged
    Records,   // records, profiles, endpoints, tokens unchanged; sync history may record the failure
};

struct Row {
    QString boundary;
    QString tried;
    QStringList args;
    int exitCode = 2;
    QString message; // expected in stderr (case-insensitive)
    Stored stored = Stored::Untouched;
    std::function<void()> before;
    std::function<void()> after;
};

QString resultText(const Row& r, const QString& observed)
{
    const QString stored = r.stored == Stored::Records ? u"records unchanged"_s : u"vault unchanged"_s;
    const QString said = observed.isEmpty() ? u"nothing on stderr"_s : u"“%1”"_s.arg(observed);
    return u"exit %1, %2; %3"_s.arg(r.exitCode).arg(said, stored);
}
} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    demo::DemoServer m_server;
    smart::test::FakeHttpServer m_web;
    QTemporaryDir m_root;
    QTemporaryDir m_files; // the user's files: password files, directories to import, export targets
    std::unique_ptr<Cli> m_cli;
    QList<Row> m_rows;
    QHash<int, QString> m_observed; // row -> the message it printed (for the README table)
    QList<Needle> m_phi;
    QString m_endpointId;

    QString file(const QString& name) const { return m_files.filePath(name); }
    QStringList account(const QString& passwordFile = {}) const
    {
        return {u"--email"_s, kEmail, u"--password-file"_s, passwordFile.isEmpty() ? file(u"pw"_s) : passwordFile};
    }
    void writeFile(const QString& name, const QByteArray& bytes) const
    {
        QFile f(file(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }

    SecretBytes m_key; // the vault key, for the digests

    VaultDigest digest(const QSet<QString>& ignored = {}) const { return vaultDigest(m_cli->dataDir(), m_key, ignored); }

    void buildRows();

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_files.isValid());
        QVERIFY2(QFile::exists(Cli::binary()), "healthhub must be built before this test");
        m_cli = std::make_unique<Cli>(m_root.path());
        writeFile(u"pw"_s, kPassword + '\n');
        demo::DemoServerOptions options;
        options.autoApprove = true;
        auto started = m_server.start(options);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().detail()));
        m_phi = recordNeedles(m_server.family(), demo::Vendor::Athena, u"mother"_s);
        QVERIFY(m_phi.size() > 5);

        // A vault with a synced profile: what bad input must not damage.
        const auto mother = m_server.family().patient(u"mother"_s);
        CliRun r = m_cli->run(account() + QStringList{u"init"_s, u"--email"_s, kEmail, u"--name"_s, u"Carer"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = m_cli->run(account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Mom"_s, u"--legal-name"_s,
                                               mother->displayName, u"--relationship"_s, u"mother"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = m_cli->run(account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"Family practice"_s,
                                               u"--fhir-base"_s, m_server.endpoint(u"demo-athena"_s)->fhirBaseUrl.toString(),
                                               u"--client-id"_s, u"healthhub-demo"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        m_endpointId = QString::fromUtf8(r.out).trimmed().split(u'\n').constLast().trimmed();
        r = m_cli->run(account() + QStringList{u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, m_endpointId,
                                               u"--login-hint"_s, u"mother"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = m_cli->run(account() + QStringList{u"sync"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        m_key = vaultKey(m_cli->dataDir(), kEmail, kPassword);
        QVERIFY(!m_key.isEmpty());

        // A web server that answers badly, for downloads and discovery.
        m_web.on("GET", u"/dir-html"_s, [](const smart::test::RecordedRequest&) {
            return smart::test::FakeResponse{200, "text/html", "<html><body>Directory</body></html>", {}, false};
        });
        m_web.on("GET", u"/dir-500"_s, [](const smart::test::RecordedRequest&) {
            return smart::test::FakeResponse{500, "application/json", "{\"error\":\"boom\"}", {}, false};
        });
        m_web.on("GET", u"/dir-malformed"_s, [](const smart::test::RecordedRequest&) {
            return smart::test::FakeResponse{200, "application/fhir+json", "{\"resourceType\":\"Bundle\",\"entry\":[{", {}, false};
        });
        for (const QString& p : {u"/html/.well-known/smart-configuration"_s, u"/html/metadata"_s})
            m_web.on("GET", p, [](const smart::test::RecordedRequest&) {
                return smart::test::FakeResponse{200, "text/html", "<html><body>Sign in</body></html>", {}, false};
            });
        for (const QString& p : {u"/truncated/.well-known/smart-configuration"_s, u"/truncated/metadata"_s})
            m_web.on("GET", p, [](const smart::test::RecordedRequest&) {
                return smart::test::FakeResponse{200, "application/json", "{\"authorization_endpoint\":\"https://", {}, false};
            });
        QVERIFY(m_web.start() > 0);

        // Files to import.
        writeFile(u"malformed.json"_s, "{\"resourceType\": \"Bundle\", \"entry\": [ {\"resource\": ");
        writeFile(u"binary.json"_s, QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01", 20));
        writeFile(u"empty.json"_s, {});
        writeFile(u"wrong-shape.json"_s, "[1, 2, 3, \"four\", null]");
        writeFile(u"not-a-bundle.json"_s, "{\"resourceType\": \"Patient\", \"id\": \"x\"}");
        writeFile(u"deep.json"_s, QByteArray(200000, '['));
        {
            QFile huge(file(u"huge.json"_s)); // sparse: larger than the 160 MB limit, no disk used
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize(161LL * 1024 * 1024));
        }
        writeFile(u"wrong-pw"_s, "not the password\n");
        writeFile(u"empty-pw"_s, "\n");
        QDir().mkpath(file(u"a-directory"_s));
        writeFile(u"plain-file"_s, "just a file\n");
        buildRows();
    }

    void badInput_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_rows.size(); ++i)
            QTest::newRow(qPrintable(m_rows.at(i).boundary + u": "_s + m_rows.at(i).tried)) << i;
    }

    void badInput()
    {
        QFETCH(int, index);
        const Row& row = m_rows.at(index);
        const QSet<QString> ignored = row.stored == Stored::Records
            ? QSet<QString>{u"profile_sync_jobs"_s, u"profile_summary"_s, u"app_settings"_s, u"profile_emr_connections.status"_s,
                            u"profile_emr_connections.last_error"_s, u"profile_emr_connections.updated_at"_s,
                            u"profile_emr_connections.sync_state"_s, u"profile_emr_connections.last_synced_at"_s}
            : QSet<QString>{};
        const VaultDigest before = digest(ignored);
        QVERIFY2(before.isValid(), qPrintable(before.error));
        const QByteArray headerBefore = fileDigest(m_cli->dataDir() + u"/vault.header"_s);
        const QByteArray dbBefore = fileDigest(m_cli->dataDir() + u"/vault.db"_s);
        QVERIFY(!headerBefore.isEmpty() && !dbBefore.isEmpty());

        if (row.before)
            row.before();
        QElapsedTimer timer;
        timer.start();
        const CliRun r = m_cli->run(row.args);
        qDebug("%lld ms", qlonglong(timer.elapsed()));
        const QByteArray dbAfterRun = fileDigest(m_cli->dataDir() + u"/vault.db"_s);
        if (row.after)
            row.after();

        const QString err = QString::fromUtf8(r.err);
        // A sync reports progress and one line per job; other commands one message. Diagnostics of the
        // logging categories ("hh.db.sql: ...", warnings only by default) are allowed but checked for PHI.
        const bool progress = row.args.contains(u"sync"_s);
        QStringList messageLines;
        static const QRegularExpression logLine(u"^hh\\.[a-z.]+: "_s);
        for (const QString& line : err.split(u'\n', Qt::SkipEmptyParts))
            if (!logLine.match(line).hasMatch())
                messageLines << line;
        const QString message = messageLines.join(u'\n');
        QVERIFY2(r.code != -1, "did not finish in time");
        QVERIFY2(r.code != -2, qPrintable(u"crashed: "_s + err));
        QVERIFY2(r.code == row.exitCode, qPrintable(u"exit %1, stderr: %2"_s.arg(r.code).arg(err)));
        {
            // The decisive line: the error of a command, the job line of a sync.
            QString said = messageLines.isEmpty() ? QString() : messageLines.constLast();
            for (const QString& line : std::as_const(messageLines))
                if (line.startsWith(u"healthhub: "_s) || line.contains(u" at "_s))
                    said = line;
            said.replace(m_files.path(), u"…"_s).replace(m_root.path(), u"…"_s);
            if (said.size() > 160)
                said = said.left(157) + u"..."_s;
            m_observed.insert(index, said.replace(u'|', u'/'));
        }
        QVERIFY2(err.contains(row.message, Qt::CaseInsensitive), qPrintable(u"stderr: "_s + err));
        if (row.exitCode != 0 && !progress)
            QVERIFY2(message.startsWith(u"healthhub"_s), qPrintable(u"stderr: "_s + err));
        static const QRegularExpression internals(
            u"terminate called|Segmentation|Aborted|ASSERT|QSql|sqlite|SQLITE_|QThread|QObject::|QCommandLine|"
            u"what\\(\\)|0x[0-9a-f]{8}|^\\s*#\\d+ |\\.cpp"_s,
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
        QVERIFY2(!internals.match(message).hasMatch(), qPrintable(u"internals on stderr: "_s + err));
        if (!progress)
            QVERIFY2(messageLines.size() <= 3, qPrintable(u"too much on stderr: "_s + err));
        for (const Needle& n : std::as_const(m_phi)) {
            QVERIFY2(!err.contains(n.text, Qt::CaseInsensitive), qPrintable(u"PHI on stderr: "_s + n.label));
            QVERIFY2(!QString::fromUtf8(r.out).contains(n.text, Qt::CaseInsensitive),
                     qPrintable(u"PHI on stdout: "_s + n.label));
        }

        QCOMPARE(fileDigest(m_cli->dataDir() + u"/vault.header"_s), headerBefore);
        if (row.stored == Stored::Untouched)
            QVERIFY2(dbAfterRun == dbBefore, "the database file changed");
        const VaultDigest afterDigest = digest(ignored);
        QVERIFY2(afterDigest.isValid(), qPrintable(afterDigest.error));
        const QStringList changed = before.differences(afterDigest);
        QVERIFY2(changed.isEmpty(), qPrintable(u"changed: "_s + changed.join(u", "_s)));
    }

    void cleanupTestCase()
    {
        // The README table, from the rows as they are checked.
        QStringList lines{u"| Boundary | What was tried | Result |"_s, u"| --- | --- | --- |"_s};
        for (int i = 0; i < m_rows.size(); ++i)
            lines << u"| %1 | %2 | %3 |"_s.arg(m_rows.at(i).boundary, m_rows.at(i).tried,
                                             resultText(m_rows.at(i), m_observed.value(i)));
        qInfo("%s", qPrintable(lines.join(u'\n')));
    }
};

void TestBadInput::buildRows()
{
    const QString cmd = u"command line"_s;
    const QString pw = u"password"_s;
    const QString files = u"files to import"_s;
    const QString dir = u"data folder"_s;
    const QString server = u"server replies"_s;
    const QString settings = u"settings"_s;
    const QString url = u"URLs"_s;
    const QString exp = u"export"_s;
    auto row = [this](QString boundary, QString tried, QStringList args, int exitCode, QString message,
                      Stored stored = Stored::Untouched, std::function<void()> before = {},
                      std::function<void()> after = {}) {
        m_rows.append(Row{std::move(boundary), std::move(tried), std::move(args), exitCode, std::move(message),
                          stored, std::move(before), std::move(after)});
    };

    // Command line.
    row(cmd, u"unknown command `frobnicate`"_s, {u"frobnicate"_s}, 2, u"Unknown command"_s);
    row(cmd, u"unknown global option `--frobnicate`"_s, {u"--frobnicate"_s, u"profile"_s, u"list"_s}, 2,
         u"Unknown option"_s);
    row(cmd, u"global option without its value (`--email` last)"_s, {u"--email"_s}, 2, u"needs a value"_s);
    row(cmd, u"unknown subcommand `profile frob`"_s, account() + QStringList{u"profile"_s, u"frob"_s}, 2,
         u"Unknown profile command"_s);
    row(cmd, u"unknown option of a subcommand (`profile list --frob`)"_s,
         account() + QStringList{u"profile"_s, u"list"_s, u"--frob"_s}, 2, u"frob"_s);
    row(cmd, u"option without its value (`profile add --display-name`)"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s}, 2, u"display-name"_s);
    row(cmd, u"unexpected extra argument (`endpoint list extra`)"_s,
         account() + QStringList{u"endpoint"_s, u"list"_s, u"extra"_s}, 2, u"Unexpected argument"_s);
    row(cmd, u"`profile add` without `--display-name`"_s, account() + QStringList{u"profile"_s, u"add"_s}, 2,
         u"--display-name"_s);
    row(cmd, u"date of birth `1990-02-30`"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Dad"_s, u"--dob"_s, u"1990-02-30"_s},
         2, u"YYYY-MM-DD"_s);
    row(cmd, u"date of birth `31/12/1950`"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Dad"_s, u"--dob"_s, u"31/12/1950"_s},
         2, u"YYYY-MM-DD"_s);
    row(cmd, u"date of birth in the future (`2999-01-01`)"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Dad"_s, u"--dob"_s, u"2999-01-01"_s},
         2, u"future"_s);
    row(cmd, u"unknown relationship `cousin`"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Dad"_s, u"--relationship"_s,
                                 u"cousin"_s},
         2, u"Unknown relationship"_s);
    row(cmd, u"display name of 5000 characters"_s,
         account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, QString(5000, u'x')}, 2,
         u"too long"_s);
    row(cmd, u"non-existent profile (`profile remove Nobody`)"_s,
         account() + QStringList{u"profile"_s, u"remove"_s, u"Nobody"_s}, 1, u"healthhub: "_s, Stored::Content);
    row(cmd, u"non-existent profile (`export --profile Nobody`)"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Nobody"_s, u"--fhir"_s, file(u"out.json"_s)}, 1,
         u"healthhub: "_s, Stored::Content);
    row(cmd, u"non-existent profile (`sync --profile Nobody`)"_s,
         account() + QStringList{u"sync"_s, u"--profile"_s, u"Nobody"_s}, 1, u"healthhub: "_s, Stored::Content);
    row(cmd, u"non-existent endpoint (`connect --endpoint nowhere`)"_s,
         account() + QStringList{u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"nowhere"_s}, 1,
         u"healthhub: "_s, Stored::Content);

    // Passwords.
    row(pw, u"wrong password"_s, account(file(u"wrong-pw"_s)) + QStringList{u"profile"_s, u"list"_s}, 1,
         u"password is not correct"_s, Stored::Content);
    row(pw, u"password file that does not exist"_s,
         account(file(u"no-such-file"_s)) + QStringList{u"profile"_s, u"list"_s}, 2, u"cannot be read"_s);
    row(pw, u"password file that is a directory"_s,
         account(file(u"a-directory"_s)) + QStringList{u"profile"_s, u"list"_s}, 2, u"cannot be read"_s);
    row(pw, u"empty password file"_s, account(file(u"empty-pw"_s)) + QStringList{u"profile"_s, u"list"_s}, 2,
         u"empty"_s);
    row(pw, u"no password file and nothing on stdin"_s, {u"--email"_s, kEmail, u"profile"_s, u"list"_s}, 2,
         u"No password"_s);
    row(pw, u"unknown account email"_s,
         {u"--email"_s, u"someone@example.org"_s, u"--password-file"_s, file(u"pw"_s), u"profile"_s, u"list"_s}, 1,
         u"No account"_s, Stored::Content);
    row(pw, u"`init` again on an existing vault"_s,
         account() + QStringList{u"init"_s, u"--email"_s, u"other@example.org"_s, u"--name"_s, u"Other"_s}, 2,
         u"already exists"_s, Stored::Content);

    // Files to import.
    for (const auto& [name, what, message] :
         {std::tuple{u"malformed.json"_s, u"malformed JSON (cut in the middle)"_s, u"healthhub: "_s},
          std::tuple{u"binary.json"_s, u"binary file (PNG bytes)"_s, u"healthhub: "_s},
          std::tuple{u"empty.json"_s, u"empty file"_s, u"healthhub: "_s},
          std::tuple{u"wrong-shape.json"_s, u"JSON of the wrong shape (an array of numbers)"_s, u"healthhub: "_s},
          std::tuple{u"not-a-bundle.json"_s, u"a FHIR resource that is not a directory (Patient)"_s, u"healthhub: "_s},
          std::tuple{u"deep.json"_s, u"200,000 nested arrays"_s, u"healthhub: "_s},
          std::tuple{u"huge.json"_s, u"161 MB file (limit 160 MB)"_s, u"too large"_s},
          std::tuple{u"no-such.json"_s, u"file that does not exist"_s, u"could not be opened"_s},
          std::tuple{u"a-directory"_s, u"a directory instead of a file"_s, u"healthhub: "_s}}) {
        row(files, u"`endpoint import`: "_s + what, account() + QStringList{u"endpoint"_s, u"import"_s, file(name)}, 1,
             message, Stored::Content);
    }

    // URLs and what answers at them.
    row(url, u"`endpoint add --fhir-base http://fhir.example.org/r4` (plain http, not loopback)"_s,
         account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"X"_s, u"--fhir-base"_s,
                                 u"http://fhir.example.org/r4"_s},
         2, u"https"_s, Stored::Content);
    row(url, u"`endpoint add --fhir-base ftp://fhir.example.org/r4`"_s,
         account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"X"_s, u"--fhir-base"_s,
                                 u"ftp://fhir.example.org/r4"_s},
         2, u"https"_s, Stored::Content);
    row(url, u"`endpoint add --fhir-base not-a-url`"_s,
         account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"X"_s, u"--fhir-base"_s, u"not a url"_s}, 2,
         u"--fhir-base"_s);
    row(url, u"`endpoint import http://example.org/directory.json` (plain http)"_s,
         account() + QStringList{u"endpoint"_s, u"import"_s, u"http://example.org/directory.json"_s}, 2, u"https"_s);
    row(server, u"directory download answered as text/html"_s,
         account() + QStringList{u"endpoint"_s, u"import"_s, m_web.url(u"/dir-html"_s).toString()}, 1,
         u"healthhub: "_s, Stored::Content);
    row(server, u"directory download answered 500"_s,
         account() + QStringList{u"endpoint"_s, u"import"_s, m_web.url(u"/dir-500"_s).toString()}, 1,
         u"healthhub: "_s, Stored::Content);
    row(server, u"directory download with malformed JSON"_s,
         account() + QStringList{u"endpoint"_s, u"import"_s, m_web.url(u"/dir-malformed"_s).toString()}, 1,
         u"healthhub: "_s, Stored::Content);
    row(server, u"SMART discovery answered as text/html (`endpoint add`)"_s,
         account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"X"_s, u"--fhir-base"_s,
                                 m_web.url(u"/html"_s).toString()},
         1, u"SMART on FHIR"_s, Stored::Content);
    row(server, u"SMART discovery answered with truncated JSON (`endpoint add`)"_s,
         account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"X"_s, u"--fhir-base"_s,
                                 m_web.url(u"/truncated"_s).toString()},
         1, u"SMART on FHIR"_s, Stored::Content);

    // Server replies during a sync (the demo server's fault plan).
    const auto faulty = [this](const QString& spec) {
        return std::function<void()>([this, spec] {
            m_server.clearFaults();
            QVERIFY(m_server.addFault(spec).ok());
        });
    };
    const std::function<void()> clear = [this] { m_server.clearFaults(); };
    row(server, u"sync: every Condition search answers 500"_s, account() + QStringList{u"sync"_s}, 0, u"Condition"_s,
         Stored::Records, faulty(u"500:Condition:*,times=0"_s), clear);
    row(server, u"sync: Condition pages are malformed JSON"_s, account() + QStringList{u"sync"_s}, 0, u"Condition"_s,
         Stored::Records, faulty(u"malformed:Condition:*,times=0"_s), clear);
    row(server, u"sync: Observation pages are truncated"_s, account() + QStringList{u"sync"_s}, 0, u"Observation"_s,
         Stored::Records, faulty(u"truncate:Observation:*,times=0"_s), clear);
    row(server, u"sync: the connection drops mid-body (every request)"_s, account() + QStringList{u"sync"_s}, 1,
         u"Failed"_s, Stored::Records, faulty(u"drop:*:*,times=0"_s), clear);
    // Data folders.
    row(dir, u"`--data-dir` is a regular file"_s,
         account() + QStringList{u"--data-dir"_s, file(u"plain-file"_s), u"profile"_s, u"list"_s}, 1,
         u"healthhub: "_s);
    row(dir, u"`--data-dir` without a vault"_s,
         account() + QStringList{u"--data-dir"_s, file(u"a-directory"_s), u"profile"_s, u"list"_s}, 1,
         u"no vault"_s);
    row(dir, u"corrupted vault header (copy of the vault)"_s,
         account() + QStringList{u"--data-dir"_s, file(u"bad-header"_s), u"profile"_s, u"list"_s}, 1,
         u"healthhub: "_s, Stored::Untouched,
         [this] {
             QDir().mkpath(file(u"bad-header"_s));
             QFile::copy(m_cli->dataDir() + u"/vault.db"_s, file(u"bad-header/vault.db"_s));
             writeFile(u"bad-header/vault.header"_s, "{\"version\": 1, \"garbage\": tru");
         });
    row(dir, u"plaintext SQLite database in place of the vault"_s,
         account() + QStringList{u"--data-dir"_s, file(u"plain-db"_s), u"profile"_s, u"list"_s}, 1,
         u"healthhub: "_s, Stored::Untouched,
         [this] {
             QDir().mkpath(file(u"plain-db"_s));
             QFile::copy(m_cli->dataDir() + u"/vault.header"_s, file(u"plain-db/vault.header"_s));
             QByteArray plain("SQLite format 3\0", 16);
             plain.append(QByteArray(4096 - 16, '\0'));
             writeFile(u"plain-db/vault.db"_s, plain);
         });
    row(dir, u"truncated vault database (first 1000 bytes)"_s,
         account() + QStringList{u"--data-dir"_s, file(u"cut-db"_s), u"profile"_s, u"list"_s}, 1, u"healthhub: "_s,
         Stored::Untouched,
         [this] {
             QDir().mkpath(file(u"cut-db"_s));
             QFile::copy(m_cli->dataDir() + u"/vault.header"_s, file(u"cut-db/vault.header"_s));
             QFile db(m_cli->dataDir() + u"/vault.db"_s);
             QVERIFY(db.open(QIODevice::ReadOnly));
             writeFile(u"cut-db/vault.db"_s, db.read(1000));
         });
    row(dir, u"emptied vault database (0 bytes)"_s,
         account() + QStringList{u"--data-dir"_s, file(u"empty-db"_s), u"profile"_s, u"list"_s}, 1,
         u"The vault database is empty"_s, Stored::Untouched,
         [this] {
             QDir().mkpath(file(u"empty-db"_s));
             QFile::copy(m_cli->dataDir() + u"/vault.header"_s, file(u"empty-db/vault.header"_s));
             writeFile(u"empty-db/vault.db"_s, {});
         },
         [this] { QCOMPARE(QFileInfo(file(u"empty-db/vault.db"_s)).size(), 0); });
    row(dir, u"empty `--data-dir` (an unset shell variable)"_s,
         QStringList{u"--data-dir"_s, QString()} + account() + QStringList{u"profile"_s, u"list"_s}, 2,
         u"needs a value"_s);

    // Settings.
    const QString settingsFile = m_cli->dataDir() + u"/settings.ini"_s;
    auto saved = std::make_shared<QByteArray>();
    row(settings, u"settings.ini full of binary garbage (ignored)"_s,
         account() + QStringList{u"profile"_s, u"list"_s}, 0, QString(), Stored::Content,
         [settingsFile, saved] {
             QFile f(settingsFile);
             if (f.open(QIODevice::ReadOnly))
                 *saved = f.readAll();
             f.close();
             QFile w(settingsFile);
             QVERIFY(w.open(QIODevice::WriteOnly));
             static const char kGarbage[] = "\xff\xfe[account]\x00lastEmail=\x01\x02\n[[[";
             w.write(kGarbage, sizeof(kGarbage) - 1); // binary, with a NUL inside
         },
         [settingsFile, saved] {
             QFile w(settingsFile);
             QVERIFY(w.open(QIODevice::WriteOnly));
             w.write(*saved);
         });
    const auto setSyncSettings = [this](const QString& maxConcurrent, const QString& schedule) {
        auto factory = std::make_shared<db::ConnectionFactory>(m_cli->dataDir() + u"/vault.db"_s, m_key);
        {
            auto db = factory->connection(u"settings"_s);
            QVERIFY(db.ok());
            for (const auto& [key, value] : {std::pair{u"sync.max_concurrent"_s, maxConcurrent},
                                             std::pair{u"sync.schedule"_s, schedule}}) {
                QSqlQuery q(*db);
                q.prepare(u"INSERT OR REPLACE INTO app_settings (key, value) VALUES (?, ?)"_s);
                q.addBindValue(key);
                q.addBindValue(value);
                QVERIFY(q.exec());
            }
        }
        factory->releaseThreadConnections();
    };
    row(settings, u"stored sync settings `max_concurrent=banana`, `schedule=hourly` (defaults used)"_s,
        account() + QStringList{u"sync"_s}, 0, u"Mom"_s, Stored::Records,
        [setSyncSettings] { setSyncSettings(u"banana"_s, u"hourly"_s); },
        [setSyncSettings] { setSyncSettings(u"4"_s, u"off"_s); });
    row(settings, u"unknown user-interface language (`--lang xx`)"_s,
         account() + QStringList{u"--lang"_s, u"xx"_s, u"profile"_s, u"list"_s}, 0, QString(), Stored::Content);
    row(cmd, u"`export --paper a5`"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--pdf"_s, file(u"out.pdf"_s), u"--paper"_s,
                                 u"a5"_s},
         2, u"paper size"_s);
    row(cmd, u"`export --pdf` and `--fhir` at once"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--pdf"_s, file(u"both.pdf"_s), u"--fhir"_s,
                                 file(u"both.json"_s)},
         2, u"not both"_s);
    row(exp, u"`export --fhir` into a folder that does not exist"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s, file(u"no/such/dir/out.json"_s)},
         1, u"healthhub: "_s, Stored::Content);
    row(exp, u"`export --fhir` onto a directory"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s, file(u"a-directory"_s)}, 1,
         u"healthhub: "_s, Stored::Content);
    row(exp, u"`export --fhir` onto a named pipe (not a regular file)"_s,
         account() + QStringList{u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s, file(u"a-pipe"_s)}, 1,
         u"regular file"_s, Stored::Content,
         [this] { QCOMPARE(::mkfifo(QFile::encodeName(file(u"a-pipe"_s)).constData(), 0600), 0); },
         [this] {
             struct stat st {};
             QCOMPARE(::lstat(QFile::encodeName(file(u"a-pipe"_s)).constData(), &st), 0);
             QVERIFY(S_ISFIFO(st.st_mode)); // not replaced by the export
         });
    // Last: the demo server's tokens expire (a later sync would refresh them, which changes stored tokens).
    row(server, u"sync: the token endpoint answers 500 after the token expired"_s, account() + QStringList{u"sync"_s},
         1, u"Failed"_s, Stored::Records,
         [this] {
             m_server.clearFaults();
             m_server.expireAllAccessTokens();
             QVERIFY(m_server.addFault(u"500:token:*,times=0"_s).ok());
         },
         clear);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "TestBadInput.moc"
