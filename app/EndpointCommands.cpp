// `healthhub endpoint list|import|add`: the directory of health systems (issue 4).
#include "app/Commands.h"

#include "core/connect/ConnectService.h"
#include "core/smart/UrlPolicy.h"
#include "db/ConnectionStore.h"
#include "db/VaultService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace hh::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::EndpointCommands)
};

// An error about what a file or a server held (not about the command line): exit 1 even when the error is
// InvalidInput, which fail() reports as a usage error (exit 2).
int failOperation(const Error& error)
{
    (void)fail(error);
    return kExitFailure;
}

// The signed-in account's connection layer; destroyed before the vault closes.
Result<std::unique_ptr<connect::ConnectService>> openService(CommandContext& ctx)
{
    const auto user = ctx.vault->currentUser();
    auto factory = ctx.vault->connections();
    if (!user || !factory)
        return Error(ErrorCode::InvalidInput, Tr::tr("Sign in first."), QStringLiteral("vault locked"));
    auto service = std::make_unique<connect::ConnectService>(db::makeConnectStores(factory, user->id),
                                                             ctx.vault->secretsKey(), user->id);
    if (Status st = service->ready().result(); !st)
        return st.error();
    return service;
}

QJsonObject endpointJson(const connect::Endpoint& e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("vendor"), e.vendor},
        {QStringLiteral("name"), e.name},
        {QStringLiteral("fhir_base_url"), e.fhirBaseUrl},
        {QStringLiteral("sandbox"), e.sandbox},
        {QStringLiteral("city"), e.city.isEmpty() ? QJsonValue() : QJsonValue(e.city)},
        {QStringLiteral("state"), e.state.isEmpty() ? QJsonValue() : QJsonValue(e.state)},
    };
}

int endpointList(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON."));
    const QCommandLineOption search(QStringLiteral("search"),
                                    Tr::tr("Only health systems whose name or city matches."), Tr::tr("text"));
    parser.addOptions({json, search});
    if (!parseCommandLine(parser, args, QStringLiteral("list")))
        return kExitUsage;
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto service = openService(ctx);
    if (!service)
        return fail(service.error());
    QList<connect::Endpoint> endpoints;
    if (parser.isSet(search)) {
        // Page through the search (the directory may hold hundreds of organizations).
        for (int offset = 0;;) {
            auto page = (*service)->searchEndpoints(parser.value(search), offset, 200).result();
            if (!page)
                return fail(page.error());
            endpoints.append(page->items);
            offset += static_cast<int>(page->items.size());
            if (page->items.isEmpty() || offset >= page->total)
                break;
        }
    } else {
        auto all = (*service)->listEndpoints().result();
        if (!all)
            return fail(all.error());
        endpoints = all.value();
    }
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const connect::Endpoint& e : endpoints)
            array.append(endpointJson(e));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    for (const connect::Endpoint& e : endpoints) {
        out << e.id << "\t" << e.vendor << "\t" << e.name << "\t" << e.fhirBaseUrl
            << (e.sandbox ? "\tsandbox" : "") << "\n";
    }
    return kExitOk;
}

int endpointImport(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("source"), Tr::tr("File or https URL of the directory."));
    if (!parseCommandLine(parser, args, QStringLiteral("import"), Positionals::Allowed))
        return kExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(Tr::tr("endpoint import needs exactly one file or URL."));
    const QString source = parser.positionalArguments().constFirst();
    if (source.trimmed().isEmpty())
        return usage(Tr::tr("endpoint import needs exactly one file or URL."));
    // A URL the app will not download from is a wrong argument (exit 2); checked before asking for the password.
    // (A Windows drive letter or a relative path has no scheme of two or more letters.)
    const QUrl url(source.trimmed());
    const QString scheme = url.scheme().toLower();
    const bool otherScheme = scheme.size() > 1 && scheme != u"file" && scheme != u"http" && scheme != u"https";
    if (otherScheme || ((scheme == u"http" || scheme == u"https") && !smart::isAllowedUrl(url)))
        return fail(Error(ErrorCode::InvalidInput, Tr::tr("Health Hub downloads directories over https only."),
                          QStringLiteral("directory URL not allowed")));
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto service = openService(ctx);
    if (!service)
        return fail(service.error());
    auto summary = (*service)->importDirectory(source).result();
    if (!summary)
        return failOperation(summary.error()); // the file or the download was not a directory
    QTextStream(stderr) << Tr::tr("Imported the directory: %1 new, %2 updated, %3 skipped.")
                               .arg(summary->added)
                               .arg(summary->updated)
                               .arg(summary->skipped)
                        << "\n";
    QTextStream(stdout) << summary->added << "\t" << summary->updated << "\t" << summary->skipped << "\n";
    return kExitOk;
}

int endpointAdd(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), Tr::tr("Name of the health system."), Tr::tr("name"));
    const QCommandLineOption base(QStringLiteral("fhir-base"), Tr::tr("Its FHIR R4 base URL."), Tr::tr("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), Tr::tr("The client id registered there."),
                                      Tr::tr("id"));
    parser.addOptions({name, base, clientId});
    if (!parseCommandLine(parser, args, QStringLiteral("add")))
        return kExitUsage;
    if (!parser.isSet(name) || !parser.isSet(base))
        return usage(Tr::tr("endpoint add needs --name and --fhir-base."));
    const QUrl url(parser.value(base).trimmed());
    if (!url.isValid() || url.scheme().isEmpty())
        return usage(Tr::tr("--fhir-base needs a URL such as https://fhir.example.org/r4."));
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto service = openService(ctx);
    if (!service)
        return fail(service.error());
    auto added = (*service)->addEndpoint(parser.value(name), url, parser.value(clientId)).result();
    if (!added)
        return fail(added.error());
    QTextStream(stderr) << Tr::tr("Added %1.").arg(added->name) << "\n";
    QTextStream(stdout) << added->id << "\n";
    return kExitOk;
}
} // namespace

int runEndpointCommand(CommandContext& ctx)
{
    if (ctx.args.isEmpty())
        return usage(Tr::tr("endpoint needs one of: list, import, add."));
    const QString sub = ctx.args.constFirst();
    const QStringList rest = ctx.args.mid(1);
    if (sub == u"list")
        return endpointList(ctx, rest);
    if (sub == u"import")
        return endpointImport(ctx, rest);
    if (sub == u"add")
        return endpointAdd(ctx, rest);
    return usage(Tr::tr("Unknown endpoint command \"%1\"; use list, import or add.").arg(sub));
}

} // namespace hh::app
