// `healthhub --email E [--password-file F] export --profile NAME_OR_ID (--pdf FILE | --fhir FILE)
//      [--ips] [--paper a4|letter]` (issue 7).
#include "app/Commands.h"

#include "core/records/RecordTypes.h"
#include "db/RecordsService.h"
#include "db/VaultService.h"
#include "ui/VisitSummaryPdf.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

namespace hh::app {

// True when the export's arguments ask for a PDF, which needs a QGuiApplication (fonts, QPainter);
// offscreen is enough (QT_QPA_PLATFORM=offscreen). Declared here until app/Commands.h has it.
bool exportNeedsGui(const QStringList& args);

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::ExportCommand)
};
} // namespace

bool exportNeedsGui(const QStringList& args)
{
    for (const QString& a : args)
        if (a == u"--pdf" || a.startsWith(u"--pdf="))
            return true;
    return false;
}

int runExportCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), Tr::tr("Profile name or id."),
                                           Tr::tr("profile"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"), Tr::tr("Write a visit summary PDF to this file."),
                                       Tr::tr("file"));
    const QCommandLineOption fhirOption(QStringLiteral("fhir"),
                                        Tr::tr("Write the records as a FHIR R4 bundle (JSON)."), Tr::tr("file"));
    const QCommandLineOption ipsOption(
        QStringLiteral("ips"), Tr::tr("With --fhir: write an International Patient Summary (FHIR document) "
                                      "instead of every record."));
    const QCommandLineOption paperOption(QStringLiteral("paper"),
                                         Tr::tr("Paper size of the PDF: a4 or letter "
                                                "(default: from the locale)."),
                                         Tr::tr("size"));
    parser.addOptions({profileOption, pdfOption, fhirOption, ipsOption, paperOption});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("export")))
        return kExitUsage;
    if (!parser.isSet(profileOption) || parser.value(profileOption).trimmed().isEmpty())
        return usage(Tr::tr("export needs --profile NAME_OR_ID."));
    if (!parser.isSet(pdfOption) && !parser.isSet(fhirOption))
        return usage(Tr::tr("export needs --pdf FILE or --fhir FILE."));
    if (parser.isSet(pdfOption) && parser.isSet(fhirOption))
        return usage(Tr::tr("Give --pdf FILE or --fhir FILE, not both."));
    if (parser.isSet(ipsOption) && !parser.isSet(fhirOption))
        return usage(Tr::tr("--ips goes with --fhir."));
    if ((parser.isSet(pdfOption) && parser.value(pdfOption).isEmpty())
        || (parser.isSet(fhirOption) && parser.value(fhirOption).isEmpty()))
        return usage(Tr::tr("The file name is empty."));
    std::optional<QPageSize> paper;
    if (parser.isSet(paperOption)) {
        const QString p = parser.value(paperOption).toLower();
        if (p == u"a4")
            paper = QPageSize(QPageSize::A4);
        else if (p == u"letter")
            paper = QPageSize(QPageSize::Letter);
        else
            return usage(Tr::tr("Unknown paper size \"%1\"; use a4 or letter.").arg(parser.value(paperOption)));
    }
    if (parser.isSet(pdfOption) && !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(
            Error(ErrorCode::Unknown,
                  Tr::tr("PDF export needs the graphical libraries; run with QT_QPA_PLATFORM=offscreen when there "
                         "is no display."),
                  QStringLiteral("no QGuiApplication")));

    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profile = ctx.vault->findProfile(parser.value(profileOption)).result();
    if (!profile)
        return fail(profile.error());
    const auto user = ctx.vault->currentUser();
    if (!user)
        return fail(
            Error(ErrorCode::Unknown, Tr::tr("The vault is not open."), QStringLiteral("no current user")));

    QTextStream err(stderr);
    int rc = kExitOk;
    {
        // Reads run on the service's own thread; the futures are simply waited for here.
        db::RecordsService records(ctx.vault->connections(), user->id,
                                   db::RecordsService::Options{std::chrono::milliseconds(0)});
        if (parser.isSet(fhirOption)) {
            const auto kind = parser.isSet(ipsOption) ? records::FhirExportKind::PatientSummary
                                                      : records::FhirExportKind::Collection;
            auto written = records.exportFhir(profile->id, kind, parser.value(fhirOption)).result();
            if (!written) {
                rc = fail(written.error());
            } else {
                err << Tr::tr("Wrote %1 FHIR entries for %2 to %3.")
                           .arg(written->entryCount)
                           .arg(profile->displayName, QDir::toNativeSeparators(written->path))
                    << "\n";
            }
        }
        if (rc == kExitOk && parser.isSet(pdfOption)) {
            auto data = records.visitSummary(profile->id).result();
            if (!data) {
                rc = fail(data.error());
            } else {
                ui::VisitSummaryPdf::Options options;
                options.locale = QLocale();
                options.pageSize = paper;
                const QString path = parser.value(pdfOption);
                if (Status st = ui::VisitSummaryPdf::write(*data, path, options); !st)
                    rc = fail(st.error());
                else
                    err << Tr::tr("Wrote the visit summary of %1 to %2.")
                               .arg(profile->displayName,
                                    QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()))
                        << "\n";
            }
        }
    } // the records service releases its connections before the vault closes
    return rc;
}

} // namespace hh::app
