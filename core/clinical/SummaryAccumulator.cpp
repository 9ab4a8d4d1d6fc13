#include "core/clinical/SummaryAccumulator.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/SummaryItems.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <optional>

namespace hh::clinical {

using namespace Qt::StringLiterals;
using namespace json;
using namespace summary;

namespace {

constexpr qint64 kDayMs = 86'400'000;
// The summary's sentences are translated in the context "hh::clinical::SummaryBuilder" (as in
// translations/*.ts), spelled out at each QCoreApplication::translate() call for lupdate.

// --- Order -------------------------------------------------------------------------------------
// Time, then dedup key (unique per type in the database, but not necessarily in a caller's list),
// then the JSON of the trimmed record: a total order over everything the summary shows, so which
// record comes first never depends on the order of add() calls. Records equal under it print the
// same. The JSON is only written on a full tie, which real data does not have.
bool earlier(const CleanRecord& a, const CleanRecord& b)
{
    if (a.effectiveMs != b.effectiveMs)
        return a.effectiveMs < b.effectiveMs;
    if (const int k = a.dedupKey.compare(b.dedupKey); k != 0)
        return k < 0;
    return a.toJsonBytes() < b.toJsonBytes();
}

bool later(const CleanRecord& a, const CleanRecord& b)
{
    return earlier(b, a);
}

// The Patient the demographics come from: the most sources, then the smallest dedup key, then JSON.
bool betterPatient(const CleanRecord& a, const CleanRecord& b)
{
    if (a.sources.size() != b.sources.size())
        return a.sources.size() > b.sources.size();
    if (const int k = a.dedupKey.compare(b.dedupKey); k != 0)
        return k < 0;
    return a.toJsonBytes() < b.toJsonBytes();
}

// Inserts `record` into `list`, kept sorted best first by `before`, and keeps the best `limit`.
template <typename Before>
void insertBounded(QList<CleanRecord>& list, CleanRecord record, qsizetype limit, Before before)
{
    if (limit <= 0)
        return;
    if (list.size() >= limit && !before(record, list.last()))
        return;
    const qsizetype at = std::upper_bound(list.cbegin(), list.cend(), record, before) - list.cbegin();
    list.insert(at, std::move(record));
    if (list.size() > limit)
        list.removeLast();
}

// --- Trimming ----------------------------------------------------------------------------------
enum class Part { Patient, Condition, Medication, Allergy, Immunization, Encounter, Observation };

QJsonObject pick(const QJsonObject& details, std::initializer_list<QLatin1StringView> keys)
{
    QJsonObject o;
    for (QLatin1StringView key : keys) {
        const auto it = details.constFind(key);
        if (it != details.constEnd())
            o.insert(key, it.value());
    }
    return o;
}

// A copy of `c` with only the fields the summary reads for this kind of item (strings are shared,
// not copied). Codings, provenance and the details the summary does not show are left behind.
CleanRecord trimmed(const CleanRecord& c, Part part)
{
    CleanRecord t;
    t.resourceType = c.resourceType;
    t.dedupKey = c.dedupKey;
    t.status = c.status;
    t.canonicalSystem = c.canonicalSystem;
    t.canonicalCode = c.canonicalCode;
    t.display = c.display;
    t.effectiveAt = c.effectiveAt;
    t.effectiveEnd = c.effectiveEnd;
    t.effectiveMs = c.effectiveMs;
    t.effectiveDay = c.effectiveDay;
    t.hasConflict = c.hasConflict;
    t.conflicts = c.conflicts;
    t.sources = c.sources;
    switch (part) {
    case Part::Patient:
        t.details = c.details;
        t.details.remove("identifiers"_L1);
        break;
    case Part::Condition:
        t.categories = c.categories;
        t.verificationStatus = c.verificationStatus;
        break;
    case Part::Medication:
        t.medication.strength = c.medication.strength;
        t.medication.ingredients = c.medication.ingredients;
        t.details = pick(c.details, {"dosage"_L1});
        break;
    case Part::Allergy:
        t.categories = c.categories;
        t.details = pick(c.details, {"criticality"_L1, "reactions"_L1});
        break;
    case Part::Immunization:
        t.localDate = c.localDate;
        t.details = pick(c.details, {"vaccine_families"_L1});
        break;
    case Part::Encounter:
        t.details = pick(c.details, {"class"_L1, "location"_L1, "service_provider"_L1});
        break;
    case Part::Observation:
        t.value = c.value;
        t.components = c.components;
        break;
    }
    return t;
}

// What a refused resource type means to people (the "not shared" notice).
QString sharedKindLabel(const QString& type)
{
    if (type == u"Condition")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "conditions");
    if (type == u"MedicationRequest" || type == u"MedicationStatement")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "medications");
    if (type == u"AllergyIntolerance")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "allergies");
    if (type == u"Immunization")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "immunizations");
    if (type == u"Observation")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "test results and vital signs");
    if (type == u"Encounter")
        return QCoreApplication::translate("hh::clinical::SummaryBuilder", "visits");
    return type;
}

bool isActiveCondition(const CleanRecord& c)
{
    const bool active = isCurrentStatus(c.status) || (c.status.isEmpty() && c.effectiveEnd.isEmpty());
    return active && c.verificationStatus != u"refuted";
}

bool isActiveMedication(const CleanRecord& c)
{
    return isCurrentStatus(c.status);
}

bool isActiveAllergy(const CleanRecord& c)
{
    return (c.status.isEmpty() || c.status == u"active") && c.verificationStatus != u"refuted";
}

// --- Series ------------------------------------------------------------------------------------
// One lab or vital test (records of one group key).
struct Series {
    qint64 count = 0;
    QList<CleanRecord> newest;        // the newest points, newest first, at most max(1, historyLength)
    QList<QList<CleanRecord>> byUnit; // per value.unit: its two newest points with a trend value, newest first
};

void addTrendPoint(Series& s, const CleanRecord& p)
{
    if (!trendValue(p))
        return;
    for (QList<CleanRecord>& l : s.byUnit) {
        if (l.first().value.unit == p.value.unit) {
            insertBounded(l, p, 2, later);
            return;
        }
    }
    s.byUnit.append(QList<CleanRecord>{p});
}

// The trend of the newest value against the newest older value in the same unit.
QString trendOf(const Series& s, double tolerance)
{
    const QList<CleanRecord>* unit = nullptr;
    for (const QList<CleanRecord>& l : s.byUnit)
        if (!unit || later(l.first(), unit->first()))
            unit = &l;
    if (!unit || unit->size() < 2)
        return {};
    const double last = *trendValue(unit->at(0));
    const double previous = *trendValue(unit->at(1));
    const double scale = std::max(std::abs(last), std::abs(previous));
    if (std::abs(last - previous) <= tolerance * scale)
        return u"stable"_s;
    return last > previous ? u"up"_s : u"down"_s;
}

QJsonObject seriesItem(const Series& s, const SummaryOptions& options)
{
    const CleanRecord& latest = s.newest.first();
    QJsonObject o = baseItem(latest);
    o.insert("value"_L1, valueJson(latest));
    put(o, "abnormal"_L1, latest.value.abnormal);
    o.insert("is_abnormal"_L1, latest.isAbnormal());
    put(o, "trend"_L1, trendOf(s, options.stableTolerance));
    o.insert("recent"_L1,
             latest.hasConflict || (latest.effectiveMs > 0 &&
                                    options.nowMs - latest.effectiveMs <= qint64(options.recentDays) * kDayMs));
    QJsonArray history;
    const qsizetype shown = std::clamp<qsizetype>(options.historyLength, 0, s.newest.size());
    for (qsizetype i = shown - 1; i >= 0; --i) {
        const CleanRecord& p = s.newest[i];
        QJsonObject h;
        put(h, "effective_at"_L1, p.effectiveAt);
        put(h, "value"_L1, trendValue(p));
        put(h, "unit"_L1, p.value.unit);
        put(h, "text"_L1, p.valueText());
        put(h, "abnormal"_L1, p.value.abnormal);
        history.append(h);
    }
    o.insert("history"_L1, history);
    o.insert("count"_L1, s.count);
    return o;
}

int monthsBetween(qint64 fromDay, qint64 toDay)
{
    return static_cast<int>((toDay - fromDay) * 12 / 365.25);
}

QList<const CleanRecord*> newestFirst(const QList<CleanRecord>& records)
{
    QList<const CleanRecord*> out;
    out.reserve(records.size());
    for (const CleanRecord& c : records)
        out.append(&c);
    std::sort(out.begin(), out.end(), [](const CleanRecord* a, const CleanRecord* b) { return later(*a, *b); });
    return out;
}

QJsonObject encounterItem(const CleanRecord& c, const QString& when)
{
    QJsonObject o = baseItem(c);
    o.insert("when"_L1, when);
    put(o, "class"_L1, str(obj(c.details, "class"_L1), "code"_L1));
    put(o, "location"_L1, str(c.details, "location"_L1));
    put(o, "service_provider"_L1, str(c.details, "service_provider"_L1));
    return o;
}

} // namespace

struct SummaryAccumulator::State {
    SummaryOptions options;
    qint64 records = 0;
    QHash<QString, int> counts;        // resource type -> records
    QHash<QString, int> perConnection; // connection id (endpoint when none) -> records
    std::optional<CleanRecord> patient;
    QList<CleanRecord> conditions; // active ones, in arrival order (sorted by finish())
    QList<CleanRecord> medications;
    QList<CleanRecord> allergies;
    QList<CleanRecord> immunizations;
    bool noKnownAllergies = false;
    QList<CleanRecord> upcoming; // the nearest upcoming encounters, earliest first
    QList<CleanRecord> past;     // the most recent past encounters, newest first
    QHash<QString, Series> labs;
    QHash<QString, Series> vitals;

    [[nodiscard]] qsizetype window() const { return std::max(1, options.historyLength); }

    void addPoint(Series& s, CleanRecord p)
    {
        addTrendPoint(s, p);
        insertBounded(s.newest, std::move(p), window(), later);
    }

    // Whether `c` may enter the kept points of `s`: most points of a long series are older than
    // everything kept and are skipped here without a copy.
    [[nodiscard]] bool mayKeep(const Series& s, const CleanRecord& c) const
    {
        if (s.newest.size() < window() || c.effectiveMs >= s.newest.last().effectiveMs)
            return true;
        if (!trendValue(c))
            return false;
        for (const QList<CleanRecord>& l : s.byUnit)
            if (l.first().value.unit == c.value.unit)
                return l.size() < 2 || c.effectiveMs >= l.last().effectiveMs;
        return true;
    }

    void mergeSeries(QHash<QString, Series>& into, const QHash<QString, Series>& from)
    {
        for (auto it = from.cbegin(); it != from.cend(); ++it) {
            Series& s = into[it.key()];
            s.count += it->count;
            for (const CleanRecord& p : it->newest)
                insertBounded(s.newest, p, window(), later);
            for (const QList<CleanRecord>& l : it->byUnit)
                for (const CleanRecord& p : l)
                    addTrendPoint(s, p);
        }
    }
};

SummaryAccumulator::SummaryAccumulator(SummaryOptions options) : d(std::make_unique<State>())
{
    if (options.nowMs <= 0)
        options.nowMs = QDateTime::currentMSecsSinceEpoch();
    d->options = options;
}

SummaryAccumulator::SummaryAccumulator(const SummaryAccumulator& other) : d(std::make_unique<State>(*other.d)) {}

SummaryAccumulator::SummaryAccumulator(SummaryAccumulator&& other) noexcept = default;

SummaryAccumulator& SummaryAccumulator::operator=(const SummaryAccumulator& other)
{
    if (this != &other)
        d = std::make_unique<State>(*other.d);
    return *this;
}

SummaryAccumulator& SummaryAccumulator::operator=(SummaryAccumulator&& other) noexcept = default;

SummaryAccumulator::~SummaryAccumulator() = default;

const SummaryOptions& SummaryAccumulator::options() const
{
    return d->options;
}

qint64 SummaryAccumulator::recordCount() const
{
    return d->records;
}

qsizetype SummaryAccumulator::retainedRecords() const
{
    qsizetype n = (d->patient ? 1 : 0) + d->conditions.size() + d->medications.size() + d->allergies.size() +
                  d->immunizations.size() + d->upcoming.size() + d->past.size();
    for (const QHash<QString, Series>* all : {&d->labs, &d->vitals}) {
        for (const Series& s : *all) {
            n += s.newest.size();
            for (const QList<CleanRecord>& l : s.byUnit)
                n += l.size();
        }
    }
    return n;
}

bool SummaryAccumulator::needsRecord(const QString& t)
{
    return t == u"Observation" || t == u"Patient" || t == u"Condition" || t == u"MedicationRequest" ||
           t == u"MedicationStatement" || t == u"AllergyIntolerance" || t == u"Immunization" || t == u"Encounter";
}

void SummaryAccumulator::addCounted(const QString& resourceType, const QList<SourceRef>& sources)
{
    State& s = *d;
    ++s.records;
    ++s.counts[resourceType];
    // Each record counts once per connection, however many of its sources came from it.
    QVarLengthArray<QString, 8> seen;
    for (const SourceRef& src : sources) {
        const QString& key = src.connectionId.isEmpty() ? src.endpoint : src.connectionId;
        if (std::find(seen.cbegin(), seen.cend(), key) == seen.cend()) {
            seen.append(key);
            ++s.perConnection[key];
        }
    }
}

void SummaryAccumulator::add(const CleanRecord& c)
{
    addCounted(c.resourceType, c.sources);
    State& s = *d;
    const QString& t = c.resourceType;
    if (t == u"Observation") {
        const ObsKind k = obsKind(c);
        if (k == ObsKind::Other || (!c.value.hasValue() && c.components.isEmpty()))
            return;
        // Series per test: the group key is the code (with molar/mass LOINC twins joined).
        Series& series = (k == ObsKind::Vital ? s.vitals : s.labs)[c.groupKey];
        ++series.count;
        if (s.mayKeep(series, c))
            s.addPoint(series, trimmed(c, Part::Observation));
    } else if (t == u"Patient") {
        CleanRecord p = trimmed(c, Part::Patient);
        if (!s.patient || betterPatient(p, *s.patient))
            s.patient = std::move(p);
    } else if (t == u"Condition") {
        if (isActiveCondition(c))
            s.conditions.append(trimmed(c, Part::Condition));
    } else if (t == u"MedicationRequest" || t == u"MedicationStatement") {
        if (isActiveMedication(c))
            s.medications.append(trimmed(c, Part::Medication));
    } else if (t == u"AllergyIntolerance") {
        if (c.details.value("no_known_allergy"_L1).toBool())
            s.noKnownAllergies =
                s.noKnownAllergies || c.canonicalCode != u"1631000175102"; // "not asked" says nothing
        else if (isActiveAllergy(c))
            s.allergies.append(trimmed(c, Part::Allergy));
    } else if (t == u"Immunization") {
        if (c.status != u"not-done")
            s.immunizations.append(trimmed(c, Part::Immunization));
    } else if (t == u"Encounter") {
        const bool future = c.effectiveMs > s.options.nowMs || c.status == u"planned";
        if (future)
            insertBounded(s.upcoming, trimmed(c, Part::Encounter), s.options.maxEncounters, earlier);
        else if (c.effectiveMs != 0)
            insertBounded(s.past, trimmed(c, Part::Encounter), s.options.maxEncounters, later);
    }
}

void SummaryAccumulator::merge(const SummaryAccumulator& other)
{
    if (&other == this) {
        const SummaryAccumulator copy(other);
        merge(copy);
        return;
    }
    State& s = *d;
    const State& o = *other.d;
    Q_ASSERT(s.options.nowMs == o.options.nowMs && s.options.historyLength == o.options.historyLength &&
             s.options.maxEncounters == o.options.maxEncounters);
    s.records += o.records;
    for (auto it = o.counts.cbegin(); it != o.counts.cend(); ++it)
        s.counts[it.key()] += it.value();
    for (auto it = o.perConnection.cbegin(); it != o.perConnection.cend(); ++it)
        s.perConnection[it.key()] += it.value();
    if (o.patient && (!s.patient || betterPatient(*o.patient, *s.patient)))
        s.patient = o.patient;
    s.conditions.append(o.conditions);
    s.medications.append(o.medications);
    s.allergies.append(o.allergies);
    s.immunizations.append(o.immunizations);
    s.noKnownAllergies = s.noKnownAllergies || o.noKnownAllergies;
    for (const CleanRecord& c : o.upcoming)
        insertBounded(s.upcoming, c, s.options.maxEncounters, earlier);
    for (const CleanRecord& c : o.past)
        insertBounded(s.past, c, s.options.maxEncounters, later);
    s.mergeSeries(s.labs, o.labs);
    s.mergeSeries(s.vitals, o.vitals);
}

QJsonObject SummaryAccumulator::finish(const QList<ConnectionInfo>& connections) const
{
    const State& s = *d;
    const SummaryOptions& options = s.options;
    const qint64 nowMs = options.nowMs;
    const qint64 nowDay = nowMs / kDayMs;
    QJsonObject summary;
    summary.insert("version"_L1, SummaryBuilder::kVersion);
    summary.insert("generated_at"_L1, ClinicalTimeParser::msToIso(nowMs));

    // Demographics: the Patient record with the most sources.
    QJsonObject demographics;
    qint64 birthDay = 0;
    bool hasBirth = false;
    if (s.patient) {
        const CleanRecord& p = *s.patient;
        demographics = p.details;
        demographics.remove("identifiers"_L1);
        demographics.insert("display"_L1, p.display);
        demographics.insert("sources"_L1, p.sourcesJson());
        const ClinicalTime birth = ClinicalTimeParser::parse(str(p.details, "birth_date"_L1));
        if (birth.valid) {
            hasBirth = true;
            birthDay = birth.localDay;
            qint64 until = nowDay;
            const ClinicalTime died = ClinicalTimeParser::parse(str(p.details, "deceased_at"_L1));
            if (died.valid)
                until = died.localDay;
            demographics.insert("age"_L1, monthsBetween(birthDay, until) / 12);
        }
    }
    summary.insert("demographics"_L1, demographics);
    QJsonArray alerts;
    // Health systems that disagree on who this is (Deduplicator: another date of birth or sex).
    if (s.patient && s.patient->hasConflict) {
        QJsonObject a = baseItem(*s.patient);
        a.insert("kind"_L1, u"patient_mismatch"_s);
        a.insert("severity"_L1, u"high"_s);
        a.insert("display"_L1,
                 QCoreApplication::translate(
                     "hh::clinical::SummaryBuilder",
                     "The health systems give different dates of birth or sexes for this person: check "
                     "that each connection is this family member's record (Sources & sync history)."));
        alerts.append(a);
    }

    // Conditions: active ones, newest onset first.
    QJsonArray conditionItems;
    for (const CleanRecord* c : newestFirst(s.conditions)) {
        QJsonObject o = baseItem(*c);
        put(o, "onset"_L1, c->effectiveAt);
        put(o, "categories"_L1, c->categories);
        put(o, "verification_status"_L1, c->verificationStatus);
        conditionItems.append(o);
    }
    summary.insert("conditions"_L1, conditionItems);

    // Medications: active orders/statements, most recent first.
    QJsonArray medicationItems;
    for (const CleanRecord* c : newestFirst(s.medications)) {
        QJsonObject o = baseItem(*c);
        put(o, "strength"_L1, c->medication.strength);
        put(o, "ingredients"_L1, c->medication.ingredients);
        put(o, "dosage"_L1, str(c->details, "dosage"_L1));
        put(o, "authored_at"_L1, c->effectiveAt);
        medicationItems.append(o);
    }
    summary.insert("medications"_L1, medicationItems);

    // Allergies: active or unknown status, newest first; "no known allergy" statements become a flag.
    QJsonArray allergyItems;
    for (const CleanRecord* c : newestFirst(s.allergies)) {
        QJsonObject o = baseItem(*c);
        put(o, "criticality"_L1, str(c->details, "criticality"_L1));
        put(o, "categories"_L1, c->categories);
        put(o, "reactions"_L1, arr(c->details, "reactions"_L1));
        allergyItems.append(o);
    }
    summary.insert("allergies"_L1, allergyItems);
    summary.insert("no_known_allergies"_L1, s.noKnownAllergies && allergyItems.isEmpty());

    // Immunizations, newest first, and what is due.
    QJsonArray immunizationItems;
    QHash<QString, QList<qint64>> dosesByFamily; // days of completed doses
    for (const CleanRecord* c : newestFirst(s.immunizations)) {
        QJsonObject o = baseItem(*c);
        const QStringList families = strings(c->details, "vaccine_families"_L1);
        put(o, "families"_L1, families);
        put(o, "date"_L1, c->localDate);
        immunizationItems.append(o);
        if (c->effectiveMs > 0)
            for (const QString& f : families)
                dosesByFamily[f].append(c->effectiveDay);
    }
    summary.insert("immunizations"_L1, immunizationItems);

    QJsonArray due;
    const bool deceased = demographics.value("deceased"_L1).toBool();
    if (hasBirth && !deceased) {
        const int ageMonths = monthsBetween(birthDay, nowDay);
        if (ageMonths < 19 * 12) {
            for (const summary::Schedule& sc : summary::childSchedule()) {
                const QString family = QString::fromUtf16(sc.family);
                const int given = dosesByFamily.value(family).size();
                int dose = 0;
                for (int m : sc.dueMonths) {
                    ++dose;
                    if (dose <= given)
                        continue;
                    if (ageMonths >= m && ageMonths <= sc.maxAgeMonths)
                        due.append(
                            dueItem(family, dose,
                                    QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                                "Dose %1 of %2 is expected by %3 months of age.")
                                        .arg(dose)
                                        .arg(static_cast<int>(sc.dueMonths.size()))
                                        .arg(m)));
                    break;
                }
            }
        }
        // Influenza every season from 6 months of age (season starts 1 August).
        if (ageMonths >= 6) {
            const QString nowIso = ClinicalTimeParser::dayToIso(nowDay);
            const int year = nowIso.left(4).toInt();
            const int month = nowIso.mid(5, 2).toInt();
            const qint64 seasonStart = ClinicalTimeParser::daysFromCivil(month >= 8 ? year : year - 1, 8, 1);
            bool thisSeason = false;
            for (qint64 day : dosesByFamily.value(u"influenza"_s))
                thisSeason = thisSeason || day >= seasonStart;
            if (!thisSeason)
                due.append(dueItem(u"influenza"_s, 0,
                                   QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                               "No flu vaccine recorded for this season.")));
        }
        // Td/Tdap every 10 years for adults.
        if (ageMonths >= 19 * 12) {
            qint64 last = -1;
            for (qint64 day : dosesByFamily.value(u"td"_s))
                last = std::max(last, day);
            if (last < 0)
                due.append(dueItem(u"td"_s, 0,
                                   QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                               "No tetanus booster (Td/Tdap) on record.")));
            else if (nowDay - last > 3652)
                due.append(dueItem(
                    u"td"_s, 0,
                    QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                "Last tetanus booster (Td/Tdap) was more than 10 years ago.")));
        }
        if (ageMonths >= 50 * 12 && dosesByFamily.value(u"zoster"_s).size() < 2)
            due.append(dueItem(
                u"zoster"_s, dosesByFamily.value(u"zoster"_s).size() + 1,
                QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                            "Two doses of shingles vaccine are recommended from age 50.")));
        if (ageMonths >= 65 * 12 && dosesByFamily.value(u"pcv"_s).isEmpty() &&
            dosesByFamily.value(u"ppsv"_s).isEmpty())
            due.append(dueItem(u"pcv"_s, 0,
                               QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                           "A pneumococcal vaccine is recommended from age 65.")));
    }
    summary.insert("immunizations_due"_L1, due);

    // Labs and vitals: latest per test with trend, tests with the newest result first.
    auto buildSeries = [&](const QHash<QString, Series>& all, int limit) {
        QList<std::pair<const QString*, const Series*>> list;
        list.reserve(all.size());
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            list.append({&it.key(), &it.value()});
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            const CleanRecord& la = a.second->newest.first();
            const CleanRecord& lb = b.second->newest.first();
            if (later(la, lb))
                return true;
            if (later(lb, la))
                return false;
            return *a.first < *b.first;
        });
        QJsonArray items;
        for (const auto& [key, series] : list) {
            if (limit > 0 && items.size() >= limit)
                break;
            items.append(seriesItem(*series, options));
            const CleanRecord& latest = series->newest.first();
            const bool recent =
                latest.effectiveMs > 0 && nowMs - latest.effectiveMs <= qint64(options.recentDays) * kDayMs;
            if (recent && latest.isAbnormal()) {
                QJsonObject a = baseItem(latest);
                a.insert("kind"_L1, u"abnormal_result"_s);
                const QString& f = latest.value.abnormal;
                a.insert("severity"_L1, (f == u"HH" || f == u"LL" || f == u"AA") ? u"high"_s : u"medium"_s);
                a.insert("abnormal"_L1, f);
                a.insert("value"_L1, valueJson(latest));
                alerts.append(a);
            }
            if (recent && latest.hasConflict) {
                QJsonObject a = baseItem(latest);
                a.insert("kind"_L1, u"conflicting_results"_s);
                a.insert("severity"_L1, u"low"_s);
                alerts.append(a);
            }
        }
        return items;
    };
    summary.insert("labs"_L1, buildSeries(s.labs, options.maxLabs));
    summary.insert("vitals"_L1, buildSeries(s.vitals, 0));

    // Encounters: the nearest upcoming ones (earliest first), then the most recent past ones.
    QJsonArray encounterItems;
    for (const CleanRecord& c : s.upcoming)
        encounterItems.append(encounterItem(c, u"upcoming"_s));
    for (const CleanRecord& c : s.past)
        encounterItems.append(encounterItem(c, u"past"_s));
    summary.insert("encounters"_L1, encounterItems);

    // Connections and their alerts.
    // An alert about a connection, its source being that connection.
    const auto connectionAlert = [](const ConnectionInfo& ci, const QString& kind, const QString& severity,
                                    const QString& display, const QString& code) {
        QJsonObject ref;
        ref.insert("provider"_L1, ci.provider);
        ref.insert("endpoint"_L1, ci.endpointId);
        ref.insert("connection_id"_L1, ci.connectionId);
        QJsonObject a;
        a.insert("kind"_L1, kind);
        a.insert("severity"_L1, severity);
        a.insert("display"_L1, display);
        a.insert("code"_L1, codeJson(QString(), code));
        a.insert("sources"_L1, QJsonArray{ref});
        return a;
    };
    QJsonArray sources;
    for (const ConnectionInfo& ci : connections) {
        QJsonObject src;
        src.insert("connection_id"_L1, ci.connectionId);
        src.insert("provider"_L1, ci.provider);
        src.insert("endpoint"_L1, ci.endpointId);
        put(src, "name"_L1, ci.endpointName);
        src.insert("status"_L1, ci.status);
        put(src, "last_synced_at"_L1, ci.lastSyncedAt);
        src.insert("records"_L1,
                   s.perConnection.value(ci.connectionId.isEmpty() ? ci.endpointId : ci.connectionId));
        if (!ci.notShared.isEmpty()) {
            src.insert("not_shared"_L1, QJsonArray::fromStringList(ci.notShared));
            QStringList what;
            for (const QString& type : ci.notShared)
                what.append(sharedKindLabel(type));
            alerts.append(connectionAlert(ci, u"not_shared"_s, u"low"_s,
                                          QCoreApplication::translate("hh::clinical::SummaryBuilder", "%1 did not share: %2 (the health system refused).")
                                              .arg(ci.endpointName, what.join(u", "_s)),
                                          u"not-shared"_s));
        }
        sources.append(src);
        if (ci.status == u"needs_reauth" || ci.status == u"error") {
            const bool reauth = ci.status == u"needs_reauth";
            QJsonObject a = connectionAlert(
                ci, reauth ? u"needs_sign_in"_s : u"connection_error"_s, reauth ? u"medium"_s : u"low"_s,
                reauth ? QCoreApplication::translate("hh::clinical::SummaryBuilder", "%1 needs you to sign in again.").arg(ci.endpointName)
                       : QCoreApplication::translate("hh::clinical::SummaryBuilder", "Syncing %1 failed.").arg(ci.endpointName),
                reauth ? u"needs-sign-in"_s : u"connection-error"_s);
            put(a, "message"_L1, ci.lastError);
            alerts.append(a);
        }
    }
    summary.insert("sources"_L1, sources);
    summary.insert("alerts"_L1, alerts);

    QJsonObject countsJson;
    for (auto it = s.counts.cbegin(); it != s.counts.cend(); ++it)
        countsJson.insert(it.key(), it.value());
    summary.insert("counts"_L1, countsJson);
    return summary;
}

} // namespace hh::clinical
