// The Spanish catalog through a plain QTranslator (no context fallback): every message of
// healthhub_es.qm resolves under the context lupdate recorded, and real call sites in each layer
// (core, smart, records, db, ui, app) translate with that same context. `healthhub --help` prints
// English, `healthhub --lang es --help` Spanish.

#include "app/Bootstrap.h"
#include "core/Validation.h"
#include "core/records/RecordTypes.h"
#include "core/smart/TokenResponse.h"
#include "db/ProfileStore.h"
#include "i18n/TsCatalog.h"
#include "support/CliProcess.h"
#include "ui/RecordFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>

using namespace Qt::StringLiterals;
using hh::test::CliRun;

namespace {

// The healthhub executable with a private configuration folder (no stored language setting).
CliRun healthhub(const QStringList& args, const QString& configDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, configDir);
    env.insert(u"HH_DATA_DIR"_s, configDir + u"/data"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    return hh::test::runProcess(hh::test::healthhubBinary(), args, env, {}, 60000);
}

// The lines of a usage text that name an option or a command: they stay the same in every language.
QStringList syntaxLines(const QString& usage)
{
    static const QRegularExpression syntax(uR"(^  ([a-z]+( [a-z]+)?|--[a-z-]+)\b)"_s);
    QStringList out;
    for (const QString& line : usage.split(u'\n')) {
        const auto m = syntax.match(line);
        if (m.hasMatch())
            out << m.captured(0);
    }
    return out;
}

} // namespace

class TestCallSites : public QObject
{
    Q_OBJECT

private:
    hh::test::TsCatalog m_es;
    QTranslator m_plain;
    QTemporaryDir m_config;

    // Runs `call` without translator, then with the plain Spanish QTranslator: the English result must
    // be a message of `context` in the catalog and the Spanish result its translation.
    void expectSpanish(const QString& context, const std::function<QString()>& call)
    {
        QCoreApplication::removeTranslator(&m_plain);
        const QString english = call();
        const QString expected = m_es.translation(context, english);
        QVERIFY2(!expected.isEmpty(), qPrintable(u"[%1] \"%2\" is not in the catalog"_s.arg(context, english)));
        QVERIFY2(expected != english, qPrintable(english));
        QVERIFY(QCoreApplication::installTranslator(&m_plain));
        const QString spanish = call();
        QCoreApplication::removeTranslator(&m_plain);
        QCOMPARE(spanish, expected);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        m_es = hh::test::readTs(QStringLiteral(HH_TRANSLATIONS_DIR "/healthhub_es.ts"));
        QVERIFY2(m_es.error.isEmpty(), qPrintable(m_es.error));
        QVERIFY(m_plain.load(u":/i18n/healthhub_es.qm"_s));
        QCOMPARE(m_plain.language(), u"es"_s);
    }

    // Every (context, source) of the Spanish catalog resolves exactly, as the app looks it up.
    void everyMessageResolves()
    {
        QStringList problems;
        for (const hh::test::TsMessage& m : std::as_const(m_es.messages)) {
            const QByteArray context = m.context.toUtf8();
            const QByteArray source = m.source.toUtf8();
            const QByteArray comment = m.comment.toUtf8();
            const char* disambiguation = m.comment.isEmpty() ? nullptr : comment.constData();
            if (m.numerus) {
                const QString one = m_plain.translate(context.constData(), source.constData(), disambiguation, 1);
                const QString many = m_plain.translate(context.constData(), source.constData(), disambiguation, 5);
                if (one != m.numerusForms.value(0) || many != m.numerusForms.value(1))
                    problems << u"[%1] %2"_s.arg(m.context, m.source.left(60));
            } else if (m_plain.translate(context.constData(), source.constData(), disambiguation) != m.translation) {
                problems << u"[%1] %2"_s.arg(m.context, m.source.left(60));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
        QVERIFY(m_es.messages.size() > 1000);
    }

    // lupdate records a message only when QCoreApplication::translate() names its context with a string literal:
    // a context passed in a variable leaves the message out of every catalog, untranslated (the summary's
    // "not shared" labels were).
    void translateContextsAreLiterals()
    {
        // The context's first character: anything but the quote of a literal ("translate()" in prose aside).
        static const QRegularExpression call(QStringLiteral("QCoreApplication::translate\\(\\s*([^\"\\s)])"));
        const QDir root(QStringLiteral(HH_TRANSLATIONS_DIR "/.."));
        QStringList problems;
        int files = 0;
        for (const char* dir : {"app", "core", "db", "ui"}) {
            QDirIterator it(root.filePath(QLatin1String(dir)), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++files;
                const QString text = QString::fromUtf8(f.readAll());
                for (auto m = call.globalMatch(text); m.hasNext();) {
                    const auto match = m.next();
                    problems << u"%1:%2"_s.arg(root.relativeFilePath(f.fileName()))
                                    .arg(text.left(match.capturedStart()).count(u'\n') + 1);
                }
            }
        }
        QVERIFY(files > 100);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The app's loader gives the same plain catalog.
    void loaderFindsTheCatalog()
    {
        const std::unique_ptr<QTranslator> es = hh::app::loadHealthHubTranslator(QLocale(u"es_MX"_s));
        QVERIFY(es);
        QCOMPARE(es->filePath(), u":/i18n/healthhub_es.qm"_s);
    }

    // A language without a catalog (or the C locale) falls back to English, whose catalog holds the plural forms:
    // counts read "1 record" / "3 records", never "1 record(s)".
    void otherLanguagesGetEnglishPlurals()
    {
        for (const QLocale& locale : {QLocale(u"fr"_s), QLocale::c()}) {
            const std::unique_ptr<QTranslator> t = hh::app::loadHealthHubTranslator(locale);
            QVERIFY(t);
            QCOMPARE(t->filePath(), u":/i18n/healthhub_en.qm"_s);
            QVERIFY(QCoreApplication::installTranslator(t.get()));
            const QString one = QCoreApplication::translate("hh::ui::RecordsSection", "%Ln record(s)", nullptr, 1);
            const QString many = QCoreApplication::translate("hh::ui::RecordsSection", "%Ln record(s)", nullptr, 3);
            const QString match =
                QCoreApplication::translate("hh::ui::SearchResultsView", "%Ln match(es). Press Enter to open one.", nullptr, 1);
            QCoreApplication::removeTranslator(t.get());
            QCOMPARE(one, u"1 record"_s);
            QCOMPARE(many, u"3 records"_s);
            QCOMPARE(match, u"1 match. Press Enter to open it."_s);
        }
    }

    // core: a free function (lupdate used to record "hh" while the code asked for "hh::Validation").
    void coreValidation()
    {
        expectSpanish(u"hh::Validation"_s, [] { return hh::validateEmail(u"not an address"_s).error().message(); });
    }

    // core/smart: several files share the context "hh::smart".
    void smartTokenResponse()
    {
        expectSpanish(u"hh::smart"_s, [] {
            return hh::smart::parseTokenResponse("not json", 200, QDateTime::currentDateTimeUtc()).error().message();
        });
    }

    void recordsLabels()
    {
        expectSpanish(u"hh::records::RecordTypes"_s,
                      [] { return hh::records::recordKindLabel(hh::records::RecordKind::Medications); });
    }

    // db: a member function and a file-local function of the same store.
    void dbProfileStore()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"i18n-call-sites"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        {
            hh::db::ProfileStore store(db, u"user-1"_s);
            // No profiles table yet: the read fails.
            expectSpanish(u"hh::db::ProfileStore"_s, [&store] { return store.list().error().message(); });
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE profiles (id TEXT, user_id TEXT, display_name TEXT, legal_name TEXT, "
                           "date_of_birth TEXT, relationship TEXT, created_at TEXT, updated_at TEXT)"_s));
            expectSpanish(u"hh::db::ProfileStore"_s, [&store] { return store.get(u"missing"_s).error().message(); });
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"i18n-call-sites"_s);
    }

    // ui: a QT_TR_NOOP table translated through a Q_DECLARE_TR_FUNCTIONS class.
    void uiRecordFormat()
    {
        expectSpanish(u"hh::ui::RecordFormat"_s, [] { return hh::ui::RecordFormat::status(u"active"_s); });
    }

    // app: the usage text, in five messages.
    void appUsage()
    {
        QCoreApplication::removeTranslator(&m_plain);
        const QString english = hh::app::usageText();
        QVERIFY(QCoreApplication::installTranslator(&m_plain));
        const QString spanish = hh::app::usageText();
        QCoreApplication::removeTranslator(&m_plain);
        QVERIFY(english.startsWith(u"Usage: healthhub [GLOBAL OPTIONS] [COMMAND [ARGS]]\n\n"_s));
        QVERIFY(english.endsWith(u"2 the command line is wrong.\n"_s));
        QVERIFY2(spanish.startsWith(u"Uso: healthhub "_s), qPrintable(spanish));
        QVERIFY(spanish.contains(u"Comandos:\n"_s));
        // Every option and command is still there, spelled the same.
        const QStringList syntax = syntaxLines(english);
        QVERIFY2(syntax.size() >= 20, qPrintable(syntax.join(u'\n')));
        QCOMPARE(syntaxLines(spanish), syntax);
    }

    // The executable: --help in English by default, in Spanish with --lang es.
    void helpOption()
    {
        QCoreApplication::removeTranslator(&m_plain);
        const QString english = hh::app::usageText();
        QVERIFY(QCoreApplication::installTranslator(&m_plain));
        const QString spanish = hh::app::usageText();
        QCoreApplication::removeTranslator(&m_plain);

        const CliRun en = healthhub({u"--help"_s}, m_config.path());
        QCOMPARE(en.code, 0);
        QCOMPARE(en.outText(), english);
        const CliRun es = healthhub({u"--lang"_s, u"es"_s, u"--help"_s}, m_config.path());
        QCOMPARE(es.code, 0);
        QCOMPARE(es.outText(), spanish);
        QVERIFY(es.outText() != en.outText());
    }

    // app: a command-line error and the hint after it (app/main.cpp and app/Cli.cpp).
    void commandLineErrorInSpanish()
    {
        const CliRun es = healthhub({u"--lang"_s, u"es"_s, u"--no-such-option"_s}, m_config.path());
        QCOMPARE(es.code, 2);
        const QString unknown = m_es.translation(u"hh::app"_s, u"Unknown option %1."_s);
        const QString hint = m_es.translation(u"hh::app::Cli"_s, u"Run 'healthhub --help' for usage."_s);
        QVERIFY(!unknown.isEmpty() && !hint.isEmpty());
        QVERIFY2(es.errText().contains(unknown.arg(u"--no-such-option"_s)), qPrintable(es.errText()));
        QVERIFY2(es.errText().contains(hint), qPrintable(es.errText()));
        const CliRun en = healthhub({u"--no-such-option"_s}, m_config.path());
        QCOMPARE(en.code, 2);
        QVERIFY2(en.errText().contains(u"Run 'healthhub --help' for usage."_s), qPrintable(en.errText()));
    }
};

QTEST_GUILESS_MAIN(TestCallSites)
#include "TestCallSites.moc"
