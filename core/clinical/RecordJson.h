#pragma once

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/JsonWriter.h"

#include <QJsonObject>
#include <QLatin1StringView>

// Internal: the members NormalizedRecord and CleanRecord share, written (in the same order) and read
// by one piece of code for both, so that their JSON cannot drift apart.
namespace hh::clinical::json {

// canonical_system ... local_date, each skipped when empty.
template <typename Record> void writeCodeAndTime(JsonWriter& w, const Record& r)
{
    using namespace Qt::StringLiterals;
    w.field("canonical_system"_L1, r.canonicalSystem);
    w.field("canonical_code"_L1, r.canonicalCode);
    w.field("display"_L1, r.display);
    w.items("codings"_L1, r.codings);
    w.field("categories"_L1, r.categories);
    w.field("effective_at"_L1, r.effectiveAt);
    w.field("effective_end"_L1, r.effectiveEnd);
    w.field("recorded_at"_L1, r.recordedAt);
    w.field("local_date"_L1, r.localDate);
}

// components, medication, details, each skipped when empty.
template <typename Record> void writeParts(JsonWriter& w, const Record& r)
{
    using namespace Qt::StringLiterals;
    w.items("components"_L1, r.components);
    if (!r.medication.isEmpty()) {
        w.key("medication"_L1);
        r.medication.write(w);
    }
    w.field("details"_L1, r.details);
}

// Each element of the array o[key] read by T::fromJson (non-objects read as empty objects).
template <typename T> QList<T> list(const QJsonObject& o, QLatin1StringView key)
{
    QList<T> out;
    for (const QJsonValue& v : arr(o, key))
        out.append(T::fromJson(v.toObject()));
    return out;
}

// Reads what both records share, and derives precision, effectiveMs and effectiveDay from
// effective_at (effectiveDay from local_date when that parses).
template <typename Record> void readShared(Record& r, const QJsonObject& o)
{
    using namespace Qt::StringLiterals;
    r.resourceType = str(o, "resource_type"_L1);
    r.status = str(o, "status"_L1);
    r.clinicalStatus = str(o, "clinical_status"_L1);
    r.verificationStatus = str(o, "verification_status"_L1);
    r.canonicalSystem = str(o, "canonical_system"_L1);
    r.canonicalCode = str(o, "canonical_code"_L1);
    r.display = str(o, "display"_L1);
    r.codings = list<Coding>(o, "codings"_L1);
    r.categories = strings(o, "categories"_L1);
    r.effectiveAt = str(o, "effective_at"_L1);
    r.effectiveEnd = str(o, "effective_end"_L1);
    r.recordedAt = str(o, "recorded_at"_L1);
    r.localDate = str(o, "local_date"_L1);
    if (!r.effectiveAt.isEmpty()) {
        const ClinicalTime t = ClinicalTimeParser::parse(r.effectiveAt);
        if (t.valid) {
            r.precision = t.precision;
            r.effectiveMs = t.utcMs;
            r.effectiveDay = t.localDay;
            const ClinicalTime d = ClinicalTimeParser::parse(r.localDate); // an empty date does not parse
            if (d.valid)
                r.effectiveDay = d.localDay;
        }
    }
    r.value = Measurement::fromJson(obj(o, "value"_L1));
    r.components = list<Component>(o, "components"_L1);
    r.medication = MedicationInfo::fromJson(obj(o, "medication"_L1));
    r.details = obj(o, "details"_L1);
}

} // namespace hh::clinical::json
