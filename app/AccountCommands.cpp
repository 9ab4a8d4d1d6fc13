#include "app/Commands.h"

#include "core/Validation.h"
#include "db/VaultService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace hh::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::AccountCommands)
};

QJsonObject profileJson(const Profile& p)
{
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("display_name"), p.displayName},
        {QStringLiteral("legal_name"), p.legalName.isEmpty() ? QJsonValue() : QJsonValue(p.legalName)},
        {QStringLiteral("dob"), p.dateOfBirth.isValid() ? QJsonValue(p.dateOfBirth.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("relationship"), relationshipKey(p.relationship)},
    };
}

int profileAdd(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption displayName(QStringLiteral("display-name"), Tr::tr("Name shown in Health Hub."),
                                         Tr::tr("name"));
    const QCommandLineOption legalName(QStringLiteral("legal-name"), Tr::tr("Legal name."), Tr::tr("name"));
    const QCommandLineOption dob(QStringLiteral("dob"), Tr::tr("Date of birth, YYYY-MM-DD."), Tr::tr("date"));
    const QCommandLineOption relationship(
        QStringLiteral("relationship"),
        Tr::tr("self, mother, father, spouse, child, sibling, grandparent or other."), Tr::tr("relationship"));
    parser.addOptions({displayName, legalName, dob, relationship});
    if (!parseCommandLine(parser, args, QStringLiteral("add")))
        return kExitUsage;
    if (!parser.isSet(displayName))
        return usage(Tr::tr("profile add needs --display-name."));

    Profile p;
    p.displayName = parser.value(displayName);
    p.legalName = parser.value(legalName);
    if (parser.isSet(dob)) {
        auto date = parseDateOfBirth(parser.value(dob));
        if (!date)
            return fail(date.error());
        p.dateOfBirth = *date;
    }
    if (parser.isSet(relationship)) {
        auto r = relationshipFromKey(parser.value(relationship));
        if (!r)
            return usage(Tr::tr("Unknown relationship \"%1\"; use self, mother, father, spouse, child, sibling, "
                                "grandparent or other.")
                             .arg(parser.value(relationship)));
        p.relationship = *r;
    }
    if (Status st = validateProfile(p); !st)
        return fail(st.error());
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto added = ctx.vault->addProfile(p).result();
    if (!added)
        return fail(added.error());
    QTextStream(stdout) << added->id << "\n";
    return kExitOk;
}

int profileList(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON."));
    parser.addOption(json);
    if (!parseCommandLine(parser, args, QStringLiteral("list")))
        return kExitUsage;
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profiles = ctx.vault->listProfiles().result();
    if (!profiles)
        return fail(profiles.error());
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Profile& p : *profiles)
            array.append(profileJson(p));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    for (const Profile& p : *profiles) {
        out << p.id << "\t" << p.displayName << "\t" << relationshipKey(p.relationship) << "\t"
            << (p.dateOfBirth.isValid() ? p.dateOfBirth.toString(Qt::ISODate) : QStringLiteral("-")) << "\n";
    }
    return kExitOk;
}

int profileRemove(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("profile"), Tr::tr("Profile name or id."));
    if (!parseCommandLine(parser, args, QStringLiteral("remove"), Positionals::Allowed))
        return kExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(Tr::tr("profile remove needs exactly one profile name or id."));
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profile = ctx.vault->findProfile(parser.positionalArguments().constFirst()).result();
    if (!profile)
        return fail(profile.error());
    if (Status st = ctx.vault->removeProfile(profile->id).result(); !st)
        return fail(st.error());
    QTextStream(stderr) << Tr::tr("Removed profile %1 and all of its records.").arg(profile->displayName) << "\n";
    return kExitOk;
}
} // namespace

int runInitCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption email(QStringLiteral("email"), Tr::tr("Account email."), Tr::tr("email"));
    const QCommandLineOption name(QStringLiteral("name"), Tr::tr("Your name."), Tr::tr("name"));
    parser.addOptions({email, name});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("init")))
        return kExitUsage;
    const QString mail = parser.isSet(email) ? parser.value(email) : ctx.global.email;
    if (mail.isEmpty() || !parser.isSet(name))
        return usage(Tr::tr("init needs --email and --name."));
    if (Status st = validateEmail(mail); !st)
        return fail(st.error());
    if (Status st = validateAccountName(parser.value(name)); !st)
        return fail(st.error());
    auto password = readPassword(ctx.global, Tr::tr("New password for %1: ").arg(mail));
    if (!password)
        return fail(password.error());
    auto user = ctx.vault->createAccount(mail, parser.value(name), *password).result();
    if (!user)
        return fail(user.error());
    QTextStream(stderr) << Tr::tr("Created the account %1 in %2.").arg(user->email, ctx.vault->paths().dataDir)
                        << "\n";
    QTextStream(stdout) << user->id << "\n";
    return kExitOk;
}

int runProfileCommand(CommandContext& ctx)
{
    if (ctx.args.isEmpty())
        return usage(Tr::tr("profile needs one of: add, list, remove."));
    const QString sub = ctx.args.constFirst();
    const QStringList rest = ctx.args.mid(1);
    if (sub == u"add")
        return profileAdd(ctx, rest);
    if (sub == u"list")
        return profileList(ctx, rest);
    if (sub == u"remove")
        return profileRemove(ctx, rest);
    return usage(Tr::tr("Unknown profile command \"%1\"; use add, list or remove.").arg(sub));
}

} // namespace hh::app
