// Exports against a real vault: the visit summary PDF (read back with QPdfDocument) and FHIR
// bundles (read back and validated) from the main window's File menu, paper size by locale, and
// the `export` command line.
#include "db/RecordsService.h"
#include "gui/GuiTestSupport.h"
#include "support/CliProcess.h"
#include "support/FileChecks.h"
#include "ui/FamilyPage.h"
#include "ui/FileDialogs.h"
#include "ui/MainWindow.h"
#include "ui/ProfileListModel.h"
#include "ui/RecordFormat.h"
#include "ui/VisitSummaryPdf.h"
#include "views/FhirChecks.h"
#include "views/SampleFamily.h"

#include <QAction>
#include <QDir>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;

namespace {
QString allText(QPdfDocument& doc)
{
    QString text;
    for (int i = 0; i < doc.pageCount(); ++i)
        text += doc.getAllText(i).text() + u'\n';
    return text;
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT

    test::TemporarySettings m_settings;
    test::VaultFixture m_fx;
    test::SampleFamily m_family;
    std::unique_ptr<db::RecordsService> m_records;
    QTemporaryDir m_out;

    // The text of every page of the visit-summary PDF of `data` written in US English to m_out/`name` (a line
    // saying what failed instead, which no test expects).
    QString usPdfText(const records::VisitSummaryData& data, const QString& name)
    {
        VisitSummaryPdf::Options options;
        options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        const QString path = m_out.filePath(name);
        if (const Status st = VisitSummaryPdf::write(data, path, options); !st)
            return u"<not written: %1>"_s.arg(st.error().detail());
        QPdfDocument pdf;
        if (pdf.load(path) != QPdfDocument::Error::None)
            return u"<not a PDF>"_s;
        QString text;
        for (int i = 0; i < pdf.pageCount(); ++i)
            text += pdf.getAllText(i).text();
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.setUp());
        m_family = test::fillSampleFamily(m_fx);
        m_records = std::make_unique<db::RecordsService>(m_fx.factory(), m_fx.user.id,
                                                         db::RecordsService::Options{std::chrono::milliseconds(0)});
        QVERIFY(m_out.isValid());
    }

    void cleanupTestCase()
    {
        FileDialogs::setHandler({});
        m_records.reset();
    }

    void paperSizeFromTheLocale()
    {
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::English, QLocale::UnitedStates)).id(), QPageSize::Letter);
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::Spanish, QLocale::Mexico)).id(), QPageSize::Letter);
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::French, QLocale::Canada)).id(), QPageSize::Letter);
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::Spanish, QLocale::Spain)).id(), QPageSize::A4);
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::German, QLocale::Germany)).id(), QPageSize::A4);
        QCOMPARE(VisitSummaryPdf::pageSizeFor(QLocale(QLocale::English, QLocale::UnitedKingdom)).id(), QPageSize::A4);
    }

    void visitSummaryPdfFromTheFileMenu()
    {
        SessionServices services;
        services.records = m_records.get();
        MainWindow main(m_fx.user, m_fx.vault(), m_fx.vault(), services);
        main.show();
        QTRY_COMPARE(main.profileModel()->rowCount(), 3);
        main.familyPage()->selectProfile(m_family.mom.id);
        const QString path = m_out.filePath(u"mom-visit.pdf"_s);
        FileDialogs::Request asked;
        FileDialogs::setHandler([&](const FileDialogs::Request& r) {
            asked = r;
            return path;
        });
        QSignalSpy finished(&main, &MainWindow::exportFinished);
        auto* action = main.findChild<QAction*>(u"exportPdfAction"_s);
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toString(), path);
        QVERIFY(finished.first().at(1).toBool());
        QVERIFY(asked.suggestedPath.endsWith(u".pdf"_s));
        QVERIFY(asked.suggestedPath.contains(u"Mom"_s));

        QCOMPARE(test::posixMode(path), 0600);
        if (const QString dir = qEnvironmentVariable("HH_VIEWS_SCREENSHOTS"); !dir.isEmpty())
            QFile::copy(path, dir + u"/visit-summary.pdf"_s); // to look at by eye
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QVERIFY(pdf.pageCount() >= 1);
        const QString text = allText(pdf);
        QVERIFY2(text.contains(u"Rose Marie Doe"_s), qPrintable(text.left(400))); // the legal name
        QVERIFY(text.contains(u"Mom"_s));
        QVERIFY(text.contains(u"Metformin"_s, Qt::CaseInsensitive));          // a medication
        QVERIFY(text.contains(u"8.1"_s));                                      // the latest HbA1c
        QVERIFY(text.contains(u"Penicillin"_s, Qt::CaseInsensitive));
        QVERIFY(text.contains(u"Riverside Health"_s));                         // sources
        QVERIFY(text.contains(u"Page 1 of %1"_s.arg(pdf.pageCount())));        // footer
        QVERIFY(text.contains(u"Date of birth"_s));                            // header
        // Nothing left behind but the PDF.
        QCOMPARE(QDir(m_out.path()).entryList({u"mom-visit*"_s}, QDir::Files | QDir::Hidden).size(), 1);
        FileDialogs::setHandler({});
    }

    void pdfPaperAndPages()
    {
        // Many conditions span several pages; each page has its header and page number.
        records::VisitSummaryData data = m_records->visitSummary(m_family.mom.id).result().value();
        QJsonArray many;
        for (int i = 0; i < 120; ++i)
            many.append(QJsonObject{{"display"_L1, u"Condition number %1"_s.arg(i)},
                                    {"code"_L1, QJsonObject{{"system"_L1, u"http://snomed.info/sct"_s},
                                                            {"code"_L1, QString::number(100000 + i)}}},
                                    {"onset"_L1, u"2001-01-01"_s}});
        data.summary.summary.insert("conditions"_L1, many);
        VisitSummaryPdf::Options options;
        options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        const QString path = m_out.filePath(u"long.pdf"_s);
        QVERIFY(VisitSummaryPdf::write(data, path, options).ok());
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QVERIFY(pdf.pageCount() >= 3);
        const QSizeF letter = pdf.pagePointSize(0);
        QVERIFY2(qAbs(letter.width() - 612) < 2 && qAbs(letter.height() - 792) < 2,
                 qPrintable(u"%1x%2"_s.arg(letter.width()).arg(letter.height())));
        const QString page2 = pdf.getAllText(1).text();
        QVERIFY(page2.contains(u"Page 2 of %1"_s.arg(pdf.pageCount())));
        QVERIFY(page2.contains(u"Rose Marie Doe"_s));
        QVERIFY(page2.contains(u"Condition number"_s));

        options.locale = QLocale(QLocale::German, QLocale::Germany);
        QVERIFY(VisitSummaryPdf::write(data, path, options).ok()); // replaces the file atomically
        QPdfDocument a4;
        QCOMPARE(a4.load(path), QPdfDocument::Error::None);
        QVERIFY(qAbs(a4.pagePointSize(0).width() - 595) < 2);
        QCOMPARE(test::posixMode(path), 0600);

        // An unwritable place is a clear error and leaves nothing.
        const Status st = VisitSummaryPdf::write(data, m_out.filePath(u"missing/dir/x.pdf"_s), options);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code(), ErrorCode::Io);
        QVERIFY(st.error().message().contains(u"missing/dir"_s));
    }

    // However long the sections, nothing is printed partly at the foot of one page and again atop the next (a
    // table row, the closing note: their text would be in the PDF twice), and no heading is left alone at the foot
    // of a page: it is on the page of its section's first row. Section lengths vary to move the page breaks.
    void pdfPagesNeverCutARowOrOrphanAHeading()
    {
        const records::VisitSummaryData base = m_records->visitSummary(m_family.mom.id).result().value();
        const QJsonObject& s = base.summary.summary;
        // Each heading and the first row of its section.
        QList<std::pair<QString, QString>> sections{
            {u"Current medications"_s, s.value("medications"_L1).toArray().first()["display"_L1].toString()},
            {u"Allergies and intolerances"_s, s.value("allergies"_L1).toArray().first()["display"_L1].toString()},
            {u"Recent lab results"_s, s.value("labs"_L1).toArray().first()["display"_L1].toString()},
            {u"Vital signs"_s, s.value("vitals"_L1).toArray().first()["display"_L1].toString()},
            {u"Immunizations"_s, s.value("immunizations"_L1).toArray().first()["display"_L1].toString()},
            {u"Where these records come from"_s, base.connections.first().endpointName},
        };
        VisitSummaryPdf::Options options;
        options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        const auto longName = [](int i) {
            return u"C%1 condition with a name long enough to take two lines of the table"_s.arg(i, 3, 10,
                                                                                                 QLatin1Char('0'));
        };
        for (int n = 24; n <= 48; ++n) {
            records::VisitSummaryData data = base;
            QJsonArray conditions;
            for (int i = 0; i < n; ++i) // every third name takes two lines of its column
                conditions.append(QJsonObject{
                    {"display"_L1, i % 3 ? u"C%1 condition"_s.arg(i, 3, 10, QLatin1Char('0')) : longName(i)},
                    {"onset"_L1, u"2001-01-01"_s}});
            data.summary.summary.insert("conditions"_L1, conditions);
            const QString path = m_out.filePath(u"breaks.pdf"_s);
            QVERIFY(VisitSummaryPdf::write(data, path, options).ok());
            QPdfDocument pdf;
            QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
            QStringList pages;
            for (int i = 0; i < pdf.pageCount(); ++i)
                pages.append(pdf.getAllText(i).text().simplified());
            const QString all = pages.join(u' ');
            const auto onOnePage = [&](const QString& text) {
                return std::count_if(pages.cbegin(), pages.cend(),
                                     [&](const QString& t) { return t.contains(text); });
            };
            for (int i = 0; i < n; ++i) {
                const QString row = u"C%1 condition"_s.arg(i, 3, 10, QLatin1Char('0'));
                QVERIFY2(all.count(row) == 1,
                         qPrintable(u"%1 conditions: %2 printed %3 times"_s.arg(n).arg(row).arg(all.count(row))));
                if (i % 3 == 0)
                    QVERIFY2(onOnePage(longName(i)) == 1, qPrintable(u"%1 conditions: %2 cut"_s.arg(n).arg(row)));
            }
            // The closing note (two lines), whole on one page, once. (Words without ligatures: "ff" and "fi" are
            // one character in the PDF's text.)
            const QString note =
                u"Made with Health Hub from the records these health systems shared. Values from"_s;
            QVERIFY2(
                all.count(note) == 1 && onOnePage(u"the care team."_s) == 1 &&
                    std::find_if(pages.cbegin(), pages.cend(), [&](const QString& t) { return t.contains(note); })
                        ->contains(u"the care team."_s),
                qPrintable(u"%1 conditions: the closing note is cut or printed twice"_s.arg(n)));
            for (const auto& [heading, first] : std::as_const(sections)) {
                const auto page = std::find_if(pages.cbegin(), pages.cend(),
                                               [&](const QString& t) { return t.contains(heading); });
                QVERIFY2(page != pages.cend() && page->indexOf(first, page->indexOf(heading)) > 0,
                         qPrintable(u"%1 conditions: \"%2\" without \"%3\" on page %4"_s.arg(n)
                                        .arg(heading, first)
                                        .arg(page - pages.cbegin() + 1)));
            }
        }
    }

    // A profile made without a date of birth: the PDF takes the one the health systems sent (not "not recorded").
    void pdfBirthDateFromTheRecords()
    {
        records::VisitSummaryData data = m_records->visitSummary(m_family.mom.id).result().value();
        data.profile.dateOfBirth = QDate();
        QJsonObject demographics = data.summary.summary.value("demographics"_L1).toObject();
        demographics.insert("birth_date"_L1, u"1941-09-23"_s);
        data.summary.summary.insert("demographics"_L1, demographics);
        const QString text = usPdfText(data, u"birth.pdf"_s);
        QVERIFY2(text.contains(u"Date of birth: Sep 23, 1941"_s), qPrintable(text.left(400)));
        QVERIFY(!text.contains(u"not recorded"_s));
    }

    // The header's date of birth and the records' dates name the month and give the whole year in every locale:
    // never the short numeric "3/14/55" (US) / "14/3/55" (Spain) a caregiver could read either way.
    void pdfDatesCannotBeMisread_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("born");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"Mar 14, 1955"_s;
        QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain) << u"14 mar 1955"_s;
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"14. März 1955"_s;
    }
    void pdfDatesCannotBeMisread()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, born);
        const records::VisitSummaryData data = m_records->visitSummary(m_family.mom.id).result().value();
        VisitSummaryPdf::Options options;
        options.locale = locale;
        options.generatedAt = QDateTime(QDate(2024, 5, 2), QTime(9, 30));
        const QString path = m_out.filePath(u"dates-%1.pdf"_s.arg(locale.name()));
        QVERIFY(VisitSummaryPdf::write(data, path, options).ok());
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        const QString text = allText(pdf);
        QVERIFY2(text.contains(u"Date of birth: "_s + born), qPrintable(text.left(400)));
        QVERIFY(!text.contains(locale.toString(QDate(1955, 3, 14), QLocale::ShortFormat)));
        QVERIFY2(text.contains(u"Printed "_s + RecordFormat::calendarDate(QDate(2024, 5, 2), locale)),
                 qPrintable(text.right(400)));
        // No date of the records in the short numeric form (two-digit years: "/24", ".24").
        static const QRegularExpression shortDate(u"\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2}\\b"_s);
        const QRegularExpressionMatch m = shortDate.match(text);
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured(0)));
    }

    // A section a health system refused (its source's not_shared) reads "Not shared by ...", not "None recorded.".
    void pdfSaysWhatWasNotShared()
    {
        records::VisitSummaryData data = m_records->visitSummary(m_family.mom.id).result().value();
        data.summary.summary.insert("medications"_L1, QJsonArray{});
        QJsonArray sources = data.summary.summary.value("sources"_L1).toArray();
        QVERIFY(!sources.isEmpty());
        QJsonObject first = sources.first().toObject();
        first.insert("name"_L1, u"Refusing Clinic"_s);
        first.insert("not_shared"_L1, QJsonArray{u"MedicationRequest"_s});
        sources[0] = first;
        data.summary.summary.insert("sources"_L1, sources);
        const QString text = usPdfText(data, u"not-shared.pdf"_s);
        QVERIFY2(text.contains(u"Not shared by Refusing Clinic."_s), qPrintable(text.left(600)));
    }

    void fhirBundlesFromTheFileMenu()
    {
        SessionServices services;
        services.records = m_records.get();
        MainWindow main(m_fx.user, m_fx.vault(), m_fx.vault(), services);
        main.show();
        QTRY_COMPARE(main.profileModel()->rowCount(), 3);
        main.openProfile(m_family.mom.id); // from the profile view this time
        for (const auto& [actionName, type, file] :
             {std::tuple{u"exportFhirAction"_s, u"collection"_s, u"mom.json"_s},
              std::tuple{u"exportIpsAction"_s, u"document"_s, u"mom-ips.json"_s}}) {
            const QString path = m_out.filePath(file);
            FileDialogs::setHandler([path](const FileDialogs::Request&) { return path; });
            QSignalSpy finished(&main, &MainWindow::exportFinished);
            main.findChild<QAction*>(actionName)->trigger();
            QVERIFY(finished.wait(20000));
            QVERIFY(finished.first().at(1).toBool());
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonParseError err{};
            const QJsonObject bundle = QJsonDocument::fromJson(f.readAll(), &err).object();
            QCOMPARE(err.error, QJsonParseError::NoError);
            const QStringList problems = test::checkBundle(bundle, type);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            QCOMPARE(test::posixMode(path), 0600);
        }
        // Cancelling the file dialog writes nothing.
        FileDialogs::setHandler([](const FileDialogs::Request&) { return QString(); });
        QSignalSpy finished(&main, &MainWindow::exportFinished);
        main.findChild<QAction*>(u"exportFhirAction"_s)->trigger();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toString(), QString());
        FileDialogs::setHandler({});
    }

    void commandLine()
    {
        if (!QFile::exists(test::healthhubBinary()))
            QSKIP("healthhub is not built in this build directory");
        const QString passwordFile = m_out.filePath(u"pw"_s);
        {
            QFile pw(passwordFile);
            QVERIFY(pw.open(QIODevice::WriteOnly));
            pw.write(test::VaultFixture::kPassword);
        }
        auto run = [&](const QStringList& args, QString* err = nullptr) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
            const test::CliRun r = test::runProcess(test::healthhubBinary(),
                                                    QStringList{u"--data-dir"_s, m_fx.dataDir(), u"--no-keychain"_s,
                                                                u"--email"_s, m_fx.user.email, u"--password-file"_s,
                                                                passwordFile}
                                                        + args,
                                                    env, {}, 60000);
            if (err)
                *err = r.errText();
            return r.code;
        };
        const QString bundlePath = m_out.filePath(u"cli.json"_s);
        QString err;
        QCOMPARE(run({u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s, bundlePath}, &err), 0);
        QFile f(bundlePath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(test::checkBundle(bundle, u"collection"_s).isEmpty());
        QVERIFY(test::resourcesOf(bundle, u"MedicationRequest"_s).size() >= 2);
        QCOMPARE(test::posixMode(bundlePath), 0600);
        // By id, as an IPS.
        QCOMPARE(run({u"export"_s, u"--profile"_s, m_family.dad.id, u"--fhir"_s, m_out.filePath(u"dad.json"_s),
                      u"--ips"_s}),
                 0);
        // Errors: unknown profile, unwritable path, missing output, --ips without --fhir.
        QCOMPARE(run({u"export"_s, u"--profile"_s, u"Nobody"_s, u"--fhir"_s, m_out.filePath(u"x.json"_s)}, &err), 1);
        QVERIFY2(err.contains(u"Nobody"_s), qPrintable(err));
        QVERIFY(!QFile::exists(m_out.filePath(u"x.json"_s)));
        QCOMPARE(run({u"export"_s, u"--profile"_s, u"Mom"_s, u"--fhir"_s, m_out.filePath(u"no/such/x.json"_s)}, &err),
                 1);
        QVERIFY2(err.contains(u"no/such"_s), qPrintable(err));
        QCOMPARE(run({u"export"_s, u"--profile"_s, u"Mom"_s}, &err), 2);
        QCOMPARE(run({u"export"_s, u"--fhir"_s, bundlePath}, &err), 2);
        QCOMPARE(run({u"export"_s, u"--profile"_s, u"Mom"_s, u"--pdf"_s, m_out.filePath(u"p.pdf"_s), u"--ips"_s}, &err),
                 2);

        // PDF: needs the command line to start a QGuiApplication for `export --pdf`.
        const QString pdfPath = m_out.filePath(u"cli.pdf"_s);
        const int rc = run({u"export"_s, u"--profile"_s, u"Mom"_s, u"--pdf"_s, pdfPath, u"--paper"_s, u"a4"_s}, &err);
        if (rc != 0 && err.contains(u"graphical"_s))
            QSKIP("app/main.cpp does not yet start a QGuiApplication for `export --pdf` (hh::app::exportNeedsGui)");
        QCOMPARE(rc, 0);
        QPdfDocument pdf;
        QCOMPARE(pdf.load(pdfPath), QPdfDocument::Error::None);
        QVERIFY(allText(pdf).contains(u"Metformin"_s, Qt::CaseInsensitive));
        QVERIFY(qAbs(pdf.pagePointSize(0).width() - 595) < 2);
        QCOMPARE(test::posixMode(pdfPath), 0600);
    }
};

QTEST_MAIN(TestExport)
#include "TestExport.moc"
