#include "db/RecordsReader.h"

#include "db/CleanDocument.h"

#include "core/Log.h"
#include "core/clinical/SummaryItems.h"
#include "core/clinical/JsonUtil.h"
#include "core/records/FhirBundleWriter.h"
#include "core/records/FhirResourceExporter.h"
#include "core/records/IpsComposer.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace hh::db {

using namespace hh::records;

struct RecordsReader::TestCatalog {
    QString stamp;
    QList<TestRow> rows;
};

namespace {

using clinical::json::arr;
using clinical::json::num;
using clinical::json::obj;
using clinical::json::str;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::RecordsReader)
};

QString readFailed()
{
    return Tr::tr("Your records could not be read from the vault.");
}

// Binds values (after any bound before) to the prepared query and runs it; readFailed() on failure.
Status bindAndRun(QSqlQuery& query, std::initializer_list<QVariant> values)
{
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query, readFailed());
    return success();
}

constexpr auto kClean = "profile_fhir_resources_clean"_L1;

// The columns every record row is read with (rowFrom() relies on this order).
const QString kRowColumns = u"id, profile_id, resource_type, dedup_key, status, canonical_system, canonical_code, "
                            u"display, effective_at, value_num, value_unit, value_text, abnormal, has_conflict, "
                            u"sources, clean_json"_s;

QJsonObject parseObject(const QString& json)
{
    if (json.isEmpty())
        return {};
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QJsonArray parseArray(const QString& json)
{
    if (json.isEmpty())
        return {};
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

std::optional<double> numColumn(const QVariant& v)
{
    if (v.isNull() || !v.isValid())
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

QString escapeLike(const QString& text)
{
    QString out;
    out.reserve(text.size() + 4);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

// Status values that count as "active" per kind; "~" stands for NULL (see kNullStatus).
constexpr auto kNullStatus = "ifnull(status, '~')"_L1;

QStringList activeStatuses(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return {u"active"_s, u"recurrence"_s, u"relapse"_s, u"~"_s};
    case RecordKind::Medications:
        return {u"active"_s, u"on-hold"_s, u"intended"_s};
    case RecordKind::Allergies:
        return {u"active"_s, u"~"_s};
    case RecordKind::Immunizations:
        return {u"completed"_s, u"~"_s};
    case RecordKind::Encounters:
        return {u"planned"_s, u"arrived"_s, u"triaged"_s, u"in-progress"_s};
    case RecordKind::Procedures:
        return {u"preparation"_s, u"in-progress"_s, u"on-hold"_s};
    case RecordKind::Documents:
        return {u"current"_s, u"~"_s};
    case RecordKind::Observations:
        return {u"final"_s, u"amended"_s, u"corrected"_s, u"preliminary"_s, u"~"_s};
    case RecordKind::Other:
        break;
    }
    return {};
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

TestKind testKindOf(const QJsonObject& clean, const QString& system, const QString& code, bool numeric)
{
    QStringList categories;
    for (const QJsonValue& v : arr(clean, "categories"_L1))
        categories.append(v.toString());
    if (categories.contains(u"vital-signs"_s))
        return TestKind::Vital;
    if (categories.contains(u"laboratory"_s))
        return TestKind::Lab;
    if (system == u"http://loinc.org" && clinical::summary::isVitalSignLoinc(code))
        return TestKind::Vital;
    if (categories.isEmpty() && numeric)
        return TestKind::Lab;
    return TestKind::Other;
}

qint64 isoToMsecs(const QString& iso)
{
    if (iso.size() <= 10) {
        const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
        return d.isValid() ? d.startOfDay(Qt::UTC).toMSecsSinceEpoch() : 0;
    }
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

// The number a trend follows: the value, or the systolic component of a blood pressure.
std::optional<double> trendValue(const std::optional<double>& value, const QJsonObject& clean)
{
    if (value)
        return value;
    const QJsonArray comps = arr(clean, "components"_L1);
    for (const QJsonValue& cv : comps)
        if (str(cv.toObject(), "code"_L1) == u"8480-6")
            return num(obj(cv.toObject(), "value"_L1), "value"_L1);
    if (!comps.isEmpty())
        return num(obj(comps.first().toObject(), "value"_L1), "value"_L1);
    return std::nullopt;
}

// "120/80" for a blood pressure (components), else empty.
QString componentsText(const QJsonObject& clean)
{
    QStringList parts;
    const QLocale locale;
    for (const QJsonValue& cv : arr(clean, "components"_L1)) {
        const QJsonObject v = obj(cv.toObject(), "value"_L1);
        if (const auto n = num(v, "value"_L1))
            parts.append(locale.toString(*n, 'g', 6));
        else if (!str(v, "text"_L1).isEmpty())
            parts.append(str(v, "text"_L1));
    }
    return parts.join(u'/');
}

// The raw id the clean record took most of its values from.
QString primaryRawId(const QJsonObject& clean)
{
    QHash<QString, int> votes;
    const QJsonObject provenance = obj(clean, "provenance"_L1);
    for (auto it = provenance.begin(); it != provenance.end(); ++it)
        if (it.value().isString())
            ++votes[it.value().toString()];
    QString best;
    int bestVotes = -1;
    for (const QJsonValue& s : arr(clean, "sources"_L1)) {
        const QString raw = str(s.toObject(), "raw_id"_L1);
        if (!raw.isEmpty() && votes.value(raw) > bestVotes) {
            best = raw;
            bestVotes = votes.value(raw);
        }
    }
    return best;
}

} // namespace

RecordsReader::RecordsReader(QSqlDatabase db, QString userId) : m_db(std::move(db)), m_userId(std::move(userId)) {}

RecordsReader::~RecordsReader() = default;

void RecordsReader::invalidate(const QString& profileId)
{
    if (profileId.isEmpty()) {
        m_catalogs.clear();
        m_profiles.clear();
    } else {
        m_catalogs.remove(profileId);
    }
}

Result<QList<Profile>> RecordsReader::profiles()
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id, display_name, legal_name, date_of_birth, relationship, created_at, updated_at "
              u"FROM profiles WHERE user_id = ? ORDER BY display_name"_s);
    if (Status st = bindAndRun(q, {m_userId}); !st)
        return st.error();
    QList<Profile> list;
    m_profiles.clear();
    while (q.next()) {
        Profile p;
        p.id = q.value(0).toString();
        p.userId = m_userId;
        p.displayName = q.value(1).toString();
        p.legalName = q.value(2).toString();
        p.dateOfBirth = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        p.relationship = relationshipFromKey(q.value(4).toString()).value_or(Relationship::Other);
        p.createdAt = q.value(5).toString();
        p.updatedAt = q.value(6).toString();
        m_profiles.insert(p.id, p);
        list.append(p);
    }
    return list;
}

Result<Profile> RecordsReader::profile(const QString& profileId)
{
    if (!m_profiles.contains(profileId)) {
        auto all = profiles();
        if (!all)
            return all.error();
    }
    const auto it = m_profiles.constFind(profileId);
    if (it == m_profiles.cend())
        return Error(ErrorCode::NotFound, Tr::tr("This profile does not exist (any more)."), u"unknown profile"_s);
    return *it;
}

Status RecordsReader::checkProfile(const QString& profileId)
{
    auto p = profile(profileId);
    if (!p)
        return p.error();
    return success();
}

QString RecordsReader::endpointName(const QString& endpointId)
{
    if (endpointId.isEmpty())
        return {};
    const auto it = m_endpointNames.constFind(endpointId);
    if (it != m_endpointNames.cend())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT name FROM emr_endpoints WHERE id = ?"_s);
    q.addBindValue(endpointId);
    QString name = endpointId;
    if (q.exec() && q.next() && !q.value(0).toString().isEmpty())
        name = q.value(0).toString();
    m_endpointNames.insert(endpointId, name);
    return name;
}

namespace {

struct RowParts {
    RecordRow row;
    QJsonObject clean;
};

} // namespace

static RowParts rowFrom(const QSqlQuery& q, const std::function<QString(const QString&)>& endpointName)
{
    RowParts parts;
    RecordRow& r = parts.row;
    r.id = q.value(0).toString();
    r.profileId = q.value(1).toString();
    r.resourceType = q.value(2).toString();
    r.dedupKey = q.value(3).toString();
    r.status = q.value(4).toString();
    r.codeSystem = q.value(5).toString();
    r.code = q.value(6).toString();
    r.display = q.value(7).toString();
    r.effectiveAt = q.value(8).toString();
    r.valueNum = numColumn(q.value(9));
    r.valueUnit = q.value(10).toString();
    r.valueText = q.value(11).toString();
    r.abnormal = q.value(12).toString();
    r.hasConflict = q.value(13).toInt() != 0;
    const QJsonArray sources = parseArray(q.value(14).toString());
    r.sourceCount = static_cast<int>(sources.size());
    for (const QJsonValue& s : sources) {
        const QString name = endpointName(str(s.toObject(), "endpoint"_L1));
        if (!name.isEmpty() && !r.sourceNames.contains(name))
            r.sourceNames.append(name);
    }
    parts.clean = clinical::CleanRecord::withColumns(
        parseObject(q.value(15).toString()),
        clinical::CleanRecord::Columns{r.resourceType, r.dedupKey, r.status, r.codeSystem, r.code, r.display,
                                       r.effectiveAt, q.value(14).toString().toUtf8()});
    const QJsonObject& clean = parts.clean;
    if (r.display.isEmpty())
        r.display = str(clean, "display"_L1).isEmpty() ? r.code : str(clean, "display"_L1);
    r.effectiveEnd = str(clean, "effective_end"_L1);
    const QJsonObject value = obj(clean, "value"_L1);
    r.rangeLow = num(value, "range_low"_L1);
    r.rangeHigh = num(value, "range_high"_L1);
    r.rangeText = str(value, "range_text"_L1);
    QJsonObject d = obj(clean, "details"_L1);
    d.remove("identifiers"_L1);
    const QJsonObject med = obj(clean, "medication"_L1);
    for (const auto key : {"strength"_L1, "form"_L1})
        if (!str(med, key).isEmpty())
            d.insert(key, str(med, key));
    if (!arr(clean, "categories"_L1).isEmpty())
        d.insert("categories"_L1, arr(clean, "categories"_L1));
    if (!str(clean, "verification_status"_L1).isEmpty())
        d.insert("verification_status"_L1, str(clean, "verification_status"_L1));
    const QJsonArray comps = arr(clean, "components"_L1);
    if (!comps.isEmpty()) {
        QJsonArray out;
        for (const QJsonValue& cv : comps) {
            const QJsonObject c = cv.toObject();
            const QJsonObject v = obj(c, "value"_L1);
            QJsonObject o;
            o.insert("display"_L1, str(c, "display"_L1));
            o.insert("code"_L1, str(c, "code"_L1));
            if (const auto n = num(v, "value"_L1))
                o.insert("value"_L1, *n);
            o.insert("unit"_L1, str(v, "unit"_L1));
            o.insert("text"_L1, str(v, "text"_L1));
            o.insert("abnormal"_L1, str(v, "abnormal"_L1));
            out.append(o);
        }
        d.insert("components"_L1, out);
        if (!r.valueNum && r.valueText.isEmpty())
            r.valueText = componentsText(clean);
    }
    r.details = d;
    return parts;
}

// ---------------------------------------------------------------------------------------------
// Records

Result<RecordPage> RecordsReader::records(const RecordQuery& query)
{
    if (Status st = checkProfile(query.profileId); !st)
        return st.error();
    const QStringList types = resourceTypesOf(query.kind);
    if (types.isEmpty())
        return Error(ErrorCode::InvalidInput, readFailed(), u"records() of kind Other"_s);
    const int limit = std::clamp(query.limit, 1, 1000);
    const int offset = std::max(0, query.offset);

    QString where = u" WHERE profile_id = ? AND resource_type IN (%1)"_s.arg(placeholders(types.size()));
    QVariantList binds{query.profileId};
    for (const QString& t : types)
        binds.append(t);
    if (query.status != StatusFilter::All) {
        const QStringList active = activeStatuses(query.kind);
        where += query.status == StatusFilter::Active ? u" AND "_s + kNullStatus + u" IN (%1)"_s
                                                      : u" AND NOT ("_s + kNullStatus + u" IN (%1))"_s;
        where = where.arg(placeholders(active.size()));
        for (const QString& s : active)
            binds.append(s);
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        where += u" AND (display LIKE ? ESCAPE '\\' OR canonical_code LIKE ? ESCAPE '\\')"_s;
        binds.append(u"%"_s + escapeLike(text) + u"%"_s);
        binds.append(escapeLike(text) + u"%"_s);
    }
    if (!query.code.isEmpty()) {
        where += query.codeSystem.isEmpty() ? u" AND canonical_system IS NULL AND canonical_code = ?"_s
                                            : u" AND canonical_system = ? AND canonical_code = ?"_s;
        if (!query.codeSystem.isEmpty())
            binds.append(query.codeSystem);
        binds.append(query.code);
    }

    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    QString order;
    switch (query.sort) {
    case RecordSort::Date:
        order = u"effective_at"_s + dir;
        break;
    case RecordSort::Name:
        order = u"display COLLATE NOCASE"_s + dir + u", effective_at DESC"_s;
        break;
    case RecordSort::Status:
        order = u"status"_s + dir + u", effective_at DESC"_s;
        break;
    case RecordSort::Code:
        order = u"canonical_code"_s + dir + u", effective_at DESC"_s;
        break;
    case RecordSort::Value:
        order = u"value_num"_s + dir + u", value_text"_s + dir + u", effective_at DESC"_s;
        break;
    }
    order += u", id"_s;

    RecordPage page;
    page.offset = offset;
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT count(*) FROM "_s + kClean + where);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return sqlError(q, readFailed());
        page.totalCount = q.value(0).toInt();
    }
    if (offset >= page.totalCount)
        return page;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kRowColumns + u" FROM "_s + kClean + where + u" ORDER BY "_s + order
              + u" LIMIT ? OFFSET ?"_s);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (Status st = bindAndRun(q, {limit, offset}); !st)
        return st.error();
    auto names = [this](const QString& id) { return endpointName(id); };
    while (q.next())
        page.rows.append(rowFrom(q, names).row);
    return page;
}

// ---------------------------------------------------------------------------------------------
// Tests (labs & vitals)

Result<std::shared_ptr<RecordsReader::TestCatalog>> RecordsReader::catalog(const QString& profileId)
{
    QString stamp;
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT (SELECT updated_at FROM profile_summary WHERE profile_id = ?), "
                  u"(SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ? "
                  u"AND resource_type = 'Observation')"_s);
        q.addBindValue(profileId);
        q.addBindValue(profileId);
        if (!q.exec() || !q.next())
            return sqlError(q, readFailed());
        stamp = q.value(0).toString() + u'|' + q.value(1).toString();
    }
    if (auto cached = m_catalogs.value(profileId); cached && cached->stamp == stamp)
        return cached;

    auto cat = std::make_shared<TestCatalog>();
    cat->stamp = stamp;
    // One row per test; SQLite takes bare columns from the row with max(effective_at).
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT canonical_system, canonical_code, display, max(effective_at), count(*), id, value_num, "
              u"value_unit, value_text, abnormal, has_conflict FROM profile_fhir_resources_clean "
              u"WHERE profile_id = ? AND resource_type = 'Observation' "
              u"GROUP BY ifnull(canonical_system, ''), ifnull(canonical_code, '~' || ifnull(display, ''))"_s);
    if (Status st = bindAndRun(q, {profileId}); !st)
        return st.error();
    while (q.next()) {
        TestRow t;
        t.codeSystem = q.value(0).toString();
        t.code = q.value(1).toString();
        t.display = q.value(2).toString();
        t.latestAt = q.value(3).toString();
        t.resultCount = q.value(4).toInt();
        t.latestRecordId = q.value(5).toString();
        t.value = numColumn(q.value(6));
        t.unit = q.value(7).toString();
        t.valueText = q.value(8).toString();
        t.abnormal = q.value(9).toString();
        t.hasConflict = q.value(10).toInt() != 0;
        if (t.display.isEmpty())
            t.display = t.code;
        cat->rows.append(t);
    }
    q.finish();

    // Details of each test's latest result (range, categories, components) in batches.
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < cat->rows.size(); ++i)
        byId.insert(cat->rows.at(i).latestRecordId, i);
    QHash<QString, QJsonObject> latestClean;
    constexpr qsizetype kBatch = 200;
    const QStringList ids = byId.keys();
    for (qsizetype from = 0; from < ids.size(); from += kBatch) {
        const QStringList chunk = ids.mid(from, kBatch);
        QSqlQuery d(m_db);
        d.setForwardOnly(true);
        d.prepare(u"SELECT id, %1 FROM profile_fhir_resources_clean WHERE id IN (%2)"_s.arg(
            cleanDocumentColumns(), placeholders(chunk.size())));
        for (const QString& id : chunk)
            d.addBindValue(id);
        if (Status st = bindAndRun(d, {}); !st)
            return st.error();
        while (d.next())
            latestClean.insert(d.value(0).toString(), cleanDocument(d, 1));
    }

    QSqlQuery prevCoded(m_db);
    prevCoded.prepare(u"SELECT value_num, value_unit, "_s + cleanDocumentColumns() + u" FROM profile_fhir_resources_clean "
                      u"WHERE profile_id = ? AND canonical_system = ? AND canonical_code = ? "
                      u"AND resource_type = 'Observation' AND effective_at < ? ORDER BY effective_at DESC LIMIT 1"_s);
    QSqlQuery prevNoSystem(m_db);
    prevNoSystem.prepare(u"SELECT value_num, value_unit, "_s + cleanDocumentColumns() + u" FROM profile_fhir_resources_clean "
                         u"WHERE profile_id = ? AND canonical_system IS NULL AND canonical_code = ? "
                         u"AND resource_type = 'Observation' AND effective_at < ? ORDER BY effective_at DESC LIMIT 1"_s);
    QSqlQuery prevUncoded(m_db);
    prevUncoded.prepare(u"SELECT value_num, value_unit, "_s + cleanDocumentColumns() + u" FROM profile_fhir_resources_clean "
                        u"WHERE profile_id = ? AND display = ? AND canonical_code IS NULL "
                        u"AND resource_type = 'Observation' AND effective_at < ? ORDER BY effective_at DESC LIMIT 1"_s);

    for (TestRow& t : cat->rows) {
        const QJsonObject clean = latestClean.value(t.latestRecordId);
        const QJsonObject value = obj(clean, "value"_L1);
        t.rangeLow = num(value, "range_low"_L1);
        t.rangeHigh = num(value, "range_high"_L1);
        t.rangeText = str(value, "range_text"_L1);
        if (t.valueText.isEmpty() && !t.value)
            t.valueText = componentsText(clean);
        const std::optional<double> last = trendValue(t.value, clean);
        t.kind = testKindOf(clean, t.codeSystem, t.code, last.has_value());
        if (t.resultCount < 2 || !last || t.latestAt.isEmpty())
            continue;
        QSqlQuery* p = nullptr;
        if (t.code.isEmpty()) {
            p = &prevUncoded;
            p->addBindValue(profileId);
            p->addBindValue(t.display);
        } else if (t.codeSystem.isEmpty()) {
            p = &prevNoSystem;
            p->addBindValue(profileId);
            p->addBindValue(t.code);
        } else {
            p = &prevCoded;
            p->addBindValue(profileId);
            p->addBindValue(t.codeSystem);
            p->addBindValue(t.code);
        }
        p->addBindValue(t.latestAt);
        if (!p->exec())
            return sqlError(*p, readFailed());
        if (p->next()) {
            const std::optional<double> v = numColumn(p->value(0));
            const QString unit = p->value(1).toString();
            const std::optional<double> previous = v ? v : trendValue(v, cleanDocument(*p, 2));
            if (previous && (unit == t.unit || !v)) {
                t.previousValue = previous;
                const double scale = std::max(std::abs(*last), std::abs(*previous));
                if (std::abs(*last - *previous) <= 0.02 * scale)
                    t.trend = Trend::Stable;
                else
                    t.trend = *last > *previous ? Trend::Up : Trend::Down;
            }
        }
        p->finish();
    }
    m_catalogs.insert(profileId, cat);
    return cat;
}

Result<TestPage> RecordsReader::tests(const TestQuery& query)
{
    if (Status st = checkProfile(query.profileId); !st)
        return st.error();
    auto cat = catalog(query.profileId);
    if (!cat)
        return cat.error();
    const QString text = query.text.trimmed();
    QList<const TestRow*> rows;
    for (const TestRow& t : (*cat)->rows) {
        if (query.kind != TestKind::Any && t.kind != query.kind)
            continue;
        if (query.abnormalOnly && !t.isAbnormal())
            continue;
        if (!text.isEmpty() && !t.display.contains(text, Qt::CaseInsensitive)
            && !t.code.startsWith(text, Qt::CaseInsensitive))
            continue;
        rows.append(&t);
    }
    auto byDate = [](const TestRow* a, const TestRow* b) {
        if (a->latestAt != b->latestAt)
            return a->latestAt < b->latestAt;
        return a->display < b->display;
    };
    auto byName = [](const TestRow* a, const TestRow* b) {
        const int c = QString::compare(a->display, b->display, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a->code < b->code;
    };
    std::function<bool(const TestRow*, const TestRow*)> less;
    switch (query.sort) {
    case TestSort::Date:
        less = byDate;
        break;
    case TestSort::Name:
        less = byName;
        break;
    case TestSort::Flag:
        less = [byDate](const TestRow* a, const TestRow* b) {
            if (a->isAbnormal() != b->isAbnormal())
                return !a->isAbnormal();
            return byDate(a, b);
        };
        break;
    case TestSort::Count:
        less = [byName](const TestRow* a, const TestRow* b) {
            if (a->resultCount != b->resultCount)
                return a->resultCount < b->resultCount;
            return byName(a, b);
        };
        break;
    }
    if (query.descending)
        std::stable_sort(rows.begin(), rows.end(), [&less](const TestRow* a, const TestRow* b) { return less(b, a); });
    else
        std::stable_sort(rows.begin(), rows.end(), less);

    TestPage page;
    page.offset = std::max(0, query.offset);
    page.totalCount = static_cast<int>(rows.size());
    const int limit = std::clamp(query.limit, 1, 1000);
    for (qsizetype i = page.offset; i < rows.size() && i < page.offset + limit; ++i)
        page.rows.append(*rows.at(i));
    return page;
}

Result<TestHistory> RecordsReader::testHistory(const QString& profileId, const QString& codeSystem,
                                               const QString& code, const QString& display, int maxPoints)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    maxPoints = std::clamp(maxPoints, 1, 20000);
    QString where = u" WHERE profile_id = ? AND resource_type = 'Observation'"_s;
    QVariantList binds{profileId};
    if (code.isEmpty()) {
        where += u" AND canonical_code IS NULL AND display = ?"_s;
        binds.append(display);
    } else if (codeSystem.isEmpty()) {
        where += u" AND canonical_system IS NULL AND canonical_code = ?"_s;
        binds.append(code);
    } else {
        where += u" AND canonical_system = ? AND canonical_code = ?"_s;
        binds.append(codeSystem);
        binds.append(code);
    }
    TestHistory h;
    h.codeSystem = codeSystem;
    h.code = code;
    h.display = display;
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT count(*) FROM "_s + kClean + where);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return sqlError(q, readFailed());
        h.totalCount = q.value(0).toInt();
    }
    h.truncated = h.totalCount > maxPoints;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, effective_at, value_num, value_unit, value_text, abnormal, display, "_s
              + cleanDocumentColumns() + u" FROM "_s + kClean + where + u" ORDER BY effective_at DESC, id LIMIT ?"_s);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (Status st = bindAndRun(q, {maxPoints}); !st)
        return st.error();

    HistorySeries main;
    main.code = code;
    QList<HistorySeries> components; // by component code, in first-seen order
    while (q.next()) {
        const QJsonObject clean = cleanDocument(q, 7);
        const QJsonObject value = obj(clean, "value"_L1);
        HistoryPoint p;
        p.recordId = q.value(0).toString();
        p.at = q.value(1).toString();
        p.msecs = isoToMsecs(p.at);
        p.value = numColumn(q.value(2));
        p.unit = q.value(3).toString();
        p.text = q.value(4).toString();
        p.abnormal = q.value(5).toString();
        p.rangeLow = num(value, "range_low"_L1);
        p.rangeHigh = num(value, "range_high"_L1);
        if (h.display.isEmpty())
            h.display = q.value(6).toString();
        if (h.unit.isEmpty() && p.value)
            h.unit = p.unit;
        if (p.value || !p.text.isEmpty())
            main.points.append(p);
        for (const QJsonValue& cv : arr(clean, "components"_L1)) {
            const QJsonObject c = cv.toObject();
            const QJsonObject cvalue = obj(c, "value"_L1);
            const auto n = num(cvalue, "value"_L1);
            if (!n)
                continue;
            const QString ccode = str(c, "code"_L1);
            auto it = std::find_if(components.begin(), components.end(),
                                   [&ccode](const HistorySeries& s) { return s.code == ccode; });
            if (it == components.end()) {
                HistorySeries s;
                s.code = ccode;
                s.label = str(c, "display"_L1).isEmpty() ? ccode : str(c, "display"_L1);
                components.append(s);
                it = components.end() - 1;
            }
            HistoryPoint cp = p;
            cp.value = n;
            cp.unit = str(cvalue, "unit"_L1);
            cp.text.clear();
            cp.abnormal = str(cvalue, "abnormal"_L1);
            cp.rangeLow = num(cvalue, "range_low"_L1);
            cp.rangeHigh = num(cvalue, "range_high"_L1);
            it->points.append(cp);
            if (h.unit.isEmpty())
                h.unit = cp.unit;
        }
    }
    main.label = h.display;
    auto oldestFirst = [](HistorySeries& s) { std::reverse(s.points.begin(), s.points.end()); };
    // A panel (blood pressure) is charted by its components; its own text value ("120/80") is not.
    const bool mainHasNumbers = std::any_of(main.points.cbegin(), main.points.cend(),
                                            [](const HistoryPoint& p) { return p.value.has_value(); });
    if (!main.points.isEmpty() && (mainHasNumbers || components.isEmpty())) {
        oldestFirst(main);
        h.series.append(main);
    }
    for (HistorySeries& s : components) {
        oldestFirst(s);
        h.series.append(s);
    }
    return h;
}

// ---------------------------------------------------------------------------------------------
// One record

Result<RecordDetail> RecordsReader::record(const QString& profileId, const QString& recordId)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + kRowColumns + u" FROM "_s + kClean + u" WHERE id = ? AND profile_id = ?"_s);
    if (Status st = bindAndRun(q, {recordId, profileId}); !st)
        return st.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, Tr::tr("This record is no longer in the vault."), u"unknown record"_s);
    RowParts parts = rowFrom(q, [this](const QString& id) { return endpointName(id); });
    q.finish();

    RecordDetail detail;
    detail.row = parts.row;
    detail.clean = parts.clean;
    detail.conflicts = arr(parts.clean, "conflicts"_L1);

    QSqlQuery raw(m_db);
    raw.prepare(u"SELECT r.resource_id, r.provider, r.connection_id, r.resource_json, r.fetched_at, r.updated_at, "
                u"c.endpoint_id, c.last_synced_at FROM profile_fhir_resources_raw r "
                u"LEFT JOIN profile_emr_connections c ON c.id = r.connection_id "
                u"WHERE r.id = ? AND r.profile_id = ?"_s);
    QSqlQuery sources(m_db);
    sources.prepare(u"SELECT sources FROM "_s + kClean + u" WHERE id = ?"_s);
    sources.addBindValue(recordId);
    if (!sources.exec() || !sources.next())
        return sqlError(sources, readFailed());
    const QJsonArray list = parseArray(sources.value(0).toString());
    sources.finish();
    for (const QJsonValue& v : list) {
        const QJsonObject s = v.toObject();
        RecordSource src;
        src.rawId = str(s, "raw_id"_L1);
        src.resourceId = str(s, "resource_id"_L1);
        src.provider = str(s, "provider"_L1);
        src.endpointId = str(s, "endpoint"_L1);
        src.connectionId = str(s, "connection_id"_L1);
        if (Status st = bindAndRun(raw, {src.rawId, profileId}); !st)
            return st.error();
        if (raw.next()) {
            src.available = true;
            if (src.resourceId.isEmpty())
                src.resourceId = raw.value(0).toString();
            if (src.provider.isEmpty())
                src.provider = raw.value(1).toString();
            if (src.connectionId.isEmpty())
                src.connectionId = raw.value(2).toString();
            src.rawJson = raw.value(3).toString().toUtf8();
            src.fetchedAt = raw.value(4).toString();
            src.updatedAt = raw.value(5).toString();
            if (src.endpointId.isEmpty())
                src.endpointId = raw.value(6).toString();
            src.connectionLastSyncedAt = raw.value(7).toString();
        }
        raw.finish();
        src.endpointName = endpointName(src.endpointId);
        detail.sources.append(src);
    }
    return detail;
}

Result<RecordDetail> RecordsReader::recordByKey(const QString& profileId, const QString& resourceType,
                                                const QString& dedupKey)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM "_s + kClean + u" WHERE profile_id = ? AND resource_type = ? AND dedup_key = ?"_s);
    if (Status st = bindAndRun(q, {profileId, resourceType, dedupKey}); !st)
        return st.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, Tr::tr("This record is no longer in the vault."),
                     u"unknown record key"_s);
    const QString id = q.value(0).toString();
    q.finish();
    return record(profileId, id);
}

// ---------------------------------------------------------------------------------------------
// Search

Result<QList<SearchHit>> RecordsReader::search(const SearchQuery& query)
{
    const QString text = query.text.trimmed();
    if (text.isEmpty())
        return QList<SearchHit>();
    auto all = profiles();
    if (!all)
        return all.error();
    QStringList ids;
    if (!query.profileId.isEmpty()) {
        if (!m_profiles.contains(query.profileId))
            return Error(ErrorCode::NotFound, Tr::tr("This profile does not exist (any more)."),
                         u"unknown profile"_s);
        ids.append(query.profileId);
    } else {
        ids = m_profiles.keys();
    }
    if (ids.isEmpty())
        return QList<SearchHit>();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Results of one test are one hit; every other record is a hit of its own.
    q.prepare(u"SELECT profile_id, resource_type, canonical_system, canonical_code, display, max(effective_at), "
              u"count(*), id, status FROM profile_fhir_resources_clean "
              u"WHERE profile_id IN (%1) AND resource_type NOT IN ('Patient', 'Medication') "
              u"AND (display LIKE ? ESCAPE '\\' OR canonical_code LIKE ? ESCAPE '\\') "
              u"GROUP BY profile_id, resource_type, ifnull(canonical_system, ''), "
              u"ifnull(canonical_code, '~' || ifnull(display, '')), "
              u"CASE WHEN resource_type = 'Observation' THEN '' ELSE id END "
              u"ORDER BY max(effective_at) DESC LIMIT ?"_s.arg(placeholders(ids.size())));
    for (const QString& id : ids)
        q.addBindValue(id);
    if (Status st = bindAndRun(q, {u"%"_s + escapeLike(text) + u"%"_s, escapeLike(text) + u"%"_s,
                                   std::clamp(query.limit, 1, 2000)});
        !st)
        return st.error();
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit h;
        h.profileId = q.value(0).toString();
        h.profileName = m_profiles.value(h.profileId).displayName;
        h.resourceType = q.value(1).toString();
        h.kind = kindOfResourceType(h.resourceType);
        h.codeSystem = q.value(2).toString();
        h.code = q.value(3).toString();
        h.display = q.value(4).toString().isEmpty() ? h.code : q.value(4).toString();
        h.effectiveAt = q.value(5).toString();
        h.count = q.value(6).toInt();
        h.recordId = q.value(7).toString();
        h.status = q.value(8).toString();
        hits.append(h);
    }
    return hits;
}

// ---------------------------------------------------------------------------------------------
// Documents

Result<DocumentContent> RecordsReader::document(const QString& profileId, const QString& recordId, int index)
{
    auto detail = record(profileId, recordId);
    if (!detail)
        return detail.error();
    if (detail->row.resourceType != u"DocumentReference")
        return Error(ErrorCode::InvalidInput, Tr::tr("This record is not a document."),
                     u"not a DocumentReference"_s);
    const Error notDownloaded(ErrorCode::NotFound,
                              Tr::tr("The content of this document was not downloaded from the health system."),
                              u"no stored content"_s);
    // The first source that has the attachment's bytes.
    for (const RecordSource& src : std::as_const(detail->sources)) {
        if (!src.available)
            continue;
        const QJsonObject res = QJsonDocument::fromJson(src.rawJson).object();
        const QJsonArray content = arr(res, "content"_L1);
        if (index < 0 || index >= content.size())
            continue;
        const QJsonObject att = obj(content.at(index).toObject(), "attachment"_L1);
        DocumentContent doc;
        doc.recordId = recordId;
        doc.attachmentIndex = index;
        doc.attachmentCount = static_cast<int>(content.size());
        doc.title = str(att, "title"_L1).isEmpty() ? detail->row.display : str(att, "title"_L1);
        doc.contentType = str(att, "contentType"_L1);
        doc.language = str(att, "language"_L1);
        if (att.value("data"_L1).isString()) {
            const auto decoded = QByteArray::fromBase64Encoding(att.value("data"_L1).toString().toLatin1());
            if (!decoded)
                return Error(ErrorCode::InvalidInput, Tr::tr("The document's content is damaged."),
                             u"bad base64"_s);
            doc.data = *decoded;
        } else {
            QString type;
            QString id;
            const QString url = str(att, "url"_L1);
            const qsizetype at = url.lastIndexOf(u"Binary/"_s);
            if (at < 0)
                continue;
            id = url.mid(at + 7).section(u'/', 0, 0).section(u'?', 0, 0);
            QSqlQuery b(m_db);
            b.prepare(u"SELECT resource_json FROM profile_fhir_resources_raw WHERE profile_id = ? AND "
                      u"resource_type = 'Binary' AND connection_id = ? AND resource_id = ?"_s);
            if (Status st = bindAndRun(b, {profileId, src.connectionId, id}); !st)
                return st.error();
            if (!b.next())
                continue;
            const QJsonObject binary = parseObject(b.value(0).toString());
            const auto decoded = QByteArray::fromBase64Encoding(str(binary, "data"_L1).toLatin1());
            if (!decoded || str(binary, "data"_L1).isEmpty())
                continue;
            doc.data = *decoded;
            if (doc.contentType.isEmpty())
                doc.contentType = str(binary, "contentType"_L1);
        }
        if (doc.contentType.isEmpty()) {
            auto decoder = QStringDecoder(QStringDecoder::Utf8);
            const QString asText = decoder(doc.data);
            Q_UNUSED(asText);
            doc.contentType = decoder.hasError() ? u"application/octet-stream"_s : u"text/plain"_s;
        }
        return doc;
    }
    return notDownloaded;
}

// ---------------------------------------------------------------------------------------------
// Connections, sync jobs, summaries

Result<QList<SourceConnection>> RecordsReader::connections(const QString& profileId, bool withCounts)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT c.id, c.endpoint_id, e.name, c.provider, c.status, c.last_synced_at, c.last_error, "
              u"(SELECT j.status FROM profile_sync_jobs j WHERE j.connection_id = c.id "
              u"  ORDER BY j.created_at DESC LIMIT 1), "
              u"(SELECT j.finished_at FROM profile_sync_jobs j WHERE j.connection_id = c.id "
              u"  ORDER BY j.created_at DESC LIMIT 1), "
              u"(SELECT j.error_message FROM profile_sync_jobs j WHERE j.connection_id = c.id "
              u"  ORDER BY j.created_at DESC LIMIT 1) "
              u"FROM profile_emr_connections c LEFT JOIN emr_endpoints e ON e.id = c.endpoint_id "
              u"WHERE c.profile_id = ? ORDER BY e.name COLLATE NOCASE, c.id"_s);
    if (Status st = bindAndRun(q, {profileId}); !st)
        return st.error();
    QList<SourceConnection> list;
    while (q.next()) {
        SourceConnection c;
        c.connectionId = q.value(0).toString();
        c.profileId = profileId;
        c.endpointId = q.value(1).toString();
        c.endpointName = q.value(2).toString().isEmpty() ? c.endpointId : q.value(2).toString();
        c.provider = q.value(3).toString();
        c.status = q.value(4).toString();
        c.lastSyncedAt = q.value(5).toString();
        c.lastError = q.value(6).toString();
        c.lastJobStatus = q.value(7).toString();
        c.lastJobFinishedAt = q.value(8).toString();
        c.lastJobError = q.value(9).toString();
        list.append(c);
    }
    q.finish();
    if (withCounts) {
        QSqlQuery n(m_db);
        n.prepare(u"SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"_s);
        for (SourceConnection& c : list) {
            n.addBindValue(c.connectionId);
            if (!n.exec() || !n.next())
                return sqlError(n, readFailed());
            c.recordCount = n.value(0).toInt();
            n.finish();
        }
    }
    return list;
}

Result<QList<SyncJobInfo>> RecordsReader::syncJobs(const QString& profileId, int limit)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT j.id, j.connection_id, e.name, c.endpoint_id, j.status, j.started_at, j.finished_at, "
              u"j.resources_fetched, j.error_message FROM profile_sync_jobs j "
              u"LEFT JOIN profile_emr_connections c ON c.id = j.connection_id "
              u"LEFT JOIN emr_endpoints e ON e.id = c.endpoint_id "
              u"WHERE j.profile_id = ? ORDER BY j.created_at DESC, j.id LIMIT ?"_s);
    if (Status st = bindAndRun(q, {profileId, std::clamp(limit, 1, 1000)}); !st)
        return st.error();
    QList<SyncJobInfo> list;
    while (q.next()) {
        SyncJobInfo j;
        j.jobId = q.value(0).toString();
        j.connectionId = q.value(1).toString();
        j.endpointName = q.value(2).toString().isEmpty() ? q.value(3).toString() : q.value(2).toString();
        j.status = q.value(4).toString();
        j.startedAt = q.value(5).toString();
        j.finishedAt = q.value(6).toString();
        j.resourcesFetched = q.value(7).toLongLong();
        j.errorMessage = q.value(8).toString();
        list.append(j);
    }
    return list;
}

Result<ProfileSummary> RecordsReader::summary(const QString& profileId)
{
    if (Status st = checkProfile(profileId); !st)
        return st.error();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT status, summary_json, error_message, updated_at FROM profile_summary WHERE profile_id = ?"_s);
    if (Status st = bindAndRun(q, {profileId}); !st)
        return st.error();
    ProfileSummary s;
    s.profileId = profileId;
    if (q.next()) {
        s.status = summaryStatusFromKey(q.value(0).toString());
        s.summary = parseObject(q.value(1).toString());
        s.errorMessage = q.value(2).toString();
        s.updatedAt = q.value(3).toString();
    }
    return s;
}

Result<ProfileOverview> RecordsReader::overview(const QString& profileId)
{
    auto s = summary(profileId);
    if (!s)
        return s.error();
    auto conns = connections(profileId, false);
    if (!conns)
        return conns.error();
    ProfileOverview o;
    o.profileId = profileId;
    o.status = s->status;
    o.summaryUpdatedAt = s->updatedAt;
    o.summaryError = s->errorMessage;
    const QJsonObject& doc = s->summary;
    o.activeConditions = static_cast<int>(arr(doc, "conditions"_L1).size());
    o.activeMedications = static_cast<int>(arr(doc, "medications"_L1).size());
    o.allergies = static_cast<int>(arr(doc, "allergies"_L1).size());
    o.noKnownAllergies = doc.value("no_known_allergies"_L1).toBool();
    const QLocale locale;
    for (const QJsonValue& v : arr(doc, "alerts"_L1)) {
        const QJsonObject a = v.toObject();
        const QString kind = str(a, "kind"_L1);
        if (kind == u"needs_sign_in" || kind == u"connection_error")
            continue; // the live connection state below is newer than the summary
        ProfileAlert alert;
        alert.kind = kind;
        alert.severity = str(a, "severity"_L1);
        alert.display = str(a, "display"_L1);
        alert.resourceType = str(a, "resource_type"_L1);
        alert.dedupKey = str(a, "dedup_key"_L1);
        const QJsonObject value = obj(a, "value"_L1);
        if (const auto n = num(value, "value"_L1))
            alert.message = (locale.toString(*n, 'g', 6) + u' ' + str(value, "unit"_L1)).trimmed();
        else
            alert.message = str(value, "text"_L1);
        o.alerts.append(alert);
    }
    for (const SourceConnection& c : std::as_const(*conns)) {
        if (c.lastSyncedAt > o.lastSyncedAt)
            o.lastSyncedAt = c.lastSyncedAt;
        if (c.lastJobStatus == u"queued" || c.lastJobStatus == u"running")
            o.syncRunning = true;
        ProfileAlert alert;
        alert.display = c.endpointName;
        if (c.status == u"needs_reauth") {
            alert.kind = u"needs_sign_in"_s;
            alert.severity = u"medium"_s;
            alert.message = Tr::tr("Sign in again to keep syncing.");
        } else if (c.status == u"error") {
            alert.kind = u"connection_error"_s;
            alert.severity = u"low"_s;
            alert.message = c.lastError;
        } else if (c.lastJobStatus == u"failed") {
            alert.kind = u"sync_failed"_s;
            alert.severity = u"low"_s;
            alert.message = c.lastJobError;
        }
        if (c.lastJobStatus == u"failed")
            o.lastSyncFailed = true;
        if (!alert.kind.isEmpty())
            o.alerts.append(alert);
    }
    o.connections = *conns;
    return o;
}

Result<QList<ProfileOverview>> RecordsReader::overviews()
{
    auto all = profiles();
    if (!all)
        return all.error();
    QList<ProfileOverview> list;
    for (const Profile& p : std::as_const(*all)) {
        auto o = overview(p.id);
        if (!o)
            return o.error();
        list.append(*o);
    }
    return list;
}

Result<QHash<QString, QString>> RecordsReader::changeStamps()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT p.id, p.updated_at, s.status, s.updated_at, "
              u"(SELECT max(c.updated_at) || '/' || ifnull(max(c.last_synced_at), '') || '/' || count(*) "
              u"   FROM profile_emr_connections c WHERE c.profile_id = p.id), "
              u"(SELECT max(j.created_at) || '/' || ifnull(max(j.started_at), '') || '/' || "
              u"   ifnull(max(j.finished_at), '') || '/' || count(*) FROM profile_sync_jobs j WHERE j.profile_id = p.id) "
              u"FROM profiles p LEFT JOIN profile_summary s ON s.profile_id = p.id WHERE p.user_id = ?"_s);
    if (Status st = bindAndRun(q, {m_userId}); !st)
        return st.error();
    QHash<QString, QString> stamps;
    while (q.next()) {
        QStringList parts;
        for (int i = 1; i <= 5; ++i)
            parts.append(q.value(i).toString());
        stamps.insert(q.value(0).toString(), parts.join(u'|'));
    }
    return stamps;
}

// ---------------------------------------------------------------------------------------------
// Visit summary

Result<VisitSummaryData> RecordsReader::visitSummary(const QString& profileId)
{
    auto p = profile(profileId);
    if (!p)
        return p.error();
    auto s = summary(profileId);
    if (!s)
        return s.error();
    auto conns = connections(profileId, false);
    if (!conns)
        return conns.error();
    VisitSummaryData data;
    data.profile = *p;
    data.summary = *s;
    data.connections = *conns;
    for (const SourceConnection& c : std::as_const(*conns))
        if (c.lastSyncedAt > data.dataAsOf)
            data.dataAsOf = c.lastSyncedAt;
    if (data.dataAsOf.isEmpty())
        data.dataAsOf = s->updatedAt;
    // Small trend charts for the labs and vitals the PDF lists, those with at least two readings to draw. Labs and
    // vitals take the slots in turn (a kind with fewer charts leaves its turns to the other), each kind's tests
    // with the most readings first, then in the summary's order (the newest result first): eight vital signs taken
    // first left no slot to the labs. At most VisitSummaryData::kMaxTrends, so that the PDF stays short.
    constexpr int kPoints = 12;
    const auto readings = [](const TestHistory& h) {
        return h.series.isEmpty() ? qsizetype(0)
                                  : std::count_if(h.series.first().points.cbegin(), h.series.first().points.cend(),
                                                  [](const HistoryPoint& p) { return p.value.has_value(); });
    };
    const auto charts = [&](QLatin1StringView key, int listed) -> Result<QList<TestHistory>> {
        QList<TestHistory> found;
        const QJsonArray items = arr(s->summary, key);
        for (qsizetype i = 0; i < items.size() && i < listed; ++i) {
            const QJsonObject item = items.at(i).toObject();
            const QJsonObject code = obj(item, "code"_L1);
            auto h = testHistory(profileId, str(code, "system"_L1), str(code, "code"_L1), str(item, "display"_L1),
                                 kPoints);
            if (!h)
                return h.error();
            if (readings(*h) >= 2)
                found.append(std::move(*h));
        }
        std::stable_sort(found.begin(), found.end(),
                         [&](const TestHistory& a, const TestHistory& b) { return readings(a) > readings(b); });
        return found;
    };
    auto labs = charts("labs"_L1, VisitSummaryData::kMaxLabs);
    if (!labs)
        return labs.error();
    auto vitals = charts("vitals"_L1, VisitSummaryData::kMaxVitals);
    if (!vitals)
        return vitals.error();
    for (qsizetype i = 0;
         data.trends.size() < VisitSummaryData::kMaxTrends && (i < labs->size() || i < vitals->size()); ++i) {
        if (i < labs->size())
            data.trends.append(labs->at(i));
        if (i < vitals->size() && data.trends.size() < VisitSummaryData::kMaxTrends)
            data.trends.append(vitals->at(i));
    }
    return data;
}

// ---------------------------------------------------------------------------------------------
// FHIR export

namespace {

struct LoadedRecord {
    ExportRecord record;
    QList<std::pair<QString, QString>> identities; // (connection id, resource id) of every source
};

} // namespace

Result<ExportResult> RecordsReader::writeFhir(const QString& profileId, FhirExportKind kind, QIODevice* device)
{
    auto prof = profile(profileId);
    if (!prof)
        return prof.error();
    const QString failed = Tr::tr("The export could not be written.");

    QSqlQuery rawById(m_db);
    rawById.prepare(u"SELECT resource_json, connection_id FROM profile_fhir_resources_raw WHERE id = ? "
                    u"AND profile_id = ?"_s);
    auto loadRaw = [&](ExportRecord& rec) -> Status {
        const QString rawId = primaryRawId(rec.clean);
        if (rawId.isEmpty())
            return success();
        rawById.addBindValue(rawId);
        rawById.addBindValue(profileId);
        if (!rawById.exec())
            return sqlError(rawById, failed);
        if (rawById.next()) {
            rec.raw = parseObject(rawById.value(0).toString());
            rec.connectionId = rawById.value(1).toString();
        }
        rawById.finish();
        return success();
    };
    auto identitiesOf = [](const QString& sourcesJson, const QJsonObject& clean) {
        QList<std::pair<QString, QString>> out;
        const QJsonArray sources = sourcesJson.isEmpty() ? arr(clean, "sources"_L1) : parseArray(sourcesJson);
        for (const QJsonValue& v : sources) {
            const QJsonObject s = v.toObject();
            out.append({str(s, "connection_id"_L1), str(s, "resource_id"_L1)});
        }
        return out;
    };

    ReferenceIndex refs;
    refs.setPatient(FhirResourceExporter::exportId(profileId));
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // The stored Patient with the most sources (demographics from the health systems).
    std::optional<ExportRecord> patientRecord;
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT id, "_s + cleanDocumentColumns() + u" FROM "_s + kClean
                  + u" WHERE profile_id = ? AND resource_type = 'Patient'"_s);
        q.addBindValue(profileId);
        if (!q.exec())
            return sqlError(q, failed);
        qsizetype best = -1;
        while (q.next()) {
            QJsonObject clean = cleanDocument(q, 1);
            const qsizetype n = arr(clean, "sources"_L1).size();
            if (n > best) {
                best = n;
                ExportRecord r;
                r.id = q.value(0).toString();
                r.resourceType = u"Patient"_s;
                r.clean = std::move(clean);
                patientRecord = r;
            }
        }
        q.finish();
        if (patientRecord)
            if (Status st = loadRaw(*patientRecord); !st)
                return st.error();
    }

    ExportResult result;
    if (kind == FhirExportKind::Collection) {
        // Pass 1: who is in the bundle (for references). Only ids and sources are read.
        {
            QSqlQuery q(m_db);
            q.setForwardOnly(true);
            q.prepare(u"SELECT id, resource_type, sources FROM "_s + kClean
                      + u" WHERE profile_id = ? AND resource_type <> 'Patient'"_s);
            q.addBindValue(profileId);
            if (!q.exec())
                return sqlError(q, failed);
            while (q.next()) {
                const QString exportId = FhirResourceExporter::exportId(q.value(0).toString());
                const QString type = q.value(1).toString();
                for (const auto& [connection, resourceId] : identitiesOf(q.value(2).toString(), {}))
                    refs.add(connection, type, resourceId, exportId);
            }
        }
        FhirBundleWriter writer(device, FhirBundleWriter::Type::Collection,
                                QUuid::createUuid().toString(QUuid::WithoutBraces), now);
        if (Status st = writer.begin(); !st)
            return st.error();
        if (Status st = writer.add(FhirResourceExporter::patient(*prof, patientRecord ? &*patientRecord : nullptr, refs));
            !st)
            return st.error();
        // Pass 2: every record, one at a time.
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT id, "_s + cleanDocumentColumns() + u" FROM "_s + kClean
                  + u" WHERE profile_id = ? AND resource_type <> 'Patient' ORDER BY resource_type, effective_at, id"_s);
        q.addBindValue(profileId);
        if (!q.exec())
            return sqlError(q, failed);
        while (q.next()) {
            ExportRecord rec;
            rec.id = q.value(0).toString();
            rec.resourceType = q.value(1).toString();
            rec.clean = cleanDocument(q, 1);
            if (Status st = loadRaw(rec); !st)
                return st.error();
            const QJsonObject resource = FhirResourceExporter::resource(rec, refs);
            if (resource.isEmpty())
                continue;
            if (Status st = writer.add(resource); !st)
                return st.error();
        }
        if (Status st = writer.finish(); !st)
            return st.error();
        result.entryCount = writer.entryCount();
        result.bytes = writer.bytesWritten();
        return result;
    }

    // International Patient Summary: the facts a clinician needs, not every record.
    QList<std::pair<IpsSection, QList<ExportRecord>>> sections;
    auto select = [&](IpsSection section, const QString& whereSql, const QVariantList& binds, int limit) -> Status {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT id, "_s + cleanDocumentColumns() + u" FROM "_s + kClean + u" WHERE profile_id = ? AND "_s + whereSql
                  + u" ORDER BY effective_at DESC, id LIMIT ?"_s);
        q.addBindValue(profileId);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        q.addBindValue(limit);
        if (!q.exec())
            return sqlError(q, failed);
        QList<ExportRecord> list;
        while (q.next()) {
            ExportRecord rec;
            rec.id = q.value(0).toString();
            rec.resourceType = q.value(1).toString();
            rec.clean = cleanDocument(q, 1);
            const QString verification = str(rec.clean, "verification_status"_L1);
            if (verification == u"refuted" || verification == u"entered-in-error")
                continue;
            list.append(rec);
        }
        q.finish();
        sections.append({section, list});
        return success();
    };
    auto inList = [](const QStringList& values) {
        return kNullStatus + u" IN (%1)"_s.arg(placeholders(values.size()));
    };
    auto toBinds = [](const QStringList& values) {
        QVariantList b;
        for (const QString& v : values)
            b.append(v);
        return b;
    };
    const QStringList problemStatus = activeStatuses(RecordKind::Conditions);
    const QStringList allergyStatus = activeStatuses(RecordKind::Allergies);
    const QStringList medicationStatus = activeStatuses(RecordKind::Medications);
    Status st = select(IpsSection::Problems, u"resource_type = 'Condition' AND "_s + inList(problemStatus),
                       toBinds(problemStatus), 500);
    if (st)
        st = select(IpsSection::Allergies, u"resource_type = 'AllergyIntolerance' AND "_s + inList(allergyStatus),
                    toBinds(allergyStatus), 500);
    if (st)
        st = select(IpsSection::Medications,
                    u"resource_type IN ('MedicationRequest', 'MedicationStatement') AND "_s + inList(medicationStatus),
                    toBinds(medicationStatus), 500);
    if (st)
        st = select(IpsSection::Immunizations, u"resource_type = 'Immunization' AND "_s + kNullStatus + u" <> 'not-done'"_s,
                    {}, 200);
    if (st)
        st = select(IpsSection::Procedures, u"resource_type = 'Procedure'"_s, {}, 20);
    if (!st)
        return st.error();
    // Results and vital signs: the latest result of each test.
    {
        auto cat = catalog(profileId);
        if (!cat)
            return cat.error();
        QList<const TestRow*> labs;
        QList<const TestRow*> vitals;
        for (const TestRow& t : (*cat)->rows) {
            if (t.kind == TestKind::Lab)
                labs.append(&t);
            else if (t.kind == TestKind::Vital)
                vitals.append(&t);
        }
        auto newest = [](const TestRow* a, const TestRow* b) { return a->latestAt > b->latestAt; };
        std::sort(labs.begin(), labs.end(), newest);
        std::sort(vitals.begin(), vitals.end(), newest);
        for (auto [section, list, limit] : {std::tuple{IpsSection::Results, labs, 40},
                                            std::tuple{IpsSection::VitalSigns, vitals, 20}}) {
            QStringList ids;
            for (const TestRow* t : list)
                if (ids.size() < limit)
                    ids.append(t->latestRecordId);
            if (ids.isEmpty()) {
                sections.append({section, {}});
                continue;
            }
            if (Status s2 = select(section, u"id IN (%1)"_s.arg(placeholders(ids.size())), toBinds(ids), limit); !s2)
                return s2.error();
        }
    }
    // Every selected record, with its source, and the index of who is in the bundle.
    for (auto& [section, list] : sections) {
        for (ExportRecord& rec : list) {
            if (Status s2 = loadRaw(rec); !s2)
                return s2.error();
            const QString exportId = FhirResourceExporter::exportId(rec.id);
            for (const auto& [connection, resourceId] : identitiesOf({}, rec.clean))
                refs.add(connection, rec.resourceType, resourceId, exportId);
            refs.add(rec.connectionId, rec.resourceType, str(rec.raw, "id"_L1), exportId);
        }
    }
    IpsComposer::Input input;
    input.compositionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    input.patientId = refs.patient();
    input.authorId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    input.date = now;
    QList<QJsonObject> entries;
    QSet<QString> written;
    const QLocale c = QLocale::c();
    for (const auto& [section, list] : std::as_const(sections)) {
        QList<IpsEntry> items;
        for (const ExportRecord& rec : list) {
            const QJsonObject resource = FhirResourceExporter::resource(rec, refs);
            if (resource.isEmpty())
                continue;
            IpsEntry e;
            e.exportId = resource.value("id"_L1).toString();
            e.display = str(rec.clean, "display"_L1).isEmpty() ? str(rec.clean, "canonical_code"_L1)
                                                               : str(rec.clean, "display"_L1);
            e.date = str(rec.clean, "effective_at"_L1);
            const QJsonObject value = obj(rec.clean, "value"_L1);
            if (const auto n = num(value, "value"_L1))
                e.detail = (c.toString(*n, 'g', 6) + u' ' + str(value, "unit"_L1)).trimmed();
            else if (!str(value, "text"_L1).isEmpty())
                e.detail = str(value, "text"_L1);
            else if (!componentsText(rec.clean).isEmpty())
                e.detail = componentsText(rec.clean);
            else if (!str(obj(rec.clean, "medication"_L1), "strength"_L1).isEmpty())
                e.detail = str(obj(rec.clean, "medication"_L1), "strength"_L1);
            items.append(e);
            if (!written.contains(e.exportId)) {
                written.insert(e.exportId);
                entries.append(resource);
            }
        }
        input.sections.append({section, items});
    }
    FhirBundleWriter writer(device, FhirBundleWriter::Type::Document, QUuid::createUuid().toString(QUuid::WithoutBraces),
                            now);
    if (Status s2 = writer.begin(); !s2)
        return s2.error();
    if (Status s2 = writer.add(IpsComposer::composition(input)); !s2)
        return s2.error();
    if (Status s2 = writer.add(FhirResourceExporter::patient(*prof, patientRecord ? &*patientRecord : nullptr, refs)); !s2)
        return s2.error();
    if (Status s2 = writer.add(FhirResourceExporter::authorDevice(input.authorId)); !s2)
        return s2.error();
    for (const QJsonObject& e : std::as_const(entries))
        if (Status s2 = writer.add(e); !s2)
            return s2.error();
    if (Status s2 = writer.finish(); !s2)
        return s2.error();
    result.entryCount = writer.entryCount();
    result.bytes = writer.bytesWritten();
    return result;
}

} // namespace hh::db
