#include "core/clinical/SummaryItems.h"

#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/JsonUtil.h"

#include <QJsonArray>
#include <QSet>

namespace hh::clinical::summary {

using namespace Qt::StringLiterals;
using namespace json;

namespace {
const Schedule kChildSchedule[] = {
    {u"hepb", {1, 2, 18}, 18 * 12},
    {u"rotavirus", {2, 4}, 8},
    {u"dtap", {2, 4, 6, 18, 72}, 7 * 12},
    {u"hib", {2, 4, 15}, 5 * 12},
    {u"pcv", {2, 4, 6, 15}, 5 * 12},
    {u"ipv", {2, 4, 18, 72}, 18 * 12},
    {u"mmr", {15, 72}, 18 * 12},
    {u"varicella", {15, 72}, 18 * 12},
    {u"hepa", {23, 29}, 18 * 12},
    // Adolescents (CDC routine schedule: at 11-12 years, HPV's second dose 6-12 months after the first,
    // MenACWY's booster at 16): each dose expected by the end of its window.
    {u"td", {144}, 18 * 12},            // Tdap at 11-12
    {u"hpv", {144, 156}, 18 * 12},      // 2 doses from 11-12
    {u"meningococcal", {144, 204}, 18 * 12},
};
} // namespace

std::span<const Schedule> childSchedule()
{
    return kChildSchedule;
}

QJsonObject codeJson(const QString& system, const QString& code)
{
    QJsonObject o;
    o.insert("system"_L1, system);
    o.insert("code"_L1, code);
    return o;
}

QJsonObject baseItem(const CleanRecord& c)
{
    QJsonObject o;
    o.insert("display"_L1, c.display.isEmpty() ? c.canonicalCode : c.display);
    o.insert("code"_L1, codeJson(c.canonicalSystem, c.canonicalCode));
    o.insert("sources"_L1, c.sourcesJson());
    o.insert("resource_type"_L1, c.resourceType);
    o.insert("dedup_key"_L1, c.dedupKey);
    put(o, "status"_L1, c.status);
    put(o, "effective_at"_L1, c.effectiveAt);
    put(o, "effective_end"_L1, c.effectiveEnd);
    if (c.hasConflict) {
        o.insert("has_conflict"_L1, true);
        o.insert("conflicts"_L1, c.conflicts);
    }
    return o;
}

bool isVitalSignLoinc(const QString& loinc)
{
    static const QSet<QString> vitals = {
        u"85354-9"_s, u"8480-6"_s, u"8462-4"_s,  u"8867-4"_s, u"9279-1"_s,  u"59408-5"_s, u"2708-6"_s,
        u"8310-5"_s,  u"8331-1"_s, u"8302-2"_s,  u"8306-3"_s, u"9843-4"_s,  u"29463-7"_s, u"3141-9"_s,
        u"39156-5"_s, u"8287-5"_s, u"59576-9"_s, u"8289-1"_s, u"77606-2"_s, u"72514-3"_s,
    };
    return vitals.contains(loinc);
}

ObsKind obsKind(const CleanRecord& c)
{
    if (c.categories.contains(u"vital-signs"_s))
        return ObsKind::Vital;
    if (c.categories.contains(u"laboratory"_s))
        return ObsKind::Lab;
    if (c.canonicalSystem == CodeSystems::loinc() && isVitalSignLoinc(c.canonicalCode))
        return ObsKind::Vital;
    if (c.categories.isEmpty() && c.value.value && c.canonicalSystem == CodeSystems::loinc())
        return ObsKind::Lab;
    return ObsKind::Other;
}

std::optional<double> trendValue(const CleanRecord& c)
{
    if (c.value.value)
        return c.value.value;
    for (const Component& comp : c.components)
        if (comp.code == ConceptMaps::systolicCode())
            return comp.value.value;
    return std::nullopt;
}

QJsonObject valueJson(const CleanRecord& c)
{
    QJsonObject o;
    put(o, "value"_L1, c.value.value);
    put(o, "unit"_L1, c.value.unit);
    put(o, "text"_L1, c.valueText());
    if (c.value.converted) {
        put(o, "original_value"_L1, c.value.originalValue);
        put(o, "original_unit"_L1, c.value.originalUnit);
    }
    put(o, "range_low"_L1, c.value.rangeLow);
    put(o, "range_high"_L1, c.value.rangeHigh);
    put(o, "range_text"_L1, c.value.rangeText);
    put(o, "abnormal"_L1, c.value.abnormal);
    if (!c.components.isEmpty()) {
        QJsonArray comps;
        for (const Component& comp : c.components) {
            QJsonObject co;
            co.insert("display"_L1, comp.display);
            co.insert("code"_L1, codeJson(comp.system, comp.code));
            put(co, "value"_L1, comp.value.value);
            put(co, "unit"_L1, comp.value.unit);
            put(co, "text"_L1, comp.value.text);
            put(co, "abnormal"_L1, comp.value.abnormal);
            comps.append(co);
        }
        o.insert("components"_L1, comps);
    }
    return o;
}

QJsonObject dueItem(const QString& family, int dose, const QString& reason)
{
    QJsonObject o;
    o.insert("display"_L1, ConceptMaps::vaccineFamilyLabel(family));
    o.insert("code"_L1, codeJson(CodeSystems::cvx(), QString()));
    o.insert("sources"_L1, QJsonArray());
    o.insert("family"_L1, family);
    if (dose > 0)
        o.insert("dose"_L1, dose);
    o.insert("reason"_L1, reason);
    return o;
}

} // namespace hh::clinical::summary
