#include "core/demo/FhirService.h"

#include "core/demo/DemoDiscovery.h"
#include "core/demo/SmartScopes.h"
#include "core/demo/SyntheticFamilyImpl.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::demo {

using detail::ResourceKey;
using detail::Seg;

namespace {

constexpr int kDefaultCount = 50;
constexpr int kMaxCount = 200;
constexpr int kMaxSessions = 20000;
const QString kEpicErrorSystem = u"urn:oid:1.2.840.114350.1.13.0.1.7.2.657369"_s;

struct Range {
    Seg seg = Seg::Patient;
    qint64 lo = 0;
    qint64 hi = 0;
};

// --- Epic OperationOutcome pieces ------------------------------------------------------------------------------

QJsonObject epicIssue(const QString& severity, const QString& code, const QString& epicCode, const QString& text,
                      const QString& diagnostics = {}, const QString& location = {},
                      const QString& expression = {})
{
    QJsonObject issue{
        {u"severity"_s, severity},
        {u"code"_s, code},
        {u"details"_s, QJsonObject{{u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, kEpicErrorSystem},
                                                                        {u"code"_s, epicCode},
                                                                        {u"display"_s, text}}}},
                                   {u"text"_s, text}}}};
    if (!diagnostics.isEmpty())
        issue[u"diagnostics"_s] = diagnostics;
    if (!location.isEmpty())
        issue[u"location"_s] = QJsonArray{location};
    if (!expression.isEmpty())
        issue[u"expression"_s] = QJsonArray{expression};
    return issue;
}

QJsonObject oo(const QJsonArray& issues)
{
    return QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s}, {u"issue"_s, issues}};
}

const QString kSuppressedText =
    u"The authenticated client's search request applies to a sub-resource that the client "
    u"is not authorized for. Results of this sub-type will not be returned."_s;

QJsonObject epicSuppressed(const QString& type, const QString& subType)
{
    return epicIssue(
        u"warning"_s, u"suppressed"_s, u"59204"_s, kSuppressedText,
        u"Client not authorized for %1 - %2. Search results of this type have not been included."_s.arg(type,
                                                                                                        subType));
}

QJsonObject epicNoSearch()
{
    const QString text = u"Combination of parameters is not valid for any authorized sub-resource. No search was "
                         u"performed."_s;
    return epicIssue(u"fatal"_s, u"invalid"_s, u"59022"_s, text);
}

DemoResponse epicJson(int status, const QJsonObject& o)
{
    return DemoResponse::json(status, o, FhirService::contentType(Vendor::Epic));
}

DemoResponse athenaForbidden(const QString& text, const QStringList& expression)
{
    QJsonObject issue{
        {u"details"_s, QJsonObject{{u"text"_s, text}}}, {u"severity"_s, u"fatal"_s}, {u"code"_s, u"forbidden"_s}};
    if (!expression.isEmpty()) {
        QJsonArray e;
        for (const QString& s : expression)
            e.append(s);
        issue[u"expression"_s] = e;
    }
    return DemoResponse::json(403, oo(QJsonArray{issue}), FhirService::contentType(Vendor::Athena));
}

// --- Search parameter helpers ----------------------------------------------------------------------------------

const QSet<QString>& filterParams()
{
    static const QSet<QString> k{u"code"_s,   u"category"_s,   u"status"_s, u"clinical-status"_s,
                                 u"intent"_s, u"identifier"_s, u"name"_s,   u"family"_s,
                                 u"given"_s,  u"birthdate"_s,  u"gender"_s, u"type"_s};
    return k;
}

bool tokenMatches(const QJsonObject& coding, const QString& token)
{
    const qsizetype bar = token.indexOf(u'|');
    if (bar < 0)
        return coding.value(u"code"_s).toString() == token;
    const QString system = token.left(bar), code = token.mid(bar + 1);
    if (coding.value(u"code"_s).toString() != code)
        return false;
    return system.isEmpty() ? !coding.contains(u"system"_s) : coding.value(u"system"_s).toString() == system;
}

bool conceptMatches(const QJsonValue& v, const QStringList& tokens)
{
    const QJsonArray codings = v.toObject().value(u"coding"_s).toArray();
    for (const QJsonValue& c : codings)
        for (const QString& t : tokens)
            if (tokenMatches(c.toObject(), t))
                return true;
    return false;
}

bool stringMatches(const QString& value, const QStringList& wanted)
{
    for (const QString& w : wanted)
        if (value.startsWith(w, Qt::CaseInsensitive))
            return true;
    return false;
}

bool matchesFilter(const QJsonObject& r, const QString& param, const QStringList& values)
{
    if (param == u"code" || param == u"type") {
        const QString field = r.contains(u"vaccineCode"_s) ? u"vaccineCode"_s : param;
        const QJsonValue v = r.value(field);
        if (v.isArray()) {
            for (const QJsonValue& c : v.toArray())
                if (conceptMatches(c, values))
                    return true;
            return false;
        }
        return conceptMatches(v, values);
    }
    if (param == u"category") {
        for (const QJsonValue& c : r.value(u"category"_s).toArray()) {
            if (c.isString() && values.contains(c.toString()))
                return true;
            if (c.isObject() && conceptMatches(c, values))
                return true;
        }
        return false;
    }
    if (param == u"status" || param == u"intent" || param == u"gender")
        return values.contains(r.value(param).toString());
    if (param == u"clinical-status")
        return conceptMatches(r.value(u"clinicalStatus"_s), values);
    if (param == u"birthdate") {
        for (QString v : values) {
            if (v.startsWith(u"eq"_s))
                v = v.mid(2);
            if (r.value(u"birthDate"_s).toString() == v)
                return true;
        }
        return false;
    }
    if (param == u"identifier") {
        for (const QJsonValue& i : r.value(u"identifier"_s).toArray()) {
            const QJsonObject id = i.toObject();
            for (const QString& t : values) {
                const qsizetype bar = t.indexOf(u'|');
                const QString value = bar < 0 ? t : t.mid(bar + 1);
                if (id.value(u"value"_s).toString() == value &&
                    (bar < 0 || t.left(bar).isEmpty() || id.value(u"system"_s).toString() == t.left(bar)))
                    return true;
            }
        }
        return false;
    }
    if (param == u"name" || param == u"family" || param == u"given") {
        for (const QJsonValue& n : r.value(u"name"_s).toArray()) {
            const QJsonObject name = n.toObject();
            QStringList parts;
            if (param != u"given")
                parts.append(name.value(u"family"_s).toString());
            if (param != u"family")
                for (const QJsonValue& g : name.value(u"given"_s).toArray())
                    parts.append(g.toString());
            if (param == u"name")
                parts.append(name.value(u"text"_s).toString());
            for (const QString& p : parts)
                if (stringMatches(p, values))
                    return true;
        }
        return false;
    }
    return true;
}

// A FHIR date search value: [start, end) of its precision.
struct DateBound {
    QString prefix;
    QDateTime start;
    QDateTime end;
};

std::optional<DateBound> parseDate(const QString& raw, bool dateOnly)
{
    static const QRegularExpression re(
        u"^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?)?)?$"_s);
    const auto m = re.match(raw);
    if (!m.hasMatch())
        return std::nullopt;
    if (dateOnly && (!m.captured(5).isEmpty() || m.captured(4).isEmpty()))
        return std::nullopt;
    DateBound b;
    b.prefix = m.captured(1).isEmpty() ? u"eq"_s : m.captured(1);
    const int y = m.captured(2).toInt();
    if (!m.captured(5).isEmpty()) {
        QString text = raw.mid(m.capturedStart(2));
        if (m.captured(6).isEmpty())
            text += u'Z';
        b.start = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!b.start.isValid())
            return std::nullopt;
        b.end = b.start.addSecs(1);
    } else if (!m.captured(4).isEmpty()) {
        const QDate d(y, m.captured(3).toInt(), m.captured(4).toInt());
        if (!d.isValid())
            return std::nullopt;
        b.start = QDateTime(d, QTime(0, 0), Qt::UTC);
        b.end = b.start.addDays(1);
    } else if (!m.captured(3).isEmpty()) {
        const QDate d(y, m.captured(3).toInt(), 1);
        if (!d.isValid())
            return std::nullopt;
        b.start = QDateTime(d, QTime(0, 0), Qt::UTC);
        b.end = b.start.addMonths(1);
    } else {
        b.start = QDateTime(QDate(y, 1, 1), QTime(0, 0), Qt::UTC);
        b.end = b.start.addYears(1);
    }
    return b;
}

QString plainPatientId(QString value)
{
    const qsizetype slash = value.lastIndexOf(u"Patient/"_s);
    if (slash >= 0)
        value = value.mid(slash + 8);
    return value;
}

QStringList splitValues(const QUrlQuery& q, const QString& key)
{
    QStringList out;
    for (const QString& v : q.allQueryItemValues(key, QUrl::FullyDecoded))
        for (const QString& part : v.split(u',', Qt::SkipEmptyParts))
            out.append(part.trimmed());
    return out;
}

bool supportsDate(const QString& type)
{
    static const QSet<QString> k{u"Observation"_s,       u"Encounter"_s,         u"Immunization"_s,
                                 u"Procedure"_s,         u"DiagnosticReport"_s,  u"DocumentReference"_s,
                                 u"MedicationRequest"_s, u"AllergyIntolerance"_s};
    return k.contains(type);
}

QString categoryCode(const QString& token)
{
    const qsizetype bar = token.indexOf(u'|');
    return bar < 0 ? token : token.mid(bar + 1);
}

} // namespace

// --- Search state
// ------------------------------------------------------------------------------------------------

struct FhirService::Search {
    Vendor vendor = Vendor::Epic;
    QString type;
    int patient = 0;
    QList<Range> ranges;
    QList<QPair<QString, QStringList>> filters;
    bool explicitMode = false;
    QList<ResourceKey> explicitKeys;
    int count = kDefaultCount;
    bool includeMedication = false;
    QString selfUrl;
    QList<QPair<QString, QString>> baseItems; // athena: original query without cursor/_demoPage (encoded)
    bool endless = false;
    // position
    int range = 0;
    qint64 index = 0;
};

struct FhirService::Session {
    QString token;
    Search search;
    int pageNumber = 1;
};

FhirService::FhirService(const SyntheticFamily& family, FaultPlan& faults, std::function<QDateTime()> clock)
    : m_family(family), m_faults(faults), m_clock(std::move(clock))
{
}

FhirService::~FhirService() = default;

void FhirService::clearSessions()
{
    m_sessions.clear();
    m_sessionOrder.clear();
}

QByteArray FhirService::contentType(Vendor vendor)
{
    return vendor == Vendor::Epic ? QByteArrayLiteral("application/json+fhir; charset=utf-8")
                                  : QByteArrayLiteral("application/fhir+json; charset=utf-8");
}

DemoResponse FhirService::outcome(Vendor vendor, int status, const QString& code, const QString& text,
                                  const QString& diagnostics)
{
    if (vendor == Vendor::Epic) {
        return epicJson(status, oo(QJsonArray{epicIssue(u"fatal"_s, code, u"59100"_s, text, diagnostics)}));
    }
    QJsonObject issue{
        {u"details"_s, QJsonObject{{u"text"_s, text}}}, {u"severity"_s, u"fatal"_s}, {u"code"_s, code}};
    if (!diagnostics.isEmpty())
        issue[u"diagnostics"_s] = diagnostics;
    return DemoResponse::json(status, oo(QJsonArray{issue}), contentType(Vendor::Athena));
}

void FhirService::decorate(const EndpointConfig& ep, DemoResponse& response)
{
    if (ep.vendor != Vendor::Athena)
        return;
    const qint64 minute = m_clock().toSecsSinceEpoch() / 60;
    auto& [m, n] = m_rate[ep.id];
    if (m != minute) {
        m = minute;
        n = 0;
    }
    ++n;
    const QByteArray remaining = QByteArray::number(std::max(0, 500 - n));
    const QByteArray reset = QByteArray::number(60 - m_clock().toSecsSinceEpoch() % 60);
    response.setHeader("Ratelimit-Limit", "500");
    response.setHeader("Ratelimit-Remaining", remaining);
    response.setHeader("Ratelimit-Reset", reset);
    response.setHeader("X-Ratelimit-Limit", "500");
    response.setHeader("X-Ratelimit-Remaining", remaining);
}

bool FhirService::typeAllowed(const OAuthService::Grant& grant, const QString& type, QChar permission) const
{
    if (scopes::allows(grant.scopes, type, permission))
        return true;
    // Directory data and the targets of references are readable with the scope of what references them.
    const bool anyResourceScope = std::any_of(grant.scopes.cbegin(), grant.scopes.cend(),
                                              [](const QString& s) { return s.startsWith(u"patient/"_s); });
    if (type == u"Practitioner" || type == u"Organization" || type == u"Location")
        return anyResourceScope;
    if (type == u"Medication")
        return scopes::allows(grant.scopes, u"MedicationRequest"_s, u'r');
    if (type == u"Binary")
        return scopes::allows(grant.scopes, u"DocumentReference"_s, u'r');
    return false;
}

DemoResponse FhirService::notGranted(const EndpointConfig& ep, const QString& type) const
{
    if (ep.vendor == Vendor::Epic)
        return DemoResponse::empty(403); // Epic: 403 with an empty body
    return athenaForbidden(u"Invalid Token Scope"_s, {type});
}

DemoResponse FhirService::wrongPatient(const EndpointConfig& ep) const
{
    if (ep.vendor == Vendor::Epic)
        return epicJson(403,
                        oo(QJsonArray{epicIssue(u"fatal"_s, u"processing"_s, u"4118"_s,
                                                u"The authenticated user is not authorized to view the requested "
                                                u"data."_s)}));
    return athenaForbidden(u"The access token does not allow access to this patient."_s, {u"patient"_s});
}

DemoResponse FhirService::handle(const EndpointConfig& ep, const QString& relPath, const DemoRequest& request,
                                 const OAuthService::Grant& grant, const QString& token)
{
    const QStringList parts = relPath.split(u'/', Qt::SkipEmptyParts);
    DemoResponse r;
    if (parts.isEmpty() || parts.size() > 2) {
        r = outcome(ep.vendor, 404, u"not-supported"_s, u"The requested operation is not supported."_s);
    } else if (request.method != "GET") {
        r = outcome(ep.vendor, 405, u"not-supported"_s, u"This server is read-only."_s);
    } else {
        const QString type = parts.at(0);
        static const QSet<QString> kEpicDisabled{u"Account"_s,
                                                 u"Appointment"_s,
                                                 u"Consent"_s,
                                                 u"Coverage"_s,
                                                 u"FamilyMemberHistory"_s,
                                                 u"MedicationDispense"_s,
                                                 u"NutritionOrder"_s,
                                                 u"Questionnaire"_s,
                                                 u"QuestionnaireResponse"_s,
                                                 u"ServiceRequest"_s,
                                                 u"Specimen"_s};
        if (ep.vendor == Vendor::Epic && kEpicDisabled.contains(type)) {
            r = DemoResponse::empty(403);
        } else if (!discovery::capabilityTypes(ep.vendor).contains(type)) {
            if (ep.vendor == Vendor::Epic)
                r = DemoResponse::bytes(404,
                                        "<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body>"
                                        "<h1>404 - File or directory not found.</h1></body></html>",
                                        "text/html");
            else
                r = outcome(ep.vendor, 404, u"not-supported"_s, u"Resource type %1 is not supported."_s.arg(type));
        } else if (ep.vendor == Vendor::Athena && type == u"ServiceRequest") {
            r = athenaForbidden(u"Invalid Token Scope"_s, {type});
        } else if (parts.size() == 2) {
            r = read(ep, type, parts.at(1), request, grant);
        } else {
            r = search(ep, type, request, grant, token);
        }
    }
    decorate(ep, r);
    return r;
}

// --- read
// --------------------------------------------------------------------------------------------------------

DemoResponse FhirService::read(const EndpointConfig& ep, const QString& type, const QString& id,
                               const DemoRequest& request, const OAuthService::Grant& grant)
{
    if (!typeAllowed(grant, type, u'r'))
        return notGranted(ep, type);
    const auto key = m_family.d->resolve(ep.vendor, type, id);
    if (!key) {
        if (ep.vendor == Vendor::Epic)
            return epicJson(404, oo(QJsonArray{epicIssue(u"fatal"_s, u"not-found"_s, u"59008"_s,
                                                         u"The FHIR ID provided was not found."_s,
                                                         u"Invalid FHIR ID provided"_s)}));
        return outcome(ep.vendor, 404, u"not-found"_s, u"Resource %1/%2 was not found."_s.arg(type, id));
    }
    const auto tokenPatient = m_family.patientById(ep.vendor, grant.patientId);
    if (key->patient != detail::kShared &&
        (!tokenPatient || key->patient != SyntheticFamily::Impl::patientIndex(tokenPatient->key)))
        return wrongPatient(ep);
    if (key->seg == Seg::Binary) {
        const QByteArray accept = request.header("accept").toLower();
        if (!accept.contains("json"))
            return DemoResponse::bytes(200, detail::binaryContent(m_family.d->plans, *key),
                                       "text/html; charset=utf-8");
    }
    return DemoResponse::json(200, m_family.d->build(ep.vendor, *key), contentType(ep.vendor));
}

// --- search
// ------------------------------------------------------------------------------------------------------

DemoResponse FhirService::search(const EndpointConfig& ep, const QString& type, const DemoRequest& request,
                                 const OAuthService::Grant& grant, const QString& token)
{
    const bool epic = ep.vendor == Vendor::Epic;
    const QUrlQuery q = request.query();
    const QString base = ep.fhirBase() + u'/' + type;

    // Epic paging: the session holds the query.
    if (epic && q.hasQueryItem(u"sessionID"_s)) {
        const QString id = queryValue(q, u"sessionID"_s);
        const auto it = m_sessions.constFind(id);
        if (it == m_sessions.cend() || it.value()->token != token || it.value()->search.type != type)
            return epicJson(
                400,
                oo(QJsonArray{epicIssue(u"fatal"_s, u"value"_s, u"59109"_s, u"An element value is invalid."_s,
                                        u"Invalid or expired sessionID."_s, u"/f:sessionID"_s, u"sessionID"_s)}));
        Search s = it.value()->search;
        const int pageNumber = it.value()->pageNumber;
        return page(ep, s, request, token, pageNumber);
    }

    Search s;
    s.vendor = ep.vendor;
    s.type = type;
    {
        bool ok = false;
        const int c = queryValue(q, u"_count"_s).toInt(&ok);
        s.count = ok && c > 0 ? std::min(c, kMaxCount) : kDefaultCount;
    }
    QString patientParam = queryValue(q, u"patient"_s);
    if (patientParam.isEmpty())
        patientParam = queryValue(q, u"subject"_s);
    patientParam = plainPatientId(patientParam);
    const QStringList ids = splitValues(q, u"_id"_s);
    const bool shared =
        type == u"Practitioner" || type == u"Organization" || type == u"Location" || type == u"Medication";
    const bool isPatient = type == u"Patient";

    // Required parameters, in each vendor's words.
    if (!epic) {
        if (type == u"MedicationRequest" && ids.isEmpty() &&
            (patientParam.isEmpty() || !q.hasQueryItem(u"intent"_s)))
            return athenaForbidden(
                u"The search query could not be performed because one of the required parameter "
                u"combinations [[patient,intent],[_id]] was not provided."_s,
                {u"patient,intent"_s, u"_id"_s});
        if (shared && ids.isEmpty())
            return athenaForbidden(
                u"The search query could not be performed because one of the required parameter "
                u"combinations [[_id]] was not provided."_s,
                {u"_id"_s});
        if (!shared && !isPatient && type != u"MedicationRequest" && ids.isEmpty() && patientParam.isEmpty())
            return athenaForbidden(
                u"The search query could not be performed because one of the required parameter "
                u"combinations [[patient],[_id]] was not provided."_s,
                {u"patient"_s, u"_id"_s});
    }
    if (!typeAllowed(grant, type, u's'))
        return notGranted(ep, type);
    if (epic) {
        if (type == u"RelatedPerson" && !patientParam.isEmpty())
            return epicJson(400,
                            oo(QJsonArray{epicIssue(u"information"_s, u"invalid"_s, u"59100"_s,
                                                    u"Content invalid against the specification or a profile."_s,
                                                    u"Unknown parameter: PATIENT. Parameter has been ignored."_s),
                                          epicIssue(u"fatal"_s, u"invalid"_s, u"59102"_s,
                                                    u"Content invalid against the specification or a profile."_s,
                                                    u"Only an _ID search is allowed."_s)}));
        if (type == u"Observation" && !q.hasQueryItem(u"category"_s) && !q.hasQueryItem(u"code"_s) &&
            ids.isEmpty())
            return epicJson(400, oo(QJsonArray{epicIssue(u"fatal"_s, u"required"_s, u"59108"_s,
                                                         u"A required element is missing."_s,
                                                         u"Must have either code or category."_s,
                                                         u"/f:code/category"_s, u"code/category"_s)}));
        if (type == u"CarePlan" && !q.hasQueryItem(u"category"_s) && ids.isEmpty()) {
            const QString text =
                u"The content/operation failed to pass a business rule, and so could not proceed."_s;
            return epicJson(
                400,
                oo(QJsonArray{epicIssue(
                    u"fatal"_s, u"business-rule"_s, u"59159"_s, text,
                    u"This resource requires a category for searching. Use 38717003 for longitudinal, 734163000 "
                    u"for encounter, 736271009 for outpatient, 736353004 for inpatient, 738906000 for dental, "
                    u"736378000 for oncology, 719091000000102 for questionnaires due, 959871000000107 for "
                    u"anticoagulation, inpatient-pathway for inpatient pathway, 409073007 for education, or "
                    u"care-path for Care Path."_s,
                    u"/f:category"_s, u"category"_s)}));
        }
        if (shared && ids.isEmpty())
            return epicJson(400, oo(QJsonArray{epicIssue(u"fatal"_s, u"required"_s, u"59108"_s,
                                                         u"A required element is missing."_s,
                                                         u"Only an _ID search is allowed."_s)}));
        if (!shared && !isPatient && type != u"RelatedPerson" && ids.isEmpty() && patientParam.isEmpty())
            return epicJson(
                400,
                oo(QJsonArray{epicIssue(u"fatal"_s, u"required"_s, u"59108"_s, u"A required element is missing."_s,
                                        u"Must have a patient or an _id."_s, u"/f:patient"_s, u"patient"_s)}));
    }

    const auto tokenPatient = m_family.patientById(ep.vendor, grant.patientId);
    if (!tokenPatient)
        return wrongPatient(ep);
    s.patient = SyntheticFamily::Impl::patientIndex(tokenPatient->key);
    if (!patientParam.isEmpty() && patientParam != grant.patientId)
        return wrongPatient(ep);
    const detail::Plan& plan = m_family.d->plans.plan(ep.vendor, s.patient);

    // Segments, narrowed by category where a category is a segment.
    QList<Seg> segs = SyntheticFamily::Impl::segmentsFor(ep.vendor, type);
    const QStringList categories = splitValues(q, u"category"_s);
    bool categoryHandled = false;
    if (type == u"Observation" && !categories.isEmpty()) {
        categoryHandled = true;
        QList<Seg> chosen;
        QJsonArray warnings;
        for (const QString& raw : categories) {
            const QString c = categoryCode(raw);
            if (c == u"laboratory")
                chosen.append(Seg::LabObs);
            else if (c == u"vital-signs")
                chosen.append(Seg::VitalObs);
            else if (c == u"social-history")
                chosen.append(Seg::SocialObs);
            else if (c == u"imaging")
                continue; // served, but nothing in the family's record
            else if (!epic)
                continue; // athena: no such data
            else if (c == u"symptom" || c == u"delivery" || c.isEmpty())
                return epicJson(
                    400, oo(QJsonArray{
                             epicIssue(u"information"_s, u"value"_s, u"59109"_s, u"An element value is invalid."_s,
                                       u"Invalid category: "_s + c, u"/f:category"_s, u"category"_s),
                             epicIssue(u"fatal"_s, u"value"_s, u"59111"_s, u"An element value is invalid."_s,
                                       u"Required search parameter is provided but has an invalid value"_s,
                                       u"/f:category"_s, u"category"_s)}));
            else {
                static const QHash<QString, QString> kNames{
                    {u"survey"_s, u"Assessments"_s},
                    {u"sdoh"_s, u"Assessments"_s},
                    {u"periodontal"_s, u"Periodontal"_s},
                    {u"phenotype"_s, u"Phenotype"_s},
                    {u"obstetrics-gynecology"_s, u"Obstetrics and Gynecology"_s}};
                warnings.append(epicSuppressed(u"Observation"_s, kNames.value(c, u"SmartData Elements"_s)));
            }
        }
        if (chosen.isEmpty() && !warnings.isEmpty()) {
            warnings.append(epicNoSearch());
            return epicJson(400, oo(warnings));
        }
        segs.erase(std::remove_if(segs.begin(), segs.end(), [&](Seg x) { return !chosen.contains(x); }),
                   segs.end());
    }
    if (type == u"CarePlan" && !categories.isEmpty() && epic) {
        categoryHandled = true;
        QList<Seg> chosen;
        QJsonArray warnings;
        static const QHash<QString, QString> kOther{{u"736271009"_s, u"Outpatient CarePlan"_s},
                                                    {u"736353004"_s, u"Inpatient CarePlan"_s},
                                                    {u"738906000"_s, u"Dental CarePlan"_s},
                                                    {u"736378000"_s, u"Oncology"_s},
                                                    {u"719091000000102"_s, u"Questionnaires Due"_s},
                                                    {u"959871000000107"_s, u"Anticoagulation CarePlan"_s},
                                                    {u"inpatient-pathway"_s, u"Inpatient Pathway"_s},
                                                    {u"409073007"_s, u"Patient Education"_s},
                                                    {u"care-path"_s, u"Care Path"_s}};
        for (const QString& raw : categories) {
            const QString c = categoryCode(raw);
            if (c == u"38717003")
                chosen.append(Seg::CarePlanLong);
            else if (c == u"734163000")
                chosen.append(Seg::CarePlanEnc);
            else if (kOther.contains(c))
                warnings.append(epicSuppressed(u"CarePlan"_s, kOther.value(c)));
            else
                return epicJson(
                    400, oo(QJsonArray{
                             epicIssue(u"information"_s, u"value"_s, u"59109"_s, u"An element value is invalid."_s,
                                       u"Invalid category: "_s + c, u"/f:category"_s, u"category"_s),
                             epicIssue(u"fatal"_s, u"value"_s, u"59111"_s, u"An element value is invalid."_s,
                                       u"Required search parameter is provided but has an invalid value"_s,
                                       u"/f:category"_s, u"category"_s)}));
        }
        if (chosen.isEmpty()) {
            warnings.append(epicNoSearch());
            return epicJson(400, oo(warnings));
        }
        segs.erase(std::remove_if(segs.begin(), segs.end(), [&](Seg x) { return !chosen.contains(x); }),
                   segs.end());
    }
    if (type == u"CarePlan" && !epic)
        categoryHandled = true; // athena: every care plan is an assess-plan

    // Generic filters.
    for (const QString& param : filterParams()) {
        if (param == u"category" && categoryHandled)
            continue;
        const QStringList values = splitValues(q, param);
        if (!values.isEmpty())
            s.filters.append({param, values});
    }

    // _id: an explicit list.
    if (!ids.isEmpty()) {
        s.explicitMode = true;
        for (const QString& id : ids) {
            const auto key = m_family.d->resolve(ep.vendor, type, id);
            if (!key)
                continue;
            if (key->patient != detail::kShared && key->patient != s.patient)
                continue;
            s.explicitKeys.append(*key);
        }
    } else if (isPatient) {
        s.explicitMode = true;
        s.explicitKeys.append(ResourceKey{Seg::Patient, s.patient, 0});
    } else {
        for (Seg seg : segs)
            s.ranges.append(Range{seg, 0, plan.count(seg)});
    }

    // Dates: each segment is sorted by date, so a bound is a binary search.
    const auto narrow = [&](const QStringList& values, bool lastUpdated) -> std::optional<DemoResponse> {
        for (const QString& v : values) {
            const auto b = parseDate(v, lastUpdated && !epic);
            if (!b)
                return outcome(ep.vendor, 400, u"value"_s,
                               lastUpdated && !epic
                                   ? u"_lastUpdated takes a date (YYYY-MM-DD) with an optional prefix."_s
                                   : u"Invalid date search value."_s,
                               v);
            for (Range& r : s.ranges) {
                const auto timeAt = [&](qint64 i) {
                    return lastUpdated ? detail::itemLastUpdated(plan, r.seg, i)
                                       : detail::itemTime(plan, r.seg, i);
                };
                const auto firstAtOrAfter = [&](const QDateTime& t) {
                    qint64 lo = 0, hi = plan.count(r.seg);
                    while (lo < hi) {
                        const qint64 mid = lo + (hi - lo) / 2;
                        if (timeAt(mid) < t)
                            lo = mid + 1;
                        else
                            hi = mid;
                    }
                    return lo;
                };
                qint64 lo = 0, hi = plan.count(r.seg);
                if (b->prefix == u"ge" || b->prefix == u"sa")
                    lo = firstAtOrAfter(b->prefix == u"sa" ? b->end : b->start);
                else if (b->prefix == u"gt")
                    lo = firstAtOrAfter(b->end);
                else if (b->prefix == u"le")
                    hi = firstAtOrAfter(b->end);
                else if (b->prefix == u"lt" || b->prefix == u"eb")
                    hi = firstAtOrAfter(b->start);
                else {
                    lo = firstAtOrAfter(b->start);
                    hi = firstAtOrAfter(b->end);
                }
                r.lo = std::max(r.lo, lo);
                r.hi = std::min(r.hi, hi);
            }
        }
        return std::nullopt;
    };
    if (supportsDate(type))
        if (auto err = narrow(q.allQueryItemValues(u"date"_s, QUrl::FullyDecoded), false))
            return *err;
    const QStringList lastUpdated = q.allQueryItemValues(u"_lastUpdated"_s, QUrl::FullyDecoded);
    if (!lastUpdated.isEmpty() && (!epic || type == u"DocumentReference"))
        if (auto err = narrow(lastUpdated, true))
            return *err;

    s.includeMedication = !epic && type == u"MedicationRequest" &&
                          q.allQueryItemValues(u"_include"_s).contains(u"MedicationRequest:medication"_s);
    s.endless = m_faults.endless(ep.id, type);
    const QString query = request.url.query(QUrl::FullyEncoded);
    s.selfUrl = query.isEmpty() ? base : base + u'?' + query;
    for (const auto& [k, v] : QUrlQuery(request.url).queryItems(QUrl::FullyEncoded))
        if (k != u"cursor" && k != u"_demoPage")
            s.baseItems.append({k, v});

    // athena paging: the cursor names the first resource of this page.
    int pageNumber = 1;
    if (!epic) {
        pageNumber = std::max(1, queryValue(q, u"_demoPage"_s).toInt());
        const QString cursor = queryValue(q, u"cursor"_s);
        if (!cursor.isEmpty()) {
            const auto key = detail::parseResourceId(ep.vendor, cursor);
            bool found = false;
            if (key && key->patient == s.patient) {
                for (int i = 0; i < s.ranges.size(); ++i) {
                    if (s.ranges.at(i).seg == key->seg) {
                        s.range = i;
                        s.index = key->index;
                        found = true;
                        break;
                    }
                }
            }
            if (!found)
                return outcome(ep.vendor, 400, u"value"_s, u"Invalid cursor."_s);
        }
    }
    return page(ep, s, request, token, pageNumber);
}

DemoResponse FhirService::page(const EndpointConfig& ep, Search& s, const DemoRequest& request,
                               const QString& token, int pageNumber)
{
    Q_UNUSED(request)
    const bool epic = ep.vendor == Vendor::Epic;
    const detail::Plan& plan = m_family.d->plans.plan(ep.vendor, s.patient);
    QList<QJsonObject> matches;

    const auto passes = [&](const QJsonObject& r) {
        for (const auto& [param, values] : s.filters)
            if (!matchesFilter(r, param, values))
                return false;
        return true;
    };

    bool more = false;
    if (s.explicitMode) {
        for (qint64 i = s.index; i < s.explicitKeys.size() && matches.size() < s.count; ++i) {
            const QJsonObject r = m_family.d->build(ep.vendor, s.explicitKeys.at(int(i)));
            if (passes(r))
                matches.append(r);
            s.index = i + 1;
        }
        more = s.index < s.explicitKeys.size();
    } else {
        // Collect up to count matches from the current position.
        const auto advance = [&]() {
            while (s.range < s.ranges.size()) {
                const Range& r = s.ranges.at(s.range);
                if (s.index < r.lo)
                    s.index = r.lo;
                if (s.index < r.hi)
                    return true;
                ++s.range;
                s.index = 0;
            }
            return false;
        };
        while (matches.size() < s.count && advance()) {
            const Range& r = s.ranges.at(s.range);
            const QJsonObject res = m_family.d->build(ep.vendor, detail::keyFor(plan, r.seg, s.index));
            if (s.filters.isEmpty() || passes(res))
                matches.append(res);
            ++s.index;
        }
        // Is there anything after this page? Stop at the next match so that the next page starts there.
        while (advance()) {
            const Range& r = s.ranges.at(s.range);
            if (s.filters.isEmpty() ||
                passes(m_family.d->build(ep.vendor, detail::keyFor(plan, r.seg, s.index)))) {
                more = true;
                break;
            }
            ++s.index;
        }
        if (!more && s.endless) {
            // A page that never ends: start over, with a new next link every time.
            s.range = 0;
            s.index = 0;
            advance();
            more = true;
        }
    }
    if (s.explicitMode && s.endless && !more) {
        s.index = 0;
        more = true;
    }

    // Includes (athena _include=MedicationRequest:medication).
    QList<QJsonObject> includes;
    if (s.includeMedication) {
        QSet<QString> seen;
        for (const QJsonObject& m : std::as_const(matches)) {
            const QString ref = m.value(u"medicationReference"_s).toObject().value(u"reference"_s).toString();
            if (!ref.startsWith(u"Medication/"_s) || seen.contains(ref))
                continue;
            seen.insert(ref);
            if (auto med = m_family.read(ep.vendor, u"Medication"_s, ref.mid(11)))
                includes.append(*med);
        }
    }

    // Next link.
    QString next;
    if (more) {
        if (epic) {
            const QString id = u"12-"_s + QUuid::createUuid().toString(QUuid::Id128).toUpper();
            auto session = std::make_shared<Session>();
            session->token = token;
            session->search = s;
            session->pageNumber = pageNumber + 1;
            m_sessions.insert(id, session);
            m_sessionOrder.append(id);
            while (m_sessionOrder.size() > kMaxSessions)
                m_sessions.remove(m_sessionOrder.takeFirst());
            next = ep.fhirBase() + u'/' + s.type + u"?sessionID="_s + id;
        } else {
            QUrlQuery nq;
            for (const auto& [k, v] : s.baseItems)
                nq.addQueryItem(k, v);
            if (!s.explicitMode && s.range < s.ranges.size() && s.index >= s.ranges.at(s.range).lo &&
                s.index < s.ranges.at(s.range).hi) {
                const Range& r = s.ranges.at(s.range);
                nq.addQueryItem(u"cursor"_s, detail::resourceId(ep.vendor, detail::keyFor(plan, r.seg, s.index)));
            }
            if (s.endless)
                nq.addQueryItem(u"_demoPage"_s, QString::number(pageNumber + 1));
            next = ep.fhirBase() + u'/' + s.type + u'?' + nq.query(QUrl::FullyEncoded);
        }
    }

    // Bundle in the vendor's style.
    QJsonArray entries;
    const auto entryFor = [&](const QJsonObject& r, const QString& mode) {
        const QString fullUrl =
            ep.fhirBase() + u'/' + r.value(u"resourceType"_s).toString() + u'/' + r.value(u"id"_s).toString();
        return QJsonObject{{u"link"_s, QJsonArray{QJsonObject{{u"relation"_s, u"self"_s}, {u"url"_s, fullUrl}}}},
                           {u"fullUrl"_s, fullUrl},
                           {u"resource"_s, r},
                           {u"search"_s, QJsonObject{{u"mode"_s, mode}}}};
    };
    for (const QJsonObject& r : std::as_const(matches))
        entries.append(entryFor(r, u"match"_s));
    for (const QJsonObject& r : std::as_const(includes))
        entries.append(entryFor(r, u"include"_s));

    QJsonObject bundle{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"searchset"_s}};
    QJsonArray links;
    if (epic) {
        // Every Epic searchset carries an OperationOutcome entry with a fresh urn:uuid.
        QJsonArray issues;
        if (s.type == u"Observation")
            issues.append(epicSuppressed(u"Observation"_s, u"SmartData Elements"_s));
        if (matches.isEmpty())
            issues.append(
                epicIssue(u"warning"_s, u"processing"_s, u"4101"_s, u"Resource request returns no results."_s));
        issues.append(
            epicIssue(u"warning"_s, u"processing"_s, u"4119"_s,
                      u"This response includes information available to the authorized user at the time "
                      u"of the request. It may not contain the entire record available in the system."_s));
        entries.append(
            QJsonObject{{u"fullUrl"_s, u"urn:uuid:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {u"resource"_s, oo(issues)},
                        {u"search"_s, QJsonObject{{u"mode"_s, u"outcome"_s}}}});
        bundle[u"total"_s] = matches.size(); // Epic: the entries of this page
        if (!next.isEmpty())
            links.append(QJsonObject{{u"relation"_s, u"next"_s}, {u"url"_s, next}});
        links.append(QJsonObject{{u"relation"_s, u"self"_s}, {u"url"_s, s.selfUrl}});
    } else {
        bundle[u"timestamp"_s] = m_clock().toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
        links.append(QJsonObject{{u"relation"_s, u"self"_s}, {u"url"_s, s.selfUrl}});
        if (!next.isEmpty())
            links.append(QJsonObject{{u"relation"_s, u"next"_s}, {u"url"_s, next}});
    }
    bundle[u"link"_s] = links;
    if (!entries.isEmpty())
        bundle[u"entry"_s] = entries;
    return DemoResponse::json(200, bundle, contentType(ep.vendor));
}

} // namespace hh::demo
