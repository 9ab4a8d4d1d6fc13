// `healthhub --email E [--password-file F] summary --profile NAME_OR_ID [--json]` (issue 6): prints a
// profile's precomputed summary (profile_summary, written by the clinical pipeline after each sync).
// --json: {profile_id, status, updated_at, summary} with summary = the stored document or null.
#include "app/Commands.h"

#include "db/ConnectionFactory.h"
#include "db/VaultService.h"
#include "ui/RecordFormat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

namespace hh::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::SummaryCommand)
};

struct StoredSummary {
    QString status = QStringLiteral("absent");
    QString updatedAt;
    QString errorMessage;
    std::optional<QJsonObject> summary;
};

Result<StoredSummary> readSummary(db::ConnectionFactory& factory, const QString& profileId)
{
    auto db = factory.connection(QStringLiteral("cli"));
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT status, summary_json, updated_at, error_message FROM profile_summary "
                             "WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec())
        return Error(ErrorCode::Database, Tr::tr("The summary could not be read."), q.lastError().text());
    StoredSummary s;
    if (q.next()) {
        s.status = q.value(0).toString();
        if (!q.value(1).isNull()) {
            const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
            if (doc.isObject())
                s.summary = doc.object();
        }
        s.updatedAt = q.value(2).toString();
        s.errorMessage = q.value(3).toString();
    }
    return s;
}

QString statusLabel(const QString& status)
{
    if (status == u"ready")
        return Tr::tr("ready");
    if (status == u"syncing")
        return Tr::tr("syncing");
    if (status == u"error")
        return Tr::tr("error");
    return Tr::tr("no summary yet");
}

QString numberText(const QJsonValue& v)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'g', 6) : v.toString();
}

// "value unit" of an item's value (a number or {value, unit}), empty when none.
QString valueText(const QJsonObject& item)
{
    const QJsonValue v = item.value(QStringLiteral("value"));
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QJsonValue n = o.value(QStringLiteral("value"));
        const QString text = o.value(QStringLiteral("text")).toString();
        // Units as people write them ("36.7 °C", "72/min"), as the app shows them; the JSON keeps UCUM.
        if (n.isDouble())
            return ui::RecordFormat::value(n.toDouble(), o.value(QStringLiteral("unit")).toString(), text,
                                           QLocale::c());
        const QString value = numberText(n);
        return value.isEmpty() ? text : value;
    }
    if (v.isDouble() || v.isString())
        return numberText(v);
    const QJsonArray comps = item.value(QStringLiteral("components")).toArray();
    QStringList parts;
    for (const QJsonValue& c : comps) {
        const QJsonObject co = c.toObject();
        const QJsonValue cv = co.value(QStringLiteral("value"));
        parts.append(numberText(cv.isObject() ? cv.toObject().value(QStringLiteral("value")) : cv));
    }
    return parts.join(u'/');
}

// endpoint id -> the health system's name, from the summary's sources.
using EndpointNames = QHash<QString, QString>;

QString itemLine(const QJsonObject& item, const EndpointNames& names)
{
    QString line = item.value(QStringLiteral("display")).toString();
    if (line.isEmpty())
        line = Tr::tr("(no name)");
    const QString value = valueText(item);
    if (!value.isEmpty())
        line = Tr::tr("%1: %2").arg(line, value);
    const QString abnormal = item.value(QStringLiteral("abnormal")).toString();
    if (!abnormal.isEmpty() && abnormal != u"N")
        line += QStringLiteral(" [") + abnormal + u']';
    const QString trend = item.value(QStringLiteral("trend")).toString();
    if (!trend.isEmpty())
        line += u' ' + Tr::tr("(trend: %1)").arg(trend);
    QString when = item.value(QStringLiteral("effective_at")).toString();
    if (when.isEmpty())
        when = item.value(QStringLiteral("date")).toString();
    if (!when.isEmpty())
        line += u' ' + Tr::tr("(%1)").arg(when.left(10));
    QStringList sources;
    for (const QJsonValue& s : item.value(QStringLiteral("sources")).toArray()) {
        const QString endpoint = s.toObject().value(QStringLiteral("endpoint")).toString();
        const QString name = names.value(endpoint, endpoint); // a health system added by address has an id, not a name
        if (!name.isEmpty() && !sources.contains(name))
            sources.append(name);
    }
    if (!sources.isEmpty())
        line += u' ' + Tr::tr("– from %1").arg(sources.join(QStringLiteral(", ")));
    if (item.value(QStringLiteral("has_conflict")).toBool())
        line += u' ' + Tr::tr("– the sources disagree");
    const QString reason = item.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty())
        line += u' ' + Tr::tr("– %1").arg(reason);
    return line;
}

void printText(QTextStream& out, const QString& name, const StoredSummary& s)
{
    out << Tr::tr("Summary of %1: %2").arg(name, statusLabel(s.status)) << "\n";
    if (!s.updatedAt.isEmpty())
        out << Tr::tr("Updated: %1").arg(s.updatedAt) << "\n";
    if (!s.errorMessage.isEmpty())
        out << Tr::tr("Problem: %1").arg(s.errorMessage) << "\n";
    if (!s.summary) {
        out << Tr::tr("No summary yet: connect a health system and sync this profile.") << "\n";
        return;
    }
    const QJsonObject& doc = *s.summary;
    EndpointNames names;
    for (const QJsonValue& v : doc.value(QStringLiteral("sources")).toArray()) {
        const QJsonObject c = v.toObject();
        if (!c.value(QStringLiteral("name")).toString().isEmpty())
            names.insert(c.value(QStringLiteral("endpoint")).toString(), c.value(QStringLiteral("name")).toString());
    }
    const QList<std::pair<QString, QString>> sections = {
        {QStringLiteral("alerts"), Tr::tr("Alerts")},
        {QStringLiteral("conditions"), Tr::tr("Conditions")},
        {QStringLiteral("medications"), Tr::tr("Medications")},
        {QStringLiteral("allergies"), Tr::tr("Allergies")},
        {QStringLiteral("immunizations"), Tr::tr("Immunizations")},
        {QStringLiteral("immunizations_due"), Tr::tr("Immunizations due")},
        {QStringLiteral("labs"), Tr::tr("Recent labs")},
        {QStringLiteral("vitals"), Tr::tr("Latest vital signs")},
        {QStringLiteral("encounters"), Tr::tr("Encounters")},
    };
    for (const auto& [key, title] : sections) {
        const QJsonArray items = doc.value(key).toArray();
        out << "\n" << Tr::tr("%1 (%2)").arg(title).arg(items.size()) << "\n";
        if (key == u"allergies" && items.isEmpty() && doc.value(QStringLiteral("no_known_allergies")).toBool())
            out << "  " << Tr::tr("No known allergies") << "\n";
        for (const QJsonValue& v : items)
            out << "  - " << itemLine(v.toObject(), names) << "\n";
    }
    const QJsonArray sources = doc.value(QStringLiteral("sources")).toArray();
    out << "\n" << Tr::tr("Sources (%1)").arg(sources.size()) << "\n";
    for (const QJsonValue& v : sources) {
        const QJsonObject c = v.toObject();
        out << "  - "
            << Tr::tr("%1 (%2): %3 records, last sync %4")
                   .arg(c.value(QStringLiteral("name")).toString(), c.value(QStringLiteral("provider")).toString())
                   .arg(c.value(QStringLiteral("records")).toInteger())
                   .arg(c.value(QStringLiteral("last_synced_at")).toString().isEmpty()
                            ? Tr::tr("never")
                            : c.value(QStringLiteral("last_synced_at")).toString())
            << "\n";
    }
}
} // namespace

int runSummaryCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOpt(QStringLiteral("profile"), Tr::tr("Profile name or id."),
                                        Tr::tr("profile"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print the summary as JSON."));
    parser.addOptions({profileOpt, jsonOpt});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("summary")))
        return kExitUsage;
    if (!parser.isSet(profileOpt) || parser.value(profileOpt).trimmed().isEmpty())
        return usage(Tr::tr("summary needs --profile NAME_OR_ID."));

    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profile = ctx.vault->findProfile(parser.value(profileOpt)).result();
    if (!profile)
        return fail(profile.error()); // unknown: 1; a name several profiles have: 2 (use the id)
    auto factory = ctx.vault->connections();
    if (!factory)
        return fail(Error(ErrorCode::InvalidInput, Tr::tr("Sign in first."), QStringLiteral("vault locked")));
    auto stored = readSummary(*factory, profile->id);
    factory->releaseThreadConnections();
    if (!stored)
        return fail(stored.error());

    QTextStream out(stdout);
    if (parser.isSet(jsonOpt)) {
        const QJsonObject doc{
            {QStringLiteral("profile_id"), profile->id},
            {QStringLiteral("status"), stored->status},
            {QStringLiteral("updated_at"), stored->updatedAt.isEmpty() ? QJsonValue() : QJsonValue(stored->updatedAt)},
            {QStringLiteral("summary"), stored->summary ? QJsonValue(*stored->summary) : QJsonValue()},
        };
        out << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    } else {
        printText(out, profile->displayName, *stored);
    }
    return kExitOk;
}

} // namespace hh::app
