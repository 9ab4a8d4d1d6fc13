#include "core/sync/QueryPlan.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace hh::sync {

namespace {
using Params = QList<std::pair<QString, QString>>;

const QStringList kPatientSearchTypes = {
    QStringLiteral("AllergyIntolerance"), QStringLiteral("Condition"),  QStringLiteral("Observation"),
    QStringLiteral("MedicationRequest"),  QStringLiteral("Immunization"), QStringLiteral("Procedure"),
    QStringLiteral("Encounter"),          QStringLiteral("DiagnosticReport"), QStringLiteral("DocumentReference"),
    QStringLiteral("CarePlan"),           QStringLiteral("CareTeam"),   QStringLiteral("Goal"),
    QStringLiteral("Device"),             QStringLiteral("Coverage"),
};

const QStringList kEpicObservationCategories = {QStringLiteral("laboratory"), QStringLiteral("vital-signs"),
                                                QStringLiteral("social-history"), QStringLiteral("imaging")};
const QStringList kEpicCarePlanCategories = {QStringLiteral("38717003"), QStringLiteral("734163000")};
const QStringList kUsCoreObservationCategories = {
    QStringLiteral("laboratory"), QStringLiteral("vital-signs"), QStringLiteral("social-history"),
    QStringLiteral("survey"),     QStringLiteral("imaging"),     QStringLiteral("exam"),
    QStringLiteral("procedure"),  QStringLiteral("therapy"),     QStringLiteral("activity"),
    QStringLiteral("sdoh")};
const QString kAllIntents = QStringLiteral(
    "proposal,plan,directive,order,original-order,reflex-order,filler-order,instance-order,option");

QueryVariant search(const QString& type, Params params, int pageSize)
{
    params.append({QStringLiteral("_count"), QString::number(pageSize)});
    std::sort(params.begin(), params.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QueryVariant v;
    v.resourceType = type;
    v.params = std::move(params);
    return v;
}

// The checkpoint key: type and parameter names/values except patient, _count and _lastUpdated.
QString keyOf(const QString& type, const Params& params)
{
    QStringList parts;
    for (const auto& [name, value] : params) {
        if (name == u"patient" || name == u"_count" || name == u"_lastUpdated" || name == u"_include")
            continue;
        parts.append(name + u'=' + value);
    }
    parts.sort();
    return parts.isEmpty() ? type : type + u'?' + parts.join(u'&');
}

// A search query; with `since`, a first variant with _lastUpdated and the plain one as fallback.
PlannedQuery query(const QString& type, const QList<Params>& variants, const QString& patientId, int pageSize,
                   const std::optional<QDate>& since)
{
    PlannedQuery q;
    q.resourceType = type;
    q.key = keyOf(type, variants.value(0));
    auto withPatient = [&](Params p) {
        p.prepend({QStringLiteral("patient"), patientId});
        return p;
    };
    if (since) {
        Params first = withPatient(variants.value(0));
        first.append({QStringLiteral("_lastUpdated"), QStringLiteral("ge") + since->toString(Qt::ISODate)});
        q.variants.append(search(type, first, pageSize));
        q.incremental = true;
    }
    for (const Params& p : variants)
        q.variants.append(search(type, withPatient(p), pageSize));
    return q;
}

struct CapabilityInfo {
    bool present = false;
    QSet<QString> types;
    QHash<QString, QSet<QString>> searchParams; // type -> names
    QSet<QString> commonParams;                 // rest.searchParam
};

CapabilityInfo readCapability(const QJsonObject& cs)
{
    CapabilityInfo info;
    for (const QJsonValue& restValue : cs.value(QLatin1String("rest")).toArray()) {
        const QJsonObject rest = restValue.toObject();
        if (rest.value(QLatin1String("mode")).toString() != u"server")
            continue;
        info.present = true;
        for (const QJsonValue& sp : rest.value(QLatin1String("searchParam")).toArray())
            info.commonParams.insert(sp.toObject().value(QLatin1String("name")).toString());
        for (const QJsonValue& rv : rest.value(QLatin1String("resource")).toArray()) {
            const QJsonObject r = rv.toObject();
            const QString type = r.value(QLatin1String("type")).toString();
            if (type.isEmpty())
                continue;
            info.types.insert(type);
            QSet<QString>& names = info.searchParams[type];
            for (const QJsonValue& sp : r.value(QLatin1String("searchParam")).toArray())
                names.insert(sp.toObject().value(QLatin1String("name")).toString());
        }
    }
    return info;
}

bool capabilityHasLastUpdated(const CapabilityInfo& info, const QString& type)
{
    return info.commonParams.contains(QStringLiteral("_lastUpdated"))
        || info.searchParams.value(type).contains(QStringLiteral("_lastUpdated"));
}
} // namespace

QString QueryVariant::relativeUrl() const
{
    if (isRead())
        return resourceType + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(readId, "-._~"));
    QString out = resourceType;
    QChar sep = u'?';
    for (const auto& [name, value] : params) {
        out += sep;
        out += name;
        out += u'=';
        out += QString::fromLatin1(QUrl::toPercentEncoding(value, "-._~,:"));
        sep = u'&';
    }
    return out;
}

int QueryPlan::queryCount() const
{
    int n = 0;
    for (const PlannedType& t : m_types)
        n += static_cast<int>(t.queries.size());
    return n;
}

bool QueryPlan::supportsIncremental(EmrVendor vendor, const QJsonObject& capabilityStatement)
{
    switch (vendor) {
    case EmrVendor::Athena:
        return true;
    case EmrVendor::Epic:
        return false; // _lastUpdated only on DocumentReference: Epic re-queries every type in full
    case EmrVendor::Other: {
        const CapabilityInfo info = readCapability(capabilityStatement);
        if (!info.present)
            return false;
        return std::any_of(kPatientSearchTypes.cbegin(), kPatientSearchTypes.cend(),
                           [&](const QString& t) { return capabilityHasLastUpdated(info, t); });
    }
    }
    return false;
}

QueryPlan QueryPlan::build(const QueryPlanOptions& o)
{
    QueryPlan plan;
    const int n = o.pageSize > 0 ? o.pageSize : 50;
    const QString& pid = o.patientId;

    PlannedType patient;
    patient.resourceType = QStringLiteral("Patient");
    {
        PlannedQuery read;
        read.key = QStringLiteral("Patient/read");
        read.resourceType = patient.resourceType;
        QueryVariant v;
        v.resourceType = patient.resourceType;
        v.readId = pid;
        read.variants.append(v);
        patient.queries.append(read);
    }
    plan.m_types.append(patient);

    auto addType = [&](const QString& type, QList<PlannedQuery> queries) {
        PlannedType t;
        t.resourceType = type;
        t.queries = std::move(queries);
        if (!t.queries.isEmpty())
            plan.m_types.append(std::move(t));
    };
    const std::optional<QDate> noSince;

    switch (o.vendor) {
    case EmrVendor::Epic:
        for (const QString& type : kPatientSearchTypes) {
            if (type == u"Observation") {
                QList<PlannedQuery> qs;
                for (const QString& cat : kEpicObservationCategories)
                    qs.append(query(type, {{{QStringLiteral("category"), cat}}}, pid, n, noSince));
                addType(type, qs);
            } else if (type == u"CarePlan") {
                QList<PlannedQuery> qs;
                for (const QString& cat : kEpicCarePlanCategories)
                    qs.append(query(type, {{{QStringLiteral("category"), cat}}}, pid, n, noSince));
                addType(type, qs);
            } else {
                addType(type, {query(type, {Params{}}, pid, n, noSince)});
            }
        }
        break;
    case EmrVendor::Athena:
        plan.m_incremental = o.incrementalSince.has_value();
        for (const QString& type : kPatientSearchTypes) {
            if (type == u"MedicationRequest") {
                const Params intent{{QStringLiteral("intent"), QStringLiteral("order,plan")}};
                Params withInclude = intent;
                withInclude.append({QStringLiteral("_include"), QStringLiteral("MedicationRequest:medication")});
                addType(type, {query(type, {withInclude, intent}, pid, n, o.incrementalSince)});
            } else {
                addType(type, {query(type, {Params{}}, pid, n, o.incrementalSince)});
            }
        }
        break;
    case EmrVendor::Other: {
        const CapabilityInfo info = readCapability(o.capabilityStatement);
        for (const QString& type : kPatientSearchTypes) {
            if (info.present && !info.types.contains(type))
                continue;
            const QSet<QString> names = info.searchParams.value(type);
            if (info.present && !names.isEmpty() && !names.contains(QStringLiteral("patient"))
                && !names.contains(QStringLiteral("subject")))
                continue;
            const std::optional<QDate> since =
                (o.incrementalSince && (!info.present || capabilityHasLastUpdated(info, type))) ? o.incrementalSince
                                                                                                : noSince;
            if (since)
                plan.m_incremental = true;
            if (type == u"Observation") {
                // By category (US Core; Epic refuses Observation without one, whatever its CapabilityStatement
                // lists), and when the server refuses category the first query falls back to every observation.
                QList<PlannedQuery> qs;
                for (const QString& cat : kUsCoreObservationCategories) {
                    QList<Params> variants{{{QStringLiteral("category"), cat}}};
                    if (qs.isEmpty())
                        variants.append(Params{});
                    qs.append(query(type, variants, pid, n, since));
                }
                addType(type, qs);
            } else if (type == u"MedicationRequest") {
                addType(type, {query(type, {{{QStringLiteral("intent"), kAllIntents}}, Params{}}, pid, n, since)});
            } else if (type == u"CarePlan") {
                addType(type, {query(type, {Params{}, {{QStringLiteral("category"), QStringLiteral("assess-plan")}}},
                                     pid, n, since)});
            } else {
                addType(type, {query(type, {Params{}}, pid, n, since)});
            }
        }
        break;
    }
    }
    return plan;
}

} // namespace hh::sync
