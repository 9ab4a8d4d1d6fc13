#include "core/clinical/Deduplicator.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/Units.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace hh::clinical {

using namespace Qt::StringLiterals;

namespace {

enum class Policy { Single, Episodes, TimePoint, TimePointDay };

Policy policyFor(const QString& type)
{
    if (type == u"Observation")
        return Policy::TimePoint;
    if (type == u"Immunization" || type == u"Procedure" || type == u"Encounter" || type == u"DiagnosticReport"
        || type == u"DocumentReference" || type == u"CarePlan" || type == u"CareTeam")
        return Policy::TimePointDay;
    if (type == u"Condition")
        return Policy::Episodes;
    return Policy::Single;
}

QString sysTag(const QString& system)
{
    if (system == CodeSystems::snomed()) return u"sct"_s;
    if (system == CodeSystems::loinc()) return u"loinc"_s;
    if (system == CodeSystems::rxnorm()) return u"rx"_s;
    if (system == CodeSystems::cvx()) return u"cvx"_s;
    if (system == CodeSystems::icd10cm()) return u"icd10cm"_s;
    if (system == CodeSystems::icd9cm()) return u"icd9cm"_s;
    if (system == CodeSystems::cpt()) return u"cpt"_s;
    if (system == CodeSystems::npi()) return u"npi"_s;
    return system;
}

// Key parts must not contain the '|' that separates group and anchor.
QString clean(QString s)
{
    s.replace(u'|', u'/');
    if (s.size() > 200)
        s.truncate(200);
    return s;
}

QString codeOrText(const NormalizedRecord& r)
{
    if (!r.canonicalCode.isEmpty())
        return sysTag(r.canonicalSystem) + u':' + r.canonicalCode;
    const QString t = ConceptMaps::normalizeText(r.display);
    if (!t.isEmpty())
        return u"text:"_s + t;
    return u"raw:"_s + r.provider + u'/' + r.endpointId + u'/' + r.rawId + u'/' + r.resourceId;
}

QString medicationKey(const NormalizedRecord& r)
{
    const MedicationInfo& m = r.medication;
    if (!m.ingredients.isEmpty() && !m.ingredients.contains(QString())) {
        const QStringList strengths = m.strength.split(u'+');
        QStringList parts;
        for (qsizetype i = 0; i < m.ingredients.size(); ++i) {
            const QString s = m.strength.isEmpty() ? QString() : strengths.value(i);
            parts.append(s.isEmpty() ? m.ingredients[i] : m.ingredients[i] + u' ' + s);
        }
        return u"drug:"_s + parts.join(u" + "_s);
    }
    if (!m.rxnorm.isEmpty())
        return u"rx:"_s + m.rxnorm;
    return codeOrText(r);
}

// ---- merge helpers -------------------------------------------------------------------------

bool lessBySource(const NormalizedRecord* a, const NormalizedRecord* b)
{
    if (a->provider != b->provider) return a->provider < b->provider;
    if (a->endpointId != b->endpointId) return a->endpointId < b->endpointId;
    if (a->connectionId != b->connectionId) return a->connectionId < b->connectionId;
    if (a->rawId != b->rawId) return a->rawId < b->rawId;
    return a->resourceId < b->resourceId;
}

bool sameSource(const NormalizedRecord* a, const NormalizedRecord* b)
{
    return a->provider == b->provider && a->endpointId == b->endpointId && a->connectionId == b->connectionId;
}

int precisionScore(TimePrecision p) { return static_cast<int>(p); }

int completeness(const NormalizedRecord& r)
{
    int s = 0;
    if (!r.canonicalCode.isEmpty())
        s += CodeSystems::isPreferred(r.resourceType, r.canonicalSystem) ? 4 : 1;
    if (!r.display.isEmpty())
        s += 2;
    s += precisionScore(r.precision);
    if (r.value.value)
        s += 3;
    else if (r.value.hasValue())
        s += 2;
    if (r.value.ucum)
        s += 1;
    if (r.value.rangeLow || r.value.rangeHigh)
        s += 1;
    if (!r.value.abnormal.isEmpty())
        s += 1;
    s += std::min<int>(3, r.codings.size());
    s += std::min<int>(2, r.components.size());
    if (!r.medication.strength.isEmpty())
        s += 2;
    if (!r.medication.rxnorm.isEmpty())
        s += 1;
    s += std::min<int>(3, r.details.size());
    if (!r.status.isEmpty())
        s += 1;
    // A problem-list entry that states its clinical status is the record of the condition; encounter diagnoses
    // (often a less specific code, no clinical status) only support it.
    if (!r.clinicalStatus.isEmpty())
        s += 2;
    if (r.categories.contains(u"problem-list-item"_s))
        s += 2;
    return s;
}

bool numbersEqual(double a, double b)
{
    const double scale = std::max(std::abs(a), std::abs(b));
    return std::abs(a - b) <= std::max(1e-9, Deduplicator::kValueTolerance * scale);
}

bool measurementsEqual(const Measurement& a, const Measurement& b)
{
    if (a.value && b.value) {
        if (!a.unit.isEmpty() && !b.unit.isEmpty() && a.unit != b.unit)
            return false;
        return numbersEqual(*a.value, *b.value);
    }
    if (!a.coded.isEmpty() && !b.coded.isEmpty() && a.coded.system == b.coded.system)
        return a.coded.code == b.coded.code;
    if (!a.text.isEmpty() && !b.text.isEmpty())
        return a.text.compare(b.text, Qt::CaseInsensitive) == 0
               || ConceptMaps::normalizeText(a.text) == ConceptMaps::normalizeText(b.text);
    return true; // one side has no value: nothing disagrees
}

// Same result? Components compared by code; a side without a value never disagrees.
bool sameResult(const NormalizedRecord& a, const NormalizedRecord& b)
{
    if (!a.components.isEmpty() && !b.components.isEmpty()) {
        for (const Component& ca : a.components)
            for (const Component& cb : b.components)
                if (ca.code == cb.code && ca.system == cb.system && !measurementsEqual(ca.value, cb.value))
                    return false;
        return true;
    }
    return measurementsEqual(a.value, b.value);
}

bool timesMatch(const NormalizedRecord& a, const NormalizedRecord& b, Policy policy)
{
    const bool at = a.hasEffective();
    const bool bt = b.hasEffective();
    if (!at || !bt)
        return !at && !bt;
    if (a.precision == TimePrecision::Time && b.precision == TimePrecision::Time) {
        const qint64 d = std::abs(a.effectiveMs - b.effectiveMs);
        if (policy == Policy::TimePoint)
            return d <= Deduplicator::kObservationToleranceMs;
        return a.effectiveDay == b.effectiveDay || d <= Deduplicator::kSameDayToleranceMs;
    }
    if (a.precision < TimePrecision::Day || b.precision < TimePrecision::Day) // year/month only
        return a.localDate.left(7) == b.localDate.left(7) && a.precision == b.precision;
    return a.effectiveDay == b.effectiveDay;
}

struct Cluster {
    QList<const NormalizedRecord*> members;
};

QJsonObject conflictValue(const NormalizedRecord& r, const Measurement& m)
{
    QJsonObject v;
    json::put(v, "value"_L1, m.value);
    json::put(v, "unit"_L1, m.unit);
    json::put(v, "text"_L1, m.text.isEmpty() ? m.coded.display : m.text);
    json::put(v, "abnormal"_L1, m.abnormal);
    v.insert("raw_id"_L1, r.rawId);
    v.insert("provider"_L1, r.provider);
    v.insert("endpoint"_L1, r.endpointId);
    return v;
}

// One source: the clean record is that record (the common case; no merging work).
CleanRecord fromSingle(const NormalizedRecord& r, const QString& groupKey)
{
    CleanRecord c;
    c.resourceType = r.resourceType;
    c.groupKey = groupKey;
    c.status = r.status;
    c.clinicalStatus = r.clinicalStatus;
    c.verificationStatus = r.verificationStatus;
    c.canonicalSystem = r.canonicalSystem;
    c.canonicalCode = r.canonicalCode;
    c.display = r.display;
    c.codings = r.codings;
    c.categories = r.categories;
    c.effectiveAt = r.effectiveAt;
    c.effectiveEnd = r.effectiveEnd;
    c.recordedAt = r.recordedAt;
    c.localDate = r.localDate;
    c.precision = r.precision;
    c.effectiveMs = r.effectiveMs;
    c.effectiveDay = r.effectiveDay;
    c.value = r.value;
    c.components = r.components;
    c.medication = r.medication;
    c.details = r.details;
    c.sources.append(r.source());
    c.provenance.insert("primary"_L1, r.rawId);
    return c;
}

CleanRecord mergeCluster(QList<const NormalizedRecord*> members, const QString& groupKey, Policy policy)
{
    if (members.size() == 1)
        return fromSingle(*members.first(), groupKey);
    std::sort(members.begin(), members.end(), lessBySource);
    const NormalizedRecord* primary = members.first();
    int best = completeness(*primary);
    for (const NormalizedRecord* m : members) {
        const int s = completeness(*m);
        if (s > best) {
            best = s;
            primary = m;
        }
    }
    const NormalizedRecord& p = *primary;
    CleanRecord c;
    c.resourceType = p.resourceType;
    c.groupKey = groupKey;

    auto pick = [&](QLatin1StringView field, auto getter, auto& target) {
        if (!getter(p).isEmpty()) {
            target = getter(p);
            c.provenance.insert(field, p.rawId);
            return;
        }
        for (const NormalizedRecord* m : members) {
            if (!getter(*m).isEmpty()) {
                target = getter(*m);
                c.provenance.insert(field, m->rawId);
                return;
            }
        }
    };

    // Code: the best-ranked canonical system over all sources.
    const NormalizedRecord* codeFrom = nullptr;
    int bestRank = CodeSystems::kNotPreferred + 1;
    if (!primary->canonicalCode.isEmpty()) {
        codeFrom = primary;
        bestRank = CodeSystems::rank(primary->resourceType, primary->canonicalSystem);
    }
    for (const NormalizedRecord* m : members) {
        if (m->canonicalCode.isEmpty())
            continue;
        const int r = CodeSystems::rank(m->resourceType, m->canonicalSystem);
        if (!codeFrom || r < bestRank) {
            codeFrom = m;
            bestRank = r;
        }
    }
    if (codeFrom) {
        c.canonicalSystem = codeFrom->canonicalSystem;
        c.canonicalCode = codeFrom->canonicalCode;
        c.provenance.insert("canonical_code"_L1, codeFrom->rawId);
    }
    // Display: the code's own source when it has one (its text goes with its code), else primary.
    if (codeFrom && !codeFrom->display.isEmpty()) {
        c.display = codeFrom->display;
        c.provenance.insert("display"_L1, codeFrom->rawId);
    } else {
        pick("display"_L1, [](const NormalizedRecord& r) -> const QString& { return r.display; }, c.display);
    }

    // Time.
    const NormalizedRecord* timeFrom = nullptr;
    for (const NormalizedRecord* m : members) {
        if (!m->hasEffective())
            continue;
        if (!timeFrom) {
            timeFrom = m;
            continue;
        }
        if (policy == Policy::Episodes) {
            if (m->effectiveMs < timeFrom->effectiveMs)
                timeFrom = m; // earliest onset
        } else if (policy == Policy::Single) {
            if (m->effectiveMs > timeFrom->effectiveMs)
                timeFrom = m; // latest order / statement
        } else if (precisionScore(m->precision) > precisionScore(timeFrom->precision)
                   || (m->precision == timeFrom->precision && m == primary)) {
            timeFrom = m; // the most precise time
        }
    }
    if (timeFrom) {
        c.effectiveAt = timeFrom->effectiveAt;
        c.localDate = timeFrom->localDate;
        c.precision = timeFrom->precision;
        c.effectiveMs = timeFrom->effectiveMs;
        c.effectiveDay = timeFrom->effectiveDay;
        c.provenance.insert("effective_at"_L1, timeFrom->rawId);
    }
    if (policy == Policy::Episodes) {
        // Ended only if every source says it ended; then the latest end.
        QString end;
        bool allEnded = true;
        for (const NormalizedRecord* m : members) {
            if (m->effectiveEnd.isEmpty()) {
                allEnded = false;
                break;
            }
            if (m->effectiveEnd > end)
                end = m->effectiveEnd;
        }
        if (allEnded)
            c.effectiveEnd = end;
    } else if (timeFrom && !timeFrom->effectiveEnd.isEmpty()) {
        c.effectiveEnd = timeFrom->effectiveEnd;
        c.provenance.insert("effective_end"_L1, timeFrom->rawId);
    } else {
        pick("effective_end"_L1, [](const NormalizedRecord& r) -> const QString& { return r.effectiveEnd; },
             c.effectiveEnd);
    }
    pick("recorded_at"_L1, [](const NormalizedRecord& r) -> const QString& { return r.recordedAt; }, c.recordedAt);

    // Status: the most recent source speaks for conditions, medications and allergies - among the sources
    // that state a clinical status: a record with only a verification status (an encounter diagnosis has no
    // clinicalStatus; its status column then holds "confirmed") says nothing about whether it is still active.
    const auto statusRank = [](const NormalizedRecord& r) {
        if (r.status.isEmpty())
            return 0;
        return r.clinicalStatus.isEmpty() && r.status == r.verificationStatus ? 1 : 2;
    };
    // m states its status later than `than`; at the same time (an order stopped and renewed the same day) the
    // current one counts as later, whatever the order the records came in.
    const auto statedLater = [](const NormalizedRecord& m, const NormalizedRecord& than) {
        const QString& mt = m.recordedAt.isEmpty() ? m.effectiveAt : m.recordedAt;
        const QString& tt = than.recordedAt.isEmpty() ? than.effectiveAt : than.recordedAt;
        return mt > tt || (mt == tt && isCurrentStatus(m.status) && !isCurrentStatus(than.status));
    };
    const NormalizedRecord* statusFrom = primary;
    if (policy == Policy::Episodes || policy == Policy::Single) {
        for (const NormalizedRecord* m : members) {
            const int rank = statusRank(*m);
            const int current = statusRank(*statusFrom);
            if (rank > 0 && (rank > current || (rank == current && statedLater(*m, *statusFrom))))
                statusFrom = m;
        }
    }
    c.status = statusFrom->status;
    c.clinicalStatus = statusFrom->clinicalStatus;
    c.verificationStatus = statusFrom->verificationStatus;
    if (!c.status.isEmpty())
        c.provenance.insert("status"_L1, statusFrom->rawId);
    // Health systems that disagree on whether it is current (one lists warfarin as active, another as stopped):
    // the newest status stays, and the disagreement is kept as a conflict for people to see. Compared per
    // connection (its newest stated status), so a connection's own stopped and renewed orders do not count.
    if (policy == Policy::Episodes || policy == Policy::Single) {
        QHash<QString, const NormalizedRecord*> newestPerConnection;
        for (const NormalizedRecord* m : members) {
            if (statusRank(*m) != 2)
                continue;
            const QString key = m->connectionId.isEmpty() ? m->provider + u'|' + m->endpointId : m->connectionId;
            const NormalizedRecord*& slot = newestPerConnection[key];
            if (!slot || statedLater(*m, *slot))
                slot = m;
        }
        bool anyCurrent = false;
        bool anyEnded = false;
        for (const NormalizedRecord* m : std::as_const(newestPerConnection))
            (isCurrentStatus(m->status) ? anyCurrent : anyEnded) = true;
        if (anyCurrent && anyEnded) {
            QJsonArray values;
            for (const NormalizedRecord* m : std::as_const(newestPerConnection)) {
                QJsonObject v;
                v.insert("text"_L1, m->status);
                v.insert("raw_id"_L1, m->rawId);
                v.insert("provider"_L1, m->provider);
                v.insert("endpoint"_L1, m->endpointId);
                values.append(v);
            }
            QJsonObject conflict;
            conflict.insert("field"_L1, u"status"_s);
            conflict.insert("values"_L1, values);
            c.conflicts.append(conflict);
            c.hasConflict = true;
        }
    }

    // Value: the most complete source with a value; others that disagree become a conflict.
    const NormalizedRecord* valueFrom = nullptr;
    for (const NormalizedRecord* m : members) {
        if (!m->value.hasValue() && m->components.isEmpty())
            continue;
        if (!valueFrom || (m == primary) || completeness(*m) > completeness(*valueFrom))
            valueFrom = m;
        if (m == primary)
            break;
    }
    if (valueFrom) {
        c.value = valueFrom->value;
        c.components = valueFrom->components;
        c.provenance.insert("value"_L1, valueFrom->rawId);
        if (policy == Policy::TimePoint) {
            QJsonArray values;
            for (const NormalizedRecord* m : members)
                if (m != valueFrom && (m->value.hasValue() || !m->components.isEmpty()) && !sameResult(*m, *valueFrom))
                    values.append(conflictValue(*m, m->value));
            if (!values.isEmpty()) {
                values.prepend(conflictValue(*valueFrom, valueFrom->value));
                QJsonObject conflict;
                conflict.insert("field"_L1, u"value"_s);
                conflict.insert("values"_L1, values);
                c.conflicts.append(conflict);
                c.hasConflict = true;
            }
        }
        // Fill a missing range / flag from another source that agrees on the value.
        if (!c.value.rangeLow && !c.value.rangeHigh) {
            for (const NormalizedRecord* m : members) {
                if ((m->value.rangeLow || m->value.rangeHigh) && m->value.unit == c.value.unit) {
                    c.value.rangeLow = m->value.rangeLow;
                    c.value.rangeHigh = m->value.rangeHigh;
                    c.value.rangeText = m->value.rangeText;
                    c.provenance.insert("reference_range"_L1, m->rawId);
                    break;
                }
            }
        }
        if (c.value.abnormal.isEmpty() && !c.hasConflict) {
            for (const NormalizedRecord* m : members) {
                if (!m->value.abnormal.isEmpty()) {
                    c.value.abnormal = m->value.abnormal;
                    c.value.abnormalSource = m->value.abnormalSource;
                    c.provenance.insert("abnormal"_L1, m->rawId);
                    break;
                }
            }
        }
    }

    // Medication detail: the source that knows the strength.
    const NormalizedRecord* medFrom = nullptr;
    for (const NormalizedRecord* m : members) {
        if (m->medication.isEmpty())
            continue;
        if (!medFrom || (medFrom->medication.strength.isEmpty() && !m->medication.strength.isEmpty())
            || (medFrom->medication.rxnorm.isEmpty() && !m->medication.rxnorm.isEmpty()
                && medFrom->medication.strength.isEmpty() == m->medication.strength.isEmpty()))
            medFrom = m;
    }
    if (medFrom) {
        c.medication = medFrom->medication;
        c.provenance.insert("medication"_L1, medFrom->rawId);
    }

    // The same person: Patients are one group per profile, so two health systems that give another date of birth
    // or sex are most likely records of different people (a connection signed in to another family member's
    // portal account). Kept as a conflict per field, with every value and where it came from.
    if (c.resourceType == u"Patient") {
        for (const QLatin1StringView field : {"birth_date"_L1, "gender"_L1}) {
            QJsonArray values;
            QStringList seen;
            for (const NormalizedRecord* m : members) {
                const QString v = m->details.value(field).toString();
                if (v.isEmpty())
                    continue;
                if (!seen.contains(v))
                    seen.append(v);
                QJsonObject value;
                value.insert("text"_L1, v);
                value.insert("raw_id"_L1, m->rawId);
                value.insert("provider"_L1, m->provider);
                value.insert("endpoint"_L1, m->endpointId);
                values.append(value);
            }
            if (seen.size() > 1) {
                QJsonObject conflict;
                conflict.insert("field"_L1, QString(field));
                conflict.insert("values"_L1, values);
                c.conflicts.append(conflict);
                c.hasConflict = true;
            }
        }
    }

    // Unions, primary first.
    QList<const NormalizedRecord*> ordered = members;
    ordered.removeOne(primary);
    ordered.prepend(primary);
    for (const NormalizedRecord* m : ordered) {
        for (const Coding& k : m->codings)
            if (!c.codings.contains(k))
                c.codings.append(k);
        for (const QString& cat : m->categories)
            if (!c.categories.contains(cat))
                c.categories.append(cat);
        for (auto it = m->details.constBegin(); it != m->details.constEnd(); ++it)
            if (!c.details.contains(it.key()))
                c.details.insert(it.key(), it.value());
        c.sources.append(m->source());
    }
    std::sort(c.sources.begin(), c.sources.end(), [](const SourceRef& a, const SourceRef& b) {
        if (a.provider != b.provider) return a.provider < b.provider;
        if (a.endpoint != b.endpoint) return a.endpoint < b.endpoint;
        if (a.connectionId != b.connectionId) return a.connectionId < b.connectionId;
        return a.rawId < b.rawId;
    });
    // Provenance lists only what did not come from the primary source.
    for (auto it = c.provenance.begin(); it != c.provenance.end();) {
        if (it.value().toString() == p.rawId)
            it = c.provenance.erase(it);
        else
            ++it;
    }
    c.provenance.insert("primary"_L1, p.rawId);
    return c;
}

bool lessByTime(const NormalizedRecord* a, const NormalizedRecord* b)
{
    if (a->hasEffective() != b->hasEffective())
        return !a->hasEffective();
    if (a->effectiveDay != b->effectiveDay)
        return a->effectiveDay < b->effectiveDay;
    if (a->effectiveMs != b->effectiveMs)
        return a->effectiveMs < b->effectiveMs;
    return lessBySource(a, b);
}

QList<Cluster> clusterTimePoints(QList<const NormalizedRecord*> rs, Policy policy)
{
    std::sort(rs.begin(), rs.end(), lessByTime);
    QList<Cluster> clusters;
    QList<qsizetype> open; // clusters whose anchor can still match
    for (const NormalizedRecord* r : rs) {
        // Drop clusters that are too far behind (sorted by day; two days covers zone slack).
        open.erase(std::remove_if(open.begin(), open.end(),
                                  [&](qsizetype i) {
                                      const NormalizedRecord* a = clusters[i].members.first();
                                      return a->hasEffective() && r->effectiveDay - a->effectiveDay > 2;
                                  }),
                   open.end());
        qsizetype sameValue = -1;
        qsizetype anyMatch = -1;
        for (qsizetype i : open) {
            const Cluster& cl = clusters[i];
            const NormalizedRecord* anchor = cl.members.first();
            if (!timesMatch(*anchor, *r, policy))
                continue;
            bool sourceTaken = false;
            for (const NormalizedRecord* m : cl.members)
                sourceTaken = sourceTaken || sameSource(m, r);
            if (sourceTaken)
                continue;
            if (anyMatch < 0)
                anyMatch = i;
            if (policy != Policy::TimePoint || sameResult(*anchor, *r)) {
                sameValue = i;
                break;
            }
        }
        // No-time records only merge when they agree (nothing else ties them together).
        const qsizetype target = sameValue >= 0 ? sameValue : (r->hasEffective() ? anyMatch : -1);
        if (target >= 0) {
            clusters[target].members.append(r);
        } else {
            clusters.append(Cluster{{r}});
            open.append(clusters.size() - 1);
        }
    }
    return clusters;
}

QList<Cluster> clusterEpisodes(QList<const NormalizedRecord*> rs)
{
    std::sort(rs.begin(), rs.end(), lessByTime);
    QList<Cluster> clusters;
    bool openEnded = false; // the current episode has a source that says it is ongoing
    qint64 endMs = 0;       // else: the latest end among its sources
    for (const NormalizedRecord* r : rs) {
        bool join = !clusters.isEmpty();
        if (join && r->hasEffective() && !openEnded)
            join = r->effectiveMs <= endMs + 24LL * 3600 * 1000; // one day of slack
        if (!join) {
            clusters.append(Cluster{});
            openEnded = false;
            endMs = 0;
        }
        clusters.last().members.append(r);
        const ClinicalTime end = ClinicalTimeParser::parse(r->effectiveEnd);
        if (!end.valid || !r->hasEffective())
            openEnded = true;
        else
            endMs = std::max(endMs, end.utcMs);
    }
    return clusters;
}

} // namespace

QString Deduplicator::groupKey(const NormalizedRecord& r)
{
    if (!r.ok() || r.hidden || r.resourceType.isEmpty() || r.details.contains("no_information"_L1))
        return {};
    const QString& t = r.resourceType;
    QString key;
    if (t == u"Patient") {
        key = u"patient"_s;
    } else if (t == u"Condition") {
        const Coding canonical{r.canonicalSystem, r.canonicalCode, {}, false, false};
        const QString cluster = ConceptMaps::conditionCluster(r.codings, r.display, &canonical);
        key = cluster.isEmpty() ? codeOrText(r) : u"cond:"_s + cluster;
    } else if (t == u"MedicationRequest" || t == u"MedicationStatement" || t == u"MedicationAdministration"
               || t == u"MedicationDispense" || t == u"Medication") {
        key = medicationKey(r);
    } else if (t == u"Immunization") {
        QStringList families;
        for (const Coding& k : r.codings)
            if (k.system == CodeSystems::cvx()) {
                families = ConceptMaps::vaccineFamilies(k.code);
                break;
            }
        key = families.size() == 1 ? u"vaccine:"_s + families.first() : codeOrText(r);
    } else if (t == u"Observation") {
        if (r.canonicalSystem == CodeSystems::loinc() && !r.canonicalCode.isEmpty())
            key = u"loinc:"_s + Units::massEquivalentLoinc(r.canonicalCode);
        else
            key = codeOrText(r);
    } else if (t == u"Encounter") {
        const QString cls = json::str(json::obj(r.details, "class"_L1), "code"_L1);
        key = u"class:"_s + cls + u'/' + (r.canonicalCode.isEmpty() ? QString() : codeOrText(r));
    } else if (t == u"Practitioner" || t == u"Organization" || t == u"Location") {
        key = r.canonicalSystem == CodeSystems::npi() ? u"npi:"_s + r.canonicalCode
                                                       : u"name:"_s + ConceptMaps::normalizeText(r.display);
        if (key == u"name:")
            key = codeOrText(r);
    } else {
        key = codeOrText(r);
    }
    return t + u':' + clean(key);
}

QList<CleanRecord> Deduplicator::mergeGroup(const QList<NormalizedRecord>& records)
{
    QList<CleanRecord> out;
    QHash<QString, QList<const NormalizedRecord*>> byKey;
    for (const NormalizedRecord& r : records) {
        const QString k = groupKey(r);
        if (!k.isEmpty())
            byKey[k].append(&r);
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const QList<const NormalizedRecord*>& rs = it.value();
        const Policy policy = policyFor(rs.first()->resourceType);
        QList<Cluster> clusters;
        switch (policy) {
        case Policy::Single:
            clusters.append(Cluster{rs});
            break;
        case Policy::Episodes:
            clusters = clusterEpisodes(rs);
            break;
        case Policy::TimePoint:
        case Policy::TimePointDay:
            clusters = clusterTimePoints(rs, policy);
            break;
        }
        QHash<QString, int> used;
        QList<CleanRecord> group;
        group.reserve(clusters.size());
        for (const Cluster& cl : clusters) {
            CleanRecord c = mergeCluster(cl.members, it.key(), policy);
            QString anchor;
            if (policy != Policy::Single) {
                const NormalizedRecord* first = *std::min_element(cl.members.begin(), cl.members.end(), lessByTime);
                anchor = first->effectiveAt;
            }
            QString dk = dedupKeyPrefix(it.key()) + anchor;
            const int n = ++used[dk];
            if (n > 1)
                dk += u'#' + QString::number(n);
            c.dedupKey = dk;
            group.append(std::move(c));
        }
        for (CleanRecord& c : group)
            out.append(std::move(c));
    }
    // Stable output order (resource type, dedup key) without moving the big records around.
    QList<qsizetype> order(out.size());
    for (qsizetype i = 0; i < out.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&out](qsizetype x, qsizetype y) {
        const CleanRecord& a = out[x];
        const CleanRecord& b = out[y];
        if (a.resourceType != b.resourceType)
            return a.resourceType < b.resourceType;
        return a.dedupKey < b.dedupKey;
    });
    QList<CleanRecord> sorted;
    sorted.reserve(out.size());
    for (qsizetype i : order)
        sorted.append(std::move(out[i]));
    return sorted;
}

QList<CleanRecord> Deduplicator::deduplicate(const QList<NormalizedRecord>& records)
{
    return mergeGroup(records);
}

QSet<QString> Deduplicator::affectedGroups(const QList<NormalizedRecord>& before, const QList<NormalizedRecord>& after)
{
    QSet<QString> keys;
    for (const NormalizedRecord& r : before) {
        const QString k = groupKey(r);
        if (!k.isEmpty())
            keys.insert(k);
    }
    for (const NormalizedRecord& r : after) {
        const QString k = groupKey(r);
        if (!k.isEmpty())
            keys.insert(k);
    }
    return keys;
}

} // namespace hh::clinical
