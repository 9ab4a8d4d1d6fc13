// The summary as SummaryBuilder::build() computed it before the streaming SummaryAccumulator
// (issue 8): every record in memory, full sorts, whole series. Kept only as the test oracle for
// TestSummaryAccumulator, with the three changes that made the document independent of input order:
// allergies newest first, the Patient with the most sources then the smallest dedup key, and tests
// with equally new results ordered by group key. Ties of (time, dedup key) are broken by the whole
// record's JSON here (the accumulator uses its trimmed copy), so feed it inputs without such ties.
#include "clinical/TestSummaryReference.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/SummaryItems.h"
#include "core/clinical/Units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace hh::clinical::test {

using namespace Qt::StringLiterals;
using namespace json;
using namespace hh::clinical::summary;

namespace {

constexpr qint64 kDayMs = 86'400'000;

QString tr(const char* text) { return QCoreApplication::translate("hh::clinical::SummaryBuilder", text); }

struct Series {
    QList<const CleanRecord*> points; // sorted by time ascending
    QString key;
};

QString trendOf(const Series& s, double tolerance)
{
    std::optional<double> last;
    std::optional<double> previous;
    QString unit;
    for (qsizetype i = s.points.size() - 1; i >= 0; --i) {
        const auto v = trendValue(*s.points[i]);
        if (!v)
            continue;
        if (!last) {
            last = v;
            unit = s.points[i]->value.unit;
        } else if (s.points[i]->value.unit == unit) {
            previous = v;
            break;
        }
    }
    if (!last || !previous)
        return {};
    const double scale = std::max(std::abs(*last), std::abs(*previous));
    if (std::abs(*last - *previous) <= tolerance * scale)
        return u"stable"_s;
    return *last > *previous ? u"up"_s : u"down"_s;
}

QJsonObject seriesItem(const Series& s, const SummaryOptions& options, qint64 nowMs)
{
    const CleanRecord& latest = *s.points.last();
    QJsonObject o = baseItem(latest);
    o.insert("value"_L1, valueJson(latest));
    put(o, "abnormal"_L1, latest.value.abnormal);
    o.insert("is_abnormal"_L1, latest.isAbnormal());
    const QString trend = trendOf(s, options.stableTolerance);
    put(o, "trend"_L1, trend);
    o.insert("recent"_L1, latest.hasConflict || (latest.effectiveMs > 0
                                                 && nowMs - latest.effectiveMs <= qint64(options.recentDays) * kDayMs));
    QJsonArray history;
    const qsizetype from = std::max<qsizetype>(0, s.points.size() - options.historyLength);
    for (qsizetype i = from; i < s.points.size(); ++i) {
        const CleanRecord& p = *s.points[i];
        QJsonObject h;
        put(h, "effective_at"_L1, p.effectiveAt);
        put(h, "value"_L1, trendValue(p));
        put(h, "unit"_L1, p.value.unit);
        put(h, "text"_L1, p.valueText());
        put(h, "abnormal"_L1, p.value.abnormal);
        history.append(h);
    }
    o.insert("history"_L1, history);
    o.insert("count"_L1, s.points.size());
    return o;
}

bool lessTime(const CleanRecord* a, const CleanRecord* b)
{
    if (a->effectiveMs != b->effectiveMs)
        return a->effectiveMs < b->effectiveMs;
    if (a->dedupKey != b->dedupKey)
        return a->dedupKey < b->dedupKey;
    return a->toJsonBytes() < b->toJsonBytes();
}

int monthsBetween(qint64 fromDay, qint64 toDay) { return static_cast<int>((toDay - fromDay) * 12 / 365.25); }

} // namespace

QJsonObject referenceSummary(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                             const SummaryOptions& options)
{
    const qint64 nowMs = options.nowMs > 0 ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 nowDay = nowMs / kDayMs;
    QJsonObject summary;
    summary.insert("version"_L1, SummaryBuilder::kVersion);
    summary.insert("generated_at"_L1, ClinicalTimeParser::msToIso(nowMs));

    QList<const CleanRecord*> patients, conditions, medications, allergies, immunizations, encounters;
    QHash<QString, Series> labSeries;
    QHash<QString, Series> vitalSeries;
    QHash<QString, int> counts;
    QHash<QString, int> perConnection;
    for (const CleanRecord& c : records) {
        ++counts[c.resourceType];
        QSet<QString> seen;
        for (const SourceRef& s : c.sources) {
            const QString key = s.connectionId.isEmpty() ? s.endpoint : s.connectionId;
            if (!seen.contains(key)) {
                seen.insert(key);
                ++perConnection[key];
            }
        }
        const QString& t = c.resourceType;
        if (t == u"Patient")
            patients.append(&c);
        else if (t == u"Condition")
            conditions.append(&c);
        else if (t == u"MedicationRequest" || t == u"MedicationStatement")
            medications.append(&c);
        else if (t == u"AllergyIntolerance")
            allergies.append(&c);
        else if (t == u"Immunization")
            immunizations.append(&c);
        else if (t == u"Encounter")
            encounters.append(&c);
        else if (t == u"Observation") {
            const ObsKind k = obsKind(c);
            if (k == ObsKind::Other || (!c.value.hasValue() && c.components.isEmpty()))
                continue;
            // Series per test: the group key is the code (with molar/mass LOINC twins joined).
            (k == ObsKind::Vital ? vitalSeries : labSeries)[c.groupKey].points.append(&c);
        }
    }

    // Demographics: the Patient record with the most sources.
    QJsonObject demographics;
    QJsonArray alerts;
    qint64 birthDay = 0;
    bool hasBirth = false;
    if (!patients.isEmpty()) {
        const CleanRecord* p = *std::max_element(patients.begin(), patients.end(),
                                                 [](const CleanRecord* a, const CleanRecord* b) {
                                                     if (a->sources.size() != b->sources.size())
                                                         return a->sources.size() < b->sources.size();
                                                     return a->dedupKey > b->dedupKey;
                                                 });
        demographics = p->details;
        demographics.remove("identifiers"_L1);
        demographics.insert("display"_L1, p->display);
        demographics.insert("sources"_L1, p->sourcesJson());
        if (p->hasConflict) { // health systems that disagree on who this is
            QJsonObject a = baseItem(*p);
            a.insert("kind"_L1, u"patient_mismatch"_s);
            a.insert("severity"_L1, u"high"_s);
            a.insert("display"_L1,
                     QCoreApplication::translate("hh::clinical::SummaryBuilder",
                                                 "The health systems give different dates of birth or "
                                                 "sexes for this person: check that each connection is "
                                                 "this family member's record (Sources & sync history)."));
            alerts.append(a);
        }
        const ClinicalTime birth = ClinicalTimeParser::parse(str(p->details, "birth_date"_L1));
        if (birth.valid) {
            hasBirth = true;
            birthDay = birth.localDay;
            qint64 until = nowDay;
            const ClinicalTime died = ClinicalTimeParser::parse(str(p->details, "deceased_at"_L1));
            if (died.valid)
                until = died.localDay;
            demographics.insert("age"_L1, monthsBetween(birthDay, until) / 12);
        }
    }
    summary.insert("demographics"_L1, demographics);

    // Conditions: active ones, newest onset first.
    std::sort(conditions.begin(), conditions.end(), [](const CleanRecord* a, const CleanRecord* b) {
        return lessTime(b, a);
    });
    QJsonArray conditionItems;
    for (const CleanRecord* c : conditions) {
        const bool active = c->status == u"active" || c->status == u"recurrence" || c->status == u"relapse"
                            || (c->status.isEmpty() && c->effectiveEnd.isEmpty());
        if (!active || c->verificationStatus == u"refuted")
            continue;
        QJsonObject o = baseItem(*c);
        put(o, "onset"_L1, c->effectiveAt);
        put(o, "categories"_L1, c->categories);
        put(o, "verification_status"_L1, c->verificationStatus);
        conditionItems.append(o);
    }
    summary.insert("conditions"_L1, conditionItems);

    // Medications: active orders/statements, most recent first.
    std::sort(medications.begin(), medications.end(), [](const CleanRecord* a, const CleanRecord* b) {
        return lessTime(b, a);
    });
    QJsonArray medicationItems;
    for (const CleanRecord* c : medications) {
        if (!(c->status == u"active" || c->status == u"on-hold" || c->status == u"intended"))
            continue;
        QJsonObject o = baseItem(*c);
        put(o, "strength"_L1, c->medication.strength);
        put(o, "ingredients"_L1, c->medication.ingredients);
        put(o, "dosage"_L1, str(c->details, "dosage"_L1));
        put(o, "authored_at"_L1, c->effectiveAt);
        medicationItems.append(o);
    }
    summary.insert("medications"_L1, medicationItems);

    // Allergies: active or unknown status; "no known allergy" statements become a flag.
    std::sort(allergies.begin(), allergies.end(), [](const CleanRecord* a, const CleanRecord* b) {
        return lessTime(b, a);
    });
    QJsonArray allergyItems;
    bool noKnownAllergies = false;
    for (const CleanRecord* c : allergies) {
        if (c->details.value("no_known_allergy"_L1).toBool()) {
            noKnownAllergies = noKnownAllergies || c->canonicalCode != u"1631000175102"; // "not asked" says nothing
            continue;
        }
        if (!(c->status.isEmpty() || c->status == u"active") || c->verificationStatus == u"refuted")
            continue;
        QJsonObject o = baseItem(*c);
        put(o, "criticality"_L1, str(c->details, "criticality"_L1));
        put(o, "categories"_L1, c->categories);
        put(o, "reactions"_L1, arr(c->details, "reactions"_L1));
        allergyItems.append(o);
    }
    summary.insert("allergies"_L1, allergyItems);
    summary.insert("no_known_allergies"_L1, noKnownAllergies && allergyItems.isEmpty());

    // Immunizations, newest first, and what is due.
    std::sort(immunizations.begin(), immunizations.end(), [](const CleanRecord* a, const CleanRecord* b) {
        return lessTime(b, a);
    });
    QJsonArray immunizationItems;
    QHash<QString, QList<qint64>> dosesByFamily; // days of completed doses
    for (const CleanRecord* c : immunizations) {
        if (c->status == u"not-done")
            continue;
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
            for (const summary::Schedule& s : summary::childSchedule()) {
                const QString family = QString::fromUtf16(s.family);
                const int given = dosesByFamily.value(family).size();
                int dose = 0;
                for (int m : s.dueMonths) {
                    ++dose;
                    if (dose <= given)
                        continue;
                    if (ageMonths >= m && ageMonths <= s.maxAgeMonths)
                        due.append(dueItem(family, dose,
                                           tr("Dose %1 of %2 is expected by %3 months of age.")
                                               .arg(dose)
                                               .arg(static_cast<int>(s.dueMonths.size()))
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
            for (qint64 d : dosesByFamily.value(u"influenza"_s))
                thisSeason = thisSeason || d >= seasonStart;
            if (!thisSeason)
                due.append(dueItem(u"influenza"_s, 0, tr("No flu vaccine recorded for this season.")));
        }
        // Td/Tdap every 10 years for adults.
        if (ageMonths >= 19 * 12) {
            qint64 last = -1;
            for (qint64 d : dosesByFamily.value(u"td"_s))
                last = std::max(last, d);
            if (last < 0)
                due.append(dueItem(u"td"_s, 0, tr("No tetanus booster (Td/Tdap) on record.")));
            else if (nowDay - last > 3652)
                due.append(dueItem(u"td"_s, 0, tr("Last tetanus booster (Td/Tdap) was more than 10 years ago.")));
        }
        if (ageMonths >= 50 * 12 && dosesByFamily.value(u"zoster"_s).size() < 2)
            due.append(dueItem(u"zoster"_s, dosesByFamily.value(u"zoster"_s).size() + 1,
                               tr("Two doses of shingles vaccine are recommended from age 50.")));
        if (ageMonths >= 65 * 12 && dosesByFamily.value(u"pcv"_s).isEmpty()
            && dosesByFamily.value(u"ppsv"_s).isEmpty())
            due.append(dueItem(u"pcv"_s, 0, tr("A pneumococcal vaccine is recommended from age 65.")));
    }
    summary.insert("immunizations_due"_L1, due);

    // Labs and vitals: latest per test with trend.
    auto buildSeries = [&](QHash<QString, Series>& all, int limit) {
        QList<Series*> list;
        for (auto it = all.begin(); it != all.end(); ++it) {
            std::sort(it->points.begin(), it->points.end(), lessTime);
            it->key = it.key();
            list.append(&it.value());
        }
        std::sort(list.begin(), list.end(), [](const Series* a, const Series* b) {
            if (lessTime(b->points.last(), a->points.last()))
                return true;
            if (lessTime(a->points.last(), b->points.last()))
                return false;
            return a->key < b->key;
        });
        QJsonArray items;
        for (const Series* s : list) {
            if (limit > 0 && items.size() >= limit)
                break;
            const QJsonObject item = seriesItem(*s, options, nowMs);
            items.append(item);
            const CleanRecord& latest = *s->points.last();
            const bool recent = latest.effectiveMs > 0 && nowMs - latest.effectiveMs <= qint64(options.recentDays) * kDayMs;
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
    summary.insert("labs"_L1, buildSeries(labSeries, options.maxLabs));
    summary.insert("vitals"_L1, buildSeries(vitalSeries, 0));

    // Encounters: most recent past ones and upcoming ones.
    std::sort(encounters.begin(), encounters.end(), lessTime);
    QJsonArray encounterItems;
    int upcoming = 0;
    for (const CleanRecord* c : encounters) {
        const bool future = c->effectiveMs > nowMs || c->status == u"planned";
        if (!future || upcoming >= options.maxEncounters)
            continue;
        QJsonObject o = baseItem(*c);
        o.insert("when"_L1, u"upcoming"_s);
        put(o, "class"_L1, str(obj(c->details, "class"_L1), "code"_L1));
        put(o, "location"_L1, str(c->details, "location"_L1));
        put(o, "service_provider"_L1, str(c->details, "service_provider"_L1));
        encounterItems.append(o);
        ++upcoming;
    }
    int past = 0;
    for (qsizetype i = encounters.size() - 1; i >= 0 && past < options.maxEncounters; --i) {
        const CleanRecord* c = encounters[i];
        if (c->effectiveMs > nowMs || c->status == u"planned" || c->effectiveMs == 0)
            continue;
        QJsonObject o = baseItem(*c);
        o.insert("when"_L1, u"past"_s);
        put(o, "class"_L1, str(obj(c->details, "class"_L1), "code"_L1));
        put(o, "location"_L1, str(c->details, "location"_L1));
        put(o, "service_provider"_L1, str(c->details, "service_provider"_L1));
        encounterItems.append(o);
        ++past;
    }
    summary.insert("encounters"_L1, encounterItems);

    // Connections and their alerts.
    QJsonArray sources;
    for (const ConnectionInfo& ci : connections) {
        QJsonObject s;
        s.insert("connection_id"_L1, ci.connectionId);
        s.insert("provider"_L1, ci.provider);
        s.insert("endpoint"_L1, ci.endpointId);
        put(s, "name"_L1, ci.endpointName);
        s.insert("status"_L1, ci.status);
        put(s, "last_synced_at"_L1, ci.lastSyncedAt);
        const int n = perConnection.value(ci.connectionId.isEmpty() ? ci.endpointId : ci.connectionId);
        s.insert("records"_L1, n);
        sources.append(s);
        if (ci.status == u"needs_reauth" || ci.status == u"error") {
            QJsonObject a;
            const bool reauth = ci.status == u"needs_reauth";
            a.insert("kind"_L1, reauth ? u"needs_sign_in"_s : u"connection_error"_s);
            a.insert("severity"_L1, reauth ? u"medium"_s : u"low"_s);
            a.insert("display"_L1, reauth ? tr("%1 needs you to sign in again.").arg(ci.endpointName)
                                          : tr("Syncing %1 failed.").arg(ci.endpointName));
            a.insert("code"_L1, codeJson(QString(), reauth ? u"needs-sign-in"_s : u"connection-error"_s));
            QJsonObject src;
            src.insert("provider"_L1, ci.provider);
            src.insert("endpoint"_L1, ci.endpointId);
            src.insert("connection_id"_L1, ci.connectionId);
            a.insert("sources"_L1, QJsonArray{src});
            put(a, "message"_L1, ci.lastError);
            alerts.append(a);
        }
    }
    summary.insert("sources"_L1, sources);
    summary.insert("alerts"_L1, alerts);

    QJsonObject countsJson;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        countsJson.insert(it.key(), it.value());
    summary.insert("counts"_L1, countsJson);
    return summary;
}

} // namespace hh::clinical::test
