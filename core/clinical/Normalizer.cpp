#include "core/clinical/Normalizer.h"

#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/JsonUtil.h"
#include "core/clinical/Units.h"

#include <QSet>

#include <algorithm>
#include <exception>

namespace hh::clinical {

using namespace Qt::StringLiterals;
using namespace json;

namespace {

struct Concept {
    QList<Coding> codings;
    QString text;
};

Concept readConcept(const QJsonValue& v)
{
    Concept c;
    if (!v.isObject())
        return c;
    const QJsonObject o = v.toObject();
    c.text = str(o, "text"_L1).trimmed();
    const QJsonArray codings = arr(o, "coding"_L1);
    c.codings.reserve(codings.size());
    for (const QJsonValue& cv : codings) {
        if (!cv.isObject())
            continue;
        const QJsonObject co = cv.toObject();
        Coding k;
        k.system = CodeSystems::canonicalUri(str(co, "system"_L1), &k.aliased);
        k.code = str(co, "code"_L1).trimmed();
        k.display = str(co, "display"_L1).trimmed();
        k.userSelected = boolean(co, "userSelected"_L1);
        if (k.code.isEmpty() && k.display.isEmpty())
            continue;
        c.codings.append(std::move(k));
    }
    return c;
}

QString conceptText(const Concept& c)
{
    if (!c.text.isEmpty())
        return c.text;
    for (const Coding& k : c.codings)
        if (!k.display.isEmpty())
            return k.display;
    return {};
}

QString conceptText(const QJsonValue& v) { return conceptText(readConcept(v)); }

// The code of the first coding of a CodeableConcept (status concepts: clinicalStatus ...).
QString conceptCode(const QJsonValue& v)
{
    const Concept c = readConcept(v);
    for (const Coding& k : c.codings)
        if (!k.code.isEmpty())
            return k.code;
    return c.text.toLower();
}

void applyConcept(NormalizedRecord& r, Concept c)
{
    r.codings = std::move(c.codings);
    const qsizetype idx = CodeSystems::chooseCanonical(r.codings, r.resourceType);
    if (idx >= 0) {
        r.canonicalSystem = r.codings[idx].system;
        r.canonicalCode = r.codings[idx].code;
    }
    if (!c.text.isEmpty())
        r.display = c.text;
    else if (idx >= 0 && !r.codings[idx].display.isEmpty())
        r.display = r.codings[idx].display;
    else
        r.display = conceptText(Concept{r.codings, {}});
}

void readCategories(NormalizedRecord& r, const QJsonObject& o)
{
    const QJsonValue v = o.value("category"_L1);
    auto addConcept = [&r](const QJsonValue& cv) {
        if (cv.isString()) { // AllergyIntolerance.category is code[]
            r.categories.append(cv.toString());
            return;
        }
        const Concept c = readConcept(cv);
        for (const Coding& k : c.codings)
            if (!k.code.isEmpty() && !r.categories.contains(k.code))
                r.categories.append(k.code);
        if (c.codings.isEmpty() && !c.text.isEmpty())
            r.categories.append(c.text.toLower());
    };
    if (v.isArray()) {
        for (const QJsonValue& cv : v.toArray())
            addConcept(cv);
    } else if (!v.isUndefined() && !v.isNull()) {
        addConcept(v);
    }
}

bool setStart(NormalizedRecord& r, const QJsonValue& v)
{
    if (!v.isString())
        return false;
    const ClinicalTime t = ClinicalTimeParser::parse(v.toString());
    if (!t.valid) {
        if (!r.warnings.contains(u"unparsable date"_s))
            r.warnings.append(u"unparsable date"_s);
        return false;
    }
    r.effectiveAt = t.iso;
    r.localDate = t.localDate;
    r.precision = t.precision;
    r.effectiveMs = t.utcMs;
    r.effectiveDay = t.localDay;
    return true;
}

bool setEnd(NormalizedRecord& r, const QJsonValue& v)
{
    if (!v.isString())
        return false;
    const ClinicalTime t = ClinicalTimeParser::parse(v.toString());
    if (!t.valid)
        return false;
    r.effectiveEnd = t.iso;
    return true;
}

QString timeIso(const QJsonValue& v)
{
    if (!v.isString())
        return {};
    const ClinicalTime t = ClinicalTimeParser::parse(v.toString());
    return t.valid ? t.iso : QString();
}

void setPeriod(NormalizedRecord& r, const QJsonValue& v, bool startIfMissing = true)
{
    if (!v.isObject())
        return;
    const QJsonObject p = v.toObject();
    bool hasStart = setStart(r, p.value("start"_L1));
    setEnd(r, p.value("end"_L1));
    if (!hasStart && startIfMissing && !r.effectiveEnd.isEmpty())
        setStart(r, p.value("end"_L1)); // a period with only an end still dates the fact
}

// <prefix>DateTime / <prefix>Instant / <prefix>Period / <prefix>String / <prefix>Date
void readTimeChoice(NormalizedRecord& r, const QJsonObject& o, QLatin1StringView dateTime, QLatin1StringView period,
                    QLatin1StringView instant = {}, QLatin1StringView string = {})
{
    if (setStart(r, o.value(dateTime)))
        return;
    if (!instant.isEmpty() && setStart(r, o.value(instant)))
        return;
    if (!period.isEmpty() && o.value(period).isObject()) {
        setPeriod(r, o.value(period));
        if (r.hasEffective())
            return;
    }
    if (!string.isEmpty()) {
        const QString s = str(o, string);
        if (!s.isEmpty())
            r.details.insert(string, s);
    }
}

QString setStatus(NormalizedRecord& r, const QJsonObject& o)
{
    r.status = str(o, "status"_L1);
    if (r.status == u"entered-in-error")
        r.hidden = true;
    return r.status;
}

// ---- values --------------------------------------------------------------------------------

struct RawQuantity {
    std::optional<double> value;
    QString unit;
    QString system;
    QString code;
};

RawQuantity rawQuantity(const QJsonValue& v)
{
    RawQuantity q;
    if (!v.isObject())
        return q;
    const QJsonObject o = v.toObject();
    q.value = num(o, "value"_L1);
    q.unit = str(o, "unit"_L1);
    q.system = str(o, "system"_L1);
    q.code = str(o, "code"_L1);
    return q;
}

void setQuantity(Measurement& m, const RawQuantity& q, const QString& comparator, QStringView loinc)
{
    if (!q.value)
        return;
    const UnitResult u = Units::convert(*q.value, q.unit, q.system, q.code, loinc);
    m.value = u.value;
    m.unit = u.unit;
    m.ucum = u.ucum;
    m.converted = u.converted;
    m.originalValue = q.value;
    m.originalUnit = q.unit.isEmpty() ? q.code : q.unit;
    m.originalUnitCode = q.code;
    m.comparator = comparator;
}

// A range bound in the value's canonical unit: the bound's own unit when it has one, else the value's.
std::optional<double> rangeBound(const QJsonValue& v, const RawQuantity& valueQ, QStringView loinc)
{
    RawQuantity b = rawQuantity(v);
    if (!b.value)
        return std::nullopt;
    if (b.unit.isEmpty() && b.code.isEmpty()) {
        b.unit = valueQ.unit;
        b.code = valueQ.code;
        b.system = valueQ.system;
    }
    return Units::convert(*b.value, b.unit, b.system, b.code, loinc).value;
}

// "1.1-2.5", "< 200", ">=40", "3.5 - 5.0 mmol/L" -> bounds in the value's original unit.
void parseRangeText(QStringView text, std::optional<double>& low, std::optional<double>& high)
{
    const QString t = text.trimmed().toString();
    if (t.isEmpty() || t.size() > 64)
        return;
    auto leadingNumber = [](QStringView s, qsizetype& used) -> std::optional<double> {
        qsizetype i = 0;
        while (i < s.size() && s[i].isSpace())
            ++i;
        const qsizetype start = i;
        if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
            ++i;
        while (i < s.size() && (s[i].isDigit() || s[i] == u'.'))
            ++i;
        used = i;
        if (i == start)
            return std::nullopt;
        bool ok = false;
        const double d = s.mid(start, i - start).toDouble(&ok);
        return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    };
    QStringView s(t);
    if (s.startsWith(u'<') || s.startsWith(u'>')) {
        const bool less = s.startsWith(u'<');
        s = s.mid(1);
        if (s.startsWith(u'='))
            s = s.mid(1);
        qsizetype used = 0;
        const auto v = leadingNumber(s, used);
        if (v)
            (less ? high : low) = v;
        return;
    }
    qsizetype used = 0;
    const auto a = leadingNumber(s, used);
    if (!a)
        return;
    s = s.mid(used).trimmed();
    if (!(s.startsWith(u'-') || s.startsWith(u'\u2013')))
        return;
    s = s.mid(1);
    const auto b = leadingNumber(s, used);
    if (b && *b >= *a) {
        low = a;
        high = b;
    }
}

QString flagFromText(QString t)
{
    t = t.trimmed().toLower();
    if (t.isEmpty())
        return {};
    if (t == u"h" || t == u"high" || t == u"above high normal" || t == u"above normal")
        return u"H"_s;
    if (t == u"l" || t == u"low" || t == u"below low normal" || t == u"below normal")
        return u"L"_s;
    if (t.contains(u"critical") && t.contains(u"high"))
        return u"HH"_s;
    if (t.contains(u"critical") && t.contains(u"low"))
        return u"LL"_s;
    if (t == u"n" || t == u"normal" || t == u"within normal limits")
        return u"N"_s;
    if (t.contains(u"abnormal"))
        return u"A"_s;
    if (t == u"positive" || t == u"detected")
        return u"POS"_s;
    if (t == u"negative" || t == u"not detected")
        return u"NEG"_s;
    return {};
}

QString flagFromCode(const QString& code)
{
    const QString c = code.trimmed().toUpper();
    if (c == u"HU" || c == u"H>")
        return u"HH"_s;
    if (c == u"LU" || c == u"L<")
        return u"LL"_s;
    static const QSet<QString> known = {u"H"_s, u"HH"_s, u"L"_s, u"LL"_s, u"A"_s, u"AA"_s, u"N"_s, u"POS"_s,
                                        u"NEG"_s, u"DET"_s, u"ND"_s, u"IND"_s, u"E"_s, u"W"_s, u"R"_s, u"S"_s,
                                        u"I"_s, u"<"_s, u">"_s};
    return known.contains(c) ? c : QString();
}

void applyInterpretation(Measurement& m, const QJsonObject& holder)
{
    const QJsonValue iv = holder.value("interpretation"_L1);
    QJsonArray list;
    if (iv.isArray())
        list = iv.toArray();
    else if (iv.isObject())
        list.append(iv);
    for (const QJsonValue& v : list) {
        const Concept c = readConcept(v);
        QString flag;
        for (const Coding& k : c.codings) {
            flag = flagFromCode(k.code);
            if (flag.isEmpty())
                flag = flagFromText(k.display);
            if (!flag.isEmpty())
                break;
        }
        if (flag.isEmpty())
            flag = flagFromText(c.text);
        if (!flag.isEmpty()) {
            m.abnormal = flag;
            m.abnormalSource = u"interpretation"_s;
            return;
        }
    }
}

void applyRange(Measurement& m, const QJsonObject& holder, const RawQuantity& valueQ, QStringView loinc)
{
    const QJsonArray ranges = arr(holder, "referenceRange"_L1);
    for (const QJsonValue& rv : ranges) {
        if (!rv.isObject())
            continue;
        const QJsonObject ro = rv.toObject();
        // Prefer the plain normal range over e.g. a "therapeutic" one: take the first with bounds.
        std::optional<double> low = rangeBound(ro.value("low"_L1), valueQ, loinc);
        std::optional<double> high = rangeBound(ro.value("high"_L1), valueQ, loinc);
        const QString text = str(ro, "text"_L1);
        if (!low && !high && !text.isEmpty()) {
            std::optional<double> tl;
            std::optional<double> th;
            parseRangeText(text, tl, th);
            auto conv = [&](std::optional<double> v) -> std::optional<double> {
                if (!v)
                    return v;
                return Units::convert(*v, valueQ.unit, valueQ.system, valueQ.code, loinc).value;
            };
            low = conv(tl);
            high = conv(th);
        }
        if (!low && !high && text.isEmpty())
            continue;
        m.rangeLow = low;
        m.rangeHigh = high;
        m.rangeText = text;
        break;
    }
    if (m.abnormal.isEmpty() && m.value && (m.rangeLow || m.rangeHigh) && m.comparator.isEmpty()) {
        // Tolerance for rounding after a unit conversion.
        const double v = *m.value;
        const double eps = 1e-9 * std::max(1.0, std::abs(v));
        if (m.rangeLow && v < *m.rangeLow - eps)
            m.abnormal = u"L"_s;
        else if (m.rangeHigh && v > *m.rangeHigh + eps)
            m.abnormal = u"H"_s;
        else
            m.abnormal = u"N"_s;
        m.abnormalSource = u"range"_s;
    }
}

// value[x] of an Observation or component.
Measurement readValue(const QJsonObject& holder, QStringView loinc, QStringList* warnings)
{
    Measurement m;
    RawQuantity q;
    const QJsonValue vq = holder.value("valueQuantity"_L1);
    if (vq.isObject()) {
        q = rawQuantity(vq);
        setQuantity(m, q, str(vq.toObject(), "comparator"_L1), loinc);
        if (!q.value && warnings)
            warnings->append(u"quantity without value"_s);
    } else if (holder.contains("valueCodeableConcept"_L1)) {
        Concept c = readConcept(holder.value("valueCodeableConcept"_L1));
        m.text = conceptText(c);
        const qsizetype idx = CodeSystems::chooseCanonical(c.codings, u"Observation");
        if (idx >= 0)
            m.coded = c.codings[idx];
    } else if (holder.value("valueString"_L1).isString()) {
        m.text = holder.value("valueString"_L1).toString().left(4000);
    } else if (holder.value("valueBoolean"_L1).isBool()) {
        m.text = holder.value("valueBoolean"_L1).toBool() ? u"true"_s : u"false"_s;
    } else if (holder.value("valueInteger"_L1).isDouble()) {
        const double d = holder.value("valueInteger"_L1).toDouble();
        if (std::isfinite(d)) {
            m.value = d;
            m.originalValue = d;
        }
    } else if (holder.value("valueRange"_L1).isObject()) {
        const QJsonObject ro = holder.value("valueRange"_L1).toObject();
        const RawQuantity lo = rawQuantity(ro.value("low"_L1));
        const RawQuantity hi = rawQuantity(ro.value("high"_L1));
        m.text = (lo.value ? QString::number(*lo.value) : QString()) + u" - "_s
                 + (hi.value ? QString::number(*hi.value) : QString()) + u' ' + (lo.unit.isEmpty() ? hi.unit : lo.unit);
        m.text = m.text.trimmed();
    } else if (holder.value("valueRatio"_L1).isObject()) {
        const QJsonObject ro = holder.value("valueRatio"_L1).toObject();
        const RawQuantity n = rawQuantity(ro.value("numerator"_L1));
        const RawQuantity d = rawQuantity(ro.value("denominator"_L1));
        if (n.value && d.value)
            m.text = QString::number(*n.value) + u':' + QString::number(*d.value);
    } else if (holder.value("valueDateTime"_L1).isString()) {
        m.text = holder.value("valueDateTime"_L1).toString().left(64);
    } else if (holder.value("valueTime"_L1).isString()) {
        m.text = holder.value("valueTime"_L1).toString().left(64);
    } else if (holder.value("valuePeriod"_L1).isObject()) {
        const QJsonObject p = holder.value("valuePeriod"_L1).toObject();
        m.text = (str(p, "start"_L1) + u" - "_s + str(p, "end"_L1)).left(64);
    }
    applyInterpretation(m, holder);
    applyRange(m, holder, q, loinc);
    return m;
}

int flagSeverity(const QString& f)
{
    if (f == u"HH" || f == u"LL" || f == u"AA")
        return 3;
    if (f == u"H" || f == u"L")
        return 2;
    if (f == u"A" || f == u"POS" || f == u"DET")
        return 1;
    return 0;
}

// ---- per type ------------------------------------------------------------------------------

void normalizeObservation(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("code"_L1)));

    QList<Component> components;
    bool hasSys = false;
    bool hasDia = false;
    for (const QJsonValue& cv : arr(o, "component"_L1)) {
        if (!cv.isObject())
            continue;
        const QJsonObject co = cv.toObject();
        Component comp;
        Concept cc = readConcept(co.value("code"_L1));
        const qsizetype idx = CodeSystems::chooseCanonical(cc.codings, u"Observation");
        if (idx >= 0) {
            comp.system = cc.codings[idx].system;
            comp.code = cc.codings[idx].code;
        }
        comp.display = conceptText(cc);
        const QString loinc = comp.system == CodeSystems::loinc() ? comp.code : QString();
        comp.value = readValue(co, loinc, nullptr);
        hasSys = hasSys || (comp.code == ConceptMaps::systolicCode() && comp.system == CodeSystems::loinc());
        hasDia = hasDia || (comp.code == ConceptMaps::diastolicCode() && comp.system == CodeSystems::loinc());
        components.append(std::move(comp));
    }

    bool bpPanel = hasSys && hasDia;
    for (const Coding& k : r.codings)
        if (k.system == CodeSystems::loinc() && ConceptMaps::isBloodPressurePanel(k.code))
            bpPanel = true;
    if (bpPanel) {
        // 55284-4 (Synthea 2019, Epic) and 85354-9 (Synthea 2024, athena, Epic) are the same panel.
        r.canonicalSystem = CodeSystems::loinc();
        r.canonicalCode = ConceptMaps::bloodPressurePanelCode();
    } else if (r.canonicalSystem == CodeSystems::loinc() && ConceptMaps::isGenericLoinc(r.canonicalCode)) {
        for (const Coding& k : r.codings) {
            if (k.system == CodeSystems::loinc() && !ConceptMaps::isGenericLoinc(k.code) && !k.code.isEmpty()) {
                r.canonicalCode = k.code;
                break;
            }
        }
    }

    readTimeChoice(r, o, "effectiveDateTime"_L1, "effectivePeriod"_L1, "effectiveInstant"_L1);
    r.recordedAt = timeIso(o.value("issued"_L1));

    const QString loinc = r.canonicalSystem == CodeSystems::loinc() ? r.canonicalCode : QString();
    r.value = readValue(o, loinc, &r.warnings);
    const QString absent = conceptText(o.value("dataAbsentReason"_L1));
    if (!absent.isEmpty())
        r.details.insert("data_absent_reason"_L1, absent);

    if (!components.isEmpty()) {
        // Record-level flag = the most severe component flag when the record has none of its own.
        if (r.value.abnormal.isEmpty()) {
            for (const Component& c : components) {
                if (c.value.abnormal.isEmpty())
                    continue;
                if (r.value.abnormal.isEmpty() || flagSeverity(c.value.abnormal) > flagSeverity(r.value.abnormal)) {
                    r.value.abnormal = c.value.abnormal;
                    r.value.abnormalSource = c.value.abnormalSource;
                }
            }
        }
        if (bpPanel && !r.value.hasValue()) {
            const Component* sys = nullptr;
            const Component* dia = nullptr;
            for (const Component& c : components) {
                if (c.code == ConceptMaps::systolicCode())
                    sys = &c;
                else if (c.code == ConceptMaps::diastolicCode())
                    dia = &c;
            }
            if (sys && dia && sys->value.value && dia->value.value) {
                r.value.text = QString::number(*sys->value.value, 'f', 0) + u'/'
                               + QString::number(*dia->value.value, 'f', 0);
                r.value.unit = sys->value.unit;
                r.value.ucum = sys->value.ucum;
            }
        }
        r.components = std::move(components);
    }
    // A placeholder ("not performed", "asked but declined"): no result at all, only the reason why (on the record
    // or on each of its components). Kept, never shown, never de-duplicated: it must not replace the last real
    // reading of that test (a not-performed blood pressure was shown as the latest one).
    if (!r.value.hasValue()
        && std::none_of(r.components.cbegin(), r.components.cend(), [](const Component& c) { return c.value.hasValue(); })) {
        const QJsonArray parts = arr(o, "component"_L1);
        const bool everyPartAbsent = !parts.isEmpty() && std::all_of(parts.begin(), parts.end(), [](const QJsonValue& v) {
            return v.toObject().contains("dataAbsentReason"_L1);
        });
        if (o.contains("dataAbsentReason"_L1) || everyPartAbsent)
            r.hidden = true;
    }
    if (r.display.isEmpty() && !r.categories.isEmpty())
        r.warnings.append(u"no code"_s);
}

void readIngredientsFromMedication(MedicationInfo& info, const QJsonObject& med, QStringList& names,
                                   QStringList& strengths)
{
    for (const QJsonValue& iv : arr(med, "ingredient"_L1)) {
        if (!iv.isObject())
            continue;
        const QJsonObject io = iv.toObject();
        QString name;
        const Concept item = readConcept(io.value("itemCodeableConcept"_L1));
        for (const Coding& k : item.codings)
            if (k.system == CodeSystems::rxnorm() && !k.code.isEmpty() && !info.ingredientCodes.contains(k.code))
                info.ingredientCodes.append(k.code);
        name = conceptText(item);
        if (name.isEmpty())
            name = str(obj(io, "itemReference"_L1), "display"_L1);
        QString strength;
        const QJsonObject ratio = obj(io, "strength"_L1);
        const RawQuantity n = rawQuantity(ratio.value("numerator"_L1));
        const RawQuantity d = rawQuantity(ratio.value("denominator"_L1));
        if (n.value) {
            const QString nu = n.unit.isEmpty() ? n.code : n.unit;
            const QString du = (d.unit.isEmpty() ? d.code : d.unit).toLower();
            if (du == u"ml" || du == u"actuat" || du == u"g")
                strength = ConceptMaps::normalizeStrength(*n.value / (d.value && *d.value != 0 ? *d.value : 1.0),
                                                          QString(nu + u'/' + du));
            else
                strength = ConceptMaps::normalizeStrength(*n.value, nu);
        }
        if (!name.isEmpty()) {
            names.append(ConceptMaps::normalizeIngredient(name));
            strengths.append(strength);
        } else if (!strength.isEmpty()) {
            names.append(QString());
            strengths.append(strength);
        }
    }
}

// A Medication without code: its ingredients' codings, named after them.
Concept ingredientConcept(const QJsonObject& med)
{
    Concept c;
    QStringList names;
    for (const QJsonValue& iv : arr(med, "ingredient"_L1)) {
        const QJsonObject io = iv.toObject();
        Concept item = readConcept(io.value("itemCodeableConcept"_L1));
        QString name = conceptText(item);
        if (name.isEmpty())
            name = str(obj(io, "itemReference"_L1), "display"_L1);
        if (!name.isEmpty())
            names.append(name);
        c.codings.append(item.codings);
    }
    c.text = names.join(u" / "_s).left(500);
    return c;
}

void finishMedicationInfo(NormalizedRecord& r, MedicationInfo& info, const QStringList& ingNames,
                          const QStringList& ingStrengths)
{
    // RxNorm: the userSelected code, else one that is not an ingredient code (the clinical drug).
    QString rx;
    for (const Coding& k : r.codings) {
        if (k.system != CodeSystems::rxnorm() || k.code.isEmpty())
            continue;
        if (k.userSelected) {
            rx = k.code;
            break;
        }
        if (rx.isEmpty() || (info.ingredientCodes.contains(rx) && !info.ingredientCodes.contains(k.code)))
            rx = k.code;
    }
    info.rxnorm = rx;
    if (!rx.isEmpty()) {
        r.canonicalSystem = CodeSystems::rxnorm();
        r.canonicalCode = rx;
    }

    ConceptMaps::DrugName parsed = ConceptMaps::parseDrugName(r.display);
    if (parsed.isEmpty()) {
        for (const Coding& k : r.codings) {
            if (!k.display.isEmpty()) {
                parsed = ConceptMaps::parseDrugName(k.display);
                if (!parsed.isEmpty())
                    break;
            }
        }
    }
    // Fill missing strengths / names from Medication.ingredient (same order when counts agree).
    if (!parsed.isEmpty() && parsed.ingredients.size() == ingStrengths.size()) {
        for (qsizetype i = 0; i < parsed.strengths.size(); ++i)
            if (parsed.strengths[i].isEmpty())
                parsed.strengths[i] = ingStrengths[i];
    } else if (parsed.isEmpty() && !ingNames.isEmpty() && !ingNames.contains(QString())) {
        parsed.ingredients = ingNames;
        parsed.strengths = ingStrengths;
    }
    QList<std::pair<QString, QString>> pairs;
    for (qsizetype i = 0; i < parsed.ingredients.size(); ++i)
        pairs.append({parsed.ingredients[i], parsed.strengths.value(i)});
    std::sort(pairs.begin(), pairs.end());
    QStringList strengths;
    for (const auto& p : pairs) {
        info.ingredients.append(p.first);
        strengths.append(p.second);
    }
    bool anyStrength = false;
    for (const QString& s : strengths)
        anyStrength = anyStrength || !s.isEmpty();
    if (anyStrength)
        info.strength = strengths.join(u'+');
    r.medication = info;
}

const QJsonObject* findContained(const QJsonObject& parent, QStringView id, QJsonObject& storage)
{
    for (const QJsonValue& cv : arr(parent, "contained"_L1)) {
        if (!cv.isObject())
            continue;
        const QJsonObject co = cv.toObject();
        if (str(co, "id"_L1) == id) {
            storage = co;
            return &storage;
        }
    }
    return nullptr;
}

void readMedication(NormalizedRecord& r, const QJsonObject& o, const NormalizeContext& ctx)
{
    MedicationInfo info;
    Concept drug;
    QStringList ingNames;
    QStringList ingStrengths;
    if (o.value("medicationCodeableConcept"_L1).isObject()) {
        drug = readConcept(o.value("medicationCodeableConcept"_L1));
        info.source = u"inline"_s;
    } else if (o.value("medicationReference"_L1).isObject()) {
        const QJsonObject ref = o.value("medicationReference"_L1).toObject();
        const QString reference = str(ref, "reference"_L1);
        QJsonObject storage;
        const QJsonObject* med = nullptr;
        if (reference.startsWith(u'#')) {
            med = findContained(o, QStringView(reference).mid(1), storage);
            info.source = u"contained"_s;
        } else if (!reference.isEmpty() && ctx.resolve) {
            std::optional<QJsonObject> resolved;
            try {
                resolved = ctx.resolve(reference);
            } catch (...) {
                resolved.reset();
            }
            if (resolved && str(*resolved, "resourceType"_L1) == u"Medication") {
                storage = *resolved;
                med = &storage;
            }
            info.source = u"reference"_s;
        }
        if (med && str(*med, "resourceType"_L1) == u"Medication") {
            drug = readConcept(med->value("code"_L1));
            info.form = conceptText(med->value("form"_L1));
            readIngredientsFromMedication(info, *med, ingNames, ingStrengths);
            if (drug.codings.isEmpty() && drug.text.isEmpty())
                drug = ingredientConcept(*med); // a compounded / coded-by-ingredient Medication
        } else {
            info.source = u"unresolved"_s;
            if (!reference.isEmpty())
                r.warnings.append(u"medication reference not resolved"_s);
        }
        if (drug.text.isEmpty())
            drug.text = str(ref, "display"_L1).trimmed();
    }
    applyConcept(r, std::move(drug));
    finishMedicationInfo(r, info, ingNames, ingStrengths);
}

void normalizeMedicationRequest(NormalizedRecord& r, const QJsonObject& o, const NormalizeContext& ctx)
{
    setStatus(r, o);
    readCategories(r, o);
    readMedication(r, o, ctx);
    setStart(r, o.value("authoredOn"_L1));
    const QJsonObject dispense = obj(o, "dispenseRequest"_L1);
    setEnd(r, obj(dispense, "validityPeriod"_L1).value("end"_L1));
    put(r.details, "intent"_L1, str(o, "intent"_L1));
    const QJsonArray dosage = arr(o, "dosageInstruction"_L1);
    if (!dosage.isEmpty() && dosage.first().isObject())
        put(r.details, "dosage"_L1, str(dosage.first().toObject(), "text"_L1).left(500));
    put(r.details, "requester"_L1, str(obj(o, "requester"_L1), "display"_L1));
}

void normalizeMedicationStatement(NormalizedRecord& r, const QJsonObject& o, const NormalizeContext& ctx)
{
    setStatus(r, o);
    readCategories(r, o);
    readMedication(r, o, ctx);
    readTimeChoice(r, o, "effectiveDateTime"_L1, "effectivePeriod"_L1);
    r.recordedAt = timeIso(o.value("dateAsserted"_L1));
    const QJsonArray dosage = arr(o, "dosage"_L1);
    if (!dosage.isEmpty() && dosage.first().isObject())
        put(r.details, "dosage"_L1, str(dosage.first().toObject(), "text"_L1).left(500));
}

void normalizeMedicationAdministration(NormalizedRecord& r, const QJsonObject& o, const NormalizeContext& ctx)
{
    setStatus(r, o);
    readMedication(r, o, ctx);
    readTimeChoice(r, o, "effectiveDateTime"_L1, "effectivePeriod"_L1);
}

void normalizeMedicationDispense(NormalizedRecord& r, const QJsonObject& o, const NormalizeContext& ctx)
{
    setStatus(r, o);
    readMedication(r, o, ctx);
    if (!setStart(r, o.value("whenHandedOver"_L1)))
        setStart(r, o.value("whenPrepared"_L1));
}

void normalizeMedication(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    MedicationInfo info;
    info.source = u"resource"_s;
    info.form = conceptText(o.value("form"_L1));
    QStringList names;
    QStringList strengths;
    readIngredientsFromMedication(info, o, names, strengths);
    Concept code = readConcept(o.value("code"_L1));
    if (code.codings.isEmpty() && code.text.isEmpty())
        code = ingredientConcept(o);
    applyConcept(r, std::move(code));
    finishMedicationInfo(r, info, names, strengths);
}

// What Condition and AllergyIntolerance share: clinical and verification status (entered-in-error
// hides the record), categories, code and onset.
void readStatusCodeAndOnset(NormalizedRecord& r, const QJsonObject& o)
{
    r.clinicalStatus = conceptCode(o.value("clinicalStatus"_L1));
    r.verificationStatus = conceptCode(o.value("verificationStatus"_L1));
    r.status = r.clinicalStatus.isEmpty() ? r.verificationStatus : r.clinicalStatus;
    if (r.verificationStatus == u"entered-in-error")
        r.hidden = true;
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("code"_L1)));
    readTimeChoice(r, o, "onsetDateTime"_L1, "onsetPeriod"_L1, {}, "onsetString"_L1);
}

void normalizeCondition(NormalizedRecord& r, const QJsonObject& o)
{
    readStatusCodeAndOnset(r, o);
    if (!setEnd(r, o.value("abatementDateTime"_L1))) {
        const QJsonObject p = obj(o, "abatementPeriod"_L1);
        if (!setEnd(r, p.value("end"_L1)))
            setEnd(r, p.value("start"_L1));
    }
    r.recordedAt = timeIso(o.value("recordedDate"_L1));
    if (!r.hasEffective() && !r.recordedAt.isEmpty())
        setStart(r, o.value("recordedDate"_L1)); // no onset: the problem is at least as old as its entry
    put(r.details, "severity"_L1, conceptText(o.value("severity"_L1)));
}

void normalizeAllergy(NormalizedRecord& r, const QJsonObject& o)
{
    readStatusCodeAndOnset(r, o);
    r.recordedAt = timeIso(o.value("recordedDate"_L1));
    put(r.details, "criticality"_L1, str(o, "criticality"_L1));
    put(r.details, "type"_L1, str(o, "type"_L1));
    QJsonArray reactions;
    for (const QJsonValue& rv : arr(o, "reaction"_L1)) {
        if (!rv.isObject())
            continue;
        const QJsonObject ro = rv.toObject();
        QJsonObject reaction;
        QStringList manifestations;
        for (const QJsonValue& mv : arr(ro, "manifestation"_L1)) {
            const QString t = conceptText(mv);
            if (!t.isEmpty())
                manifestations.append(t);
        }
        put(reaction, "manifestations"_L1, manifestations);
        put(reaction, "severity"_L1, str(ro, "severity"_L1));
        put(reaction, "description"_L1, str(ro, "description"_L1).left(500));
        if (!reaction.isEmpty())
            reactions.append(reaction);
    }
    put(r.details, "reactions"_L1, reactions);
    bool negation = false;
    for (const Coding& k : r.codings)
        if (k.system == CodeSystems::snomed() && ConceptMaps::isNoKnownAllergy(k.code))
            negation = true;
    if (negation)
        r.details.insert("no_known_allergy"_L1, true);
}

void normalizeImmunization(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    applyConcept(r, readConcept(o.value("vaccineCode"_L1)));
    readTimeChoice(r, o, "occurrenceDateTime"_L1, {}, {}, "occurrenceString"_L1);
    r.recordedAt = timeIso(o.value("recorded"_L1));
    put(r.details, "lot_number"_L1, str(o, "lotNumber"_L1).trimmed());
    put(r.details, "manufacturer"_L1, str(obj(o, "manufacturer"_L1), "display"_L1));
    if (o.value("primarySource"_L1).isBool())
        r.details.insert("primary_source"_L1, o.value("primarySource"_L1).toBool());
    put(r.details, "status_reason"_L1, conceptText(o.value("statusReason"_L1)));
    QStringList families;
    for (const Coding& k : r.codings)
        if (k.system == CodeSystems::cvx())
            for (const QString& f : ConceptMaps::vaccineFamilies(k.code))
                if (!families.contains(f))
                    families.append(f);
    put(r.details, "vaccine_families"_L1, families);
}

void normalizeProcedure(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("code"_L1)));
    readTimeChoice(r, o, "performedDateTime"_L1, "performedPeriod"_L1, {}, "performedString"_L1);
    QStringList reasons;
    for (const QJsonValue& v : arr(o, "reasonCode"_L1)) {
        const QString t = conceptText(v);
        if (!t.isEmpty())
            reasons.append(t);
    }
    put(r.details, "reasons"_L1, reasons);
}

void normalizeEncounter(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    Concept type;
    for (const QJsonValue& tv : arr(o, "type"_L1)) {
        Concept c = readConcept(tv);
        type.codings.append(c.codings);
        if (type.text.isEmpty())
            type.text = c.text;
    }
    applyConcept(r, std::move(type));
    // class is a Coding in R4 (an array of CodeableConcepts in R5): read both shapes.
    QJsonObject cls;
    const QJsonValue cv = o.value("class"_L1);
    if (cv.isObject()) {
        cls = cv.toObject();
    } else if (cv.isArray() && !cv.toArray().isEmpty()) {
        const Concept c = readConcept(cv.toArray().first());
        if (!c.codings.isEmpty())
            cls = c.codings.first().toJson();
    }
    QJsonObject clsOut;
    put(clsOut, "code"_L1, str(cls, "code"_L1));
    put(clsOut, "display"_L1, str(cls, "display"_L1));
    put(clsOut, "system"_L1, CodeSystems::canonicalUri(str(cls, "system"_L1)));
    put(r.details, "class"_L1, clsOut);
    if (r.display.isEmpty())
        r.display = str(cls, "display"_L1).isEmpty() ? str(cls, "code"_L1) : str(cls, "display"_L1);
    setPeriod(r, o.value("period"_L1));
    QStringList reasons;
    for (const QJsonValue& v : arr(o, "reasonCode"_L1)) {
        const QString t = conceptText(v);
        if (!t.isEmpty())
            reasons.append(t);
    }
    put(r.details, "reasons"_L1, reasons);
    put(r.details, "service_provider"_L1, str(obj(o, "serviceProvider"_L1), "display"_L1));
    const QJsonArray locations = arr(o, "location"_L1);
    if (!locations.isEmpty() && locations.first().isObject())
        put(r.details, "location"_L1, str(obj(locations.first().toObject(), "location"_L1), "display"_L1));
    const QJsonArray participants = arr(o, "participant"_L1);
    if (!participants.isEmpty() && participants.first().isObject())
        put(r.details, "practitioner"_L1, str(obj(participants.first().toObject(), "individual"_L1), "display"_L1));
}

void normalizeDiagnosticReport(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("code"_L1)));
    readTimeChoice(r, o, "effectiveDateTime"_L1, "effectivePeriod"_L1);
    r.recordedAt = timeIso(o.value("issued"_L1));
    if (!r.hasEffective() && !r.recordedAt.isEmpty())
        setStart(r, o.value("issued"_L1));
    const QJsonArray results = arr(o, "result"_L1);
    if (!results.isEmpty())
        r.details.insert("result_count"_L1, results.size());
    put(r.details, "conclusion"_L1, str(o, "conclusion"_L1).left(2000));
}

void normalizeDocumentReference(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("type"_L1)));
    const QJsonObject context = obj(o, "context"_L1);
    setPeriod(r, context.value("period"_L1));
    if (!r.hasEffective())
        setStart(r, o.value("date"_L1));
    r.recordedAt = timeIso(o.value("date"_L1));
    put(r.details, "doc_status"_L1, str(o, "docStatus"_L1));
    put(r.details, "description"_L1, str(o, "description"_L1).left(500));
    QStringList types;
    for (const QJsonValue& cv : arr(o, "content"_L1)) {
        const QString t = str(obj(cv.toObject(), "attachment"_L1), "contentType"_L1);
        if (!t.isEmpty() && !types.contains(t))
            types.append(t);
    }
    put(r.details, "content_types"_L1, types);
    if (r.display.isEmpty())
        r.display = str(o, "description"_L1).left(200);
}

void normalizeCarePlan(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    // "assess-plan" only says it is a care plan: the clinical category (SNOMED) goes first.
    Concept cat;
    QList<Coding> generic;
    for (const QJsonValue& cv : arr(o, "category"_L1)) {
        const Concept c = readConcept(cv);
        bool clinical = false;
        for (const Coding& k : c.codings) {
            if (k.code == u"assess-plan") {
                generic.append(k);
            } else {
                cat.codings.append(k);
                clinical = true;
            }
        }
        if (cat.text.isEmpty() && (clinical || c.codings.isEmpty()))
            cat.text = c.text;
    }
    cat.codings.append(generic);
    applyConcept(r, std::move(cat));
    const QString title = str(o, "title"_L1);
    if (!title.isEmpty())
        r.display = title;
    if (r.display.isEmpty())
        r.display = str(o, "description"_L1).left(200);
    setPeriod(r, o.value("period"_L1));
    put(r.details, "intent"_L1, str(o, "intent"_L1));
    QStringList activities;
    for (const QJsonValue& av : arr(o, "activity"_L1)) {
        const QString t = conceptText(obj(av.toObject(), "detail"_L1).value("code"_L1));
        if (!t.isEmpty())
            activities.append(t);
    }
    put(r.details, "activities"_L1, activities);
}

void normalizeCareTeam(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    readCategories(r, o);
    Concept cat;
    for (const QJsonValue& cv : arr(o, "category"_L1)) {
        Concept c = readConcept(cv);
        cat.codings.append(c.codings);
        if (cat.text.isEmpty())
            cat.text = c.text;
    }
    applyConcept(r, std::move(cat));
    const QString name = str(o, "name"_L1);
    if (!name.isEmpty())
        r.display = name;
    setPeriod(r, o.value("period"_L1));
    QStringList members;
    for (const QJsonValue& pv : arr(o, "participant"_L1)) {
        const QString m = str(obj(pv.toObject(), "member"_L1), "display"_L1);
        if (!m.isEmpty())
            members.append(m);
    }
    put(r.details, "members"_L1, members);
}

void normalizeGoal(NormalizedRecord& r, const QJsonObject& o)
{
    r.status = str(o, "lifecycleStatus"_L1);
    if (r.status == u"entered-in-error")
        r.hidden = true;
    readCategories(r, o);
    applyConcept(r, readConcept(o.value("description"_L1)));
    if (!setStart(r, o.value("startDate"_L1)))
        setStart(r, o.value("statusDate"_L1));
    for (const QJsonValue& tv : arr(o, "target"_L1)) {
        if (setEnd(r, tv.toObject().value("dueDate"_L1)))
            break;
    }
    put(r.details, "achievement"_L1, conceptText(o.value("achievementStatus"_L1)));
}

void normalizeDevice(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    applyConcept(r, readConcept(o.value("type"_L1)));
    for (const QJsonValue& nv : arr(o, "deviceName"_L1)) {
        const QString n = str(nv.toObject(), "name"_L1);
        if (!n.isEmpty()) {
            if (r.display.isEmpty())
                r.display = n;
            put(r.details, "device_name"_L1, n);
            break;
        }
    }
    const QJsonArray udi = arr(o, "udiCarrier"_L1);
    if (!udi.isEmpty())
        put(r.details, "udi"_L1, str(udi.first().toObject(), "deviceIdentifier"_L1));
    put(r.details, "manufacturer"_L1, str(o, "manufacturer"_L1));
    setStart(r, o.value("manufactureDate"_L1));
    setEnd(r, o.value("expirationDate"_L1));
}

void normalizeCoverage(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    applyConcept(r, readConcept(o.value("type"_L1)));
    setPeriod(r, o.value("period"_L1));
    QStringList payors;
    for (const QJsonValue& pv : arr(o, "payor"_L1)) {
        const QString p = str(pv.toObject(), "display"_L1);
        if (!p.isEmpty())
            payors.append(p);
    }
    put(r.details, "payors"_L1, payors);
    if (r.display.isEmpty() && !payors.isEmpty())
        r.display = payors.first();
    put(r.details, "relationship"_L1, conceptText(o.value("relationship"_L1)));
}

QString humanName(const QJsonValue& nv)
{
    if (!nv.isObject())
        return {};
    const QJsonObject n = nv.toObject();
    const QString text = str(n, "text"_L1).trimmed();
    if (!text.isEmpty())
        return text;
    QStringList parts = strings(n, "prefix"_L1);
    parts.append(strings(n, "given"_L1));
    const QString family = str(n, "family"_L1);
    if (!family.isEmpty())
        parts.append(family);
    parts.append(strings(n, "suffix"_L1));
    return parts.join(u' ').simplified();
}

// The current official name: use=official without period.end, else official, else usual, else first.
QJsonObject currentName(const QJsonArray& names)
{
    QJsonObject best;
    int bestScore = -1;
    for (const QJsonValue& nv : names) {
        if (!nv.isObject())
            continue;
        const QJsonObject n = nv.toObject();
        const QString use = str(n, "use"_L1);
        int score = 0;
        if (use == u"official")
            score += 4;
        else if (use == u"usual" || use.isEmpty())
            score += 2;
        else if (use == u"old")
            score -= 2;
        if (!obj(n, "period"_L1).contains("end"_L1))
            score += 1;
        if (score > bestScore) {
            best = n;
            bestScore = score;
        }
    }
    return best;
}

QJsonArray identifiers(const QJsonObject& o)
{
    QJsonArray out;
    QSet<QString> seen;
    for (const QJsonValue& iv : arr(o, "identifier"_L1)) {
        if (!iv.isObject())
            continue;
        const QJsonObject io = iv.toObject();
        const QString system = CodeSystems::canonicalUri(str(io, "system"_L1));
        const QString value = str(io, "value"_L1).trimmed();
        // Social security numbers are never copied out of the raw row.
        const Concept type = readConcept(io.value("type"_L1));
        bool ssn = system == u"http://hl7.org/fhir/sid/us-ssn";
        for (const Coding& k : type.codings)
            ssn = ssn || k.code == u"SS" || k.code == u"SB";
        if (ssn || value.isEmpty())
            continue;
        const QString key = system + u'|' + value;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        QJsonObject id;
        put(id, "system"_L1, system);
        id.insert("value"_L1, value);
        put(id, "type"_L1, conceptText(type));
        out.append(id);
    }
    return out;
}

QJsonObject address(const QJsonObject& o)
{
    QJsonObject a;
    QJsonArray list;
    const QJsonValue v = o.value("address"_L1);
    if (v.isArray())
        list = v.toArray();
    else if (v.isObject())
        list.append(v);
    if (list.isEmpty() || !list.first().isObject())
        return a;
    const QJsonObject first = list.first().toObject();
    put(a, "city"_L1, str(first, "city"_L1));
    put(a, "state"_L1, str(first, "state"_L1));
    put(a, "country"_L1, str(first, "country"_L1));
    return a;
}

void normalizePatient(NormalizedRecord& r, const QJsonObject& o)
{
    const QJsonObject name = currentName(arr(o, "name"_L1));
    r.display = humanName(name);
    r.status = o.value("active"_L1).isBool() && !o.value("active"_L1).toBool() ? u"inactive"_s : u"active"_s;
    QJsonObject d;
    put(d, "name"_L1, r.display);
    put(d, "family"_L1, str(name, "family"_L1));
    put(d, "given"_L1, strings(name, "given"_L1));
    const QString birth = str(o, "birthDate"_L1);
    const ClinicalTime bt = ClinicalTimeParser::parse(birth);
    if (bt.valid)
        d.insert("birth_date"_L1, bt.iso);
    put(d, "gender"_L1, str(o, "gender"_L1));
    if (o.value("deceasedBoolean"_L1).isBool())
        d.insert("deceased"_L1, o.value("deceasedBoolean"_L1).toBool());
    const QString deceasedAt = timeIso(o.value("deceasedDateTime"_L1));
    if (!deceasedAt.isEmpty()) {
        d.insert("deceased"_L1, true);
        d.insert("deceased_at"_L1, deceasedAt);
    }
    put(d, "marital_status"_L1, conceptText(o.value("maritalStatus"_L1)));
    const QJsonArray comm = arr(o, "communication"_L1);
    if (!comm.isEmpty() && comm.first().isObject())
        put(d, "language"_L1, conceptText(comm.first().toObject().value("language"_L1)));
    put(d, "address"_L1, address(o));
    put(d, "identifiers"_L1, identifiers(o));
    r.details = d;
    if (!birth.isEmpty() && !bt.valid)
        r.warnings.append(u"unparsable birthDate"_s);
}

void readNpi(NormalizedRecord& r, const QJsonObject& o)
{
    for (const QJsonValue& iv : arr(o, "identifier"_L1)) {
        const QJsonObject io = iv.toObject();
        if (CodeSystems::canonicalUri(str(io, "system"_L1)) == CodeSystems::npi()) {
            const QString v = str(io, "value"_L1).trimmed();
            if (!v.isEmpty()) {
                r.canonicalSystem = CodeSystems::npi();
                r.canonicalCode = v;
                r.codings.append(Coding{CodeSystems::npi(), v, {}, false, false});
                return;
            }
        }
    }
}

void normalizePractitioner(NormalizedRecord& r, const QJsonObject& o)
{
    r.status = o.value("active"_L1).isBool() && !o.value("active"_L1).toBool() ? u"inactive"_s : u"active"_s;
    r.display = humanName(currentName(arr(o, "name"_L1)));
    readNpi(r, o);
    QStringList quals;
    for (const QJsonValue& qv : arr(o, "qualification"_L1)) {
        const QString t = conceptText(qv.toObject().value("code"_L1));
        if (!t.isEmpty())
            quals.append(t);
    }
    put(r.details, "qualifications"_L1, quals);
    put(r.details, "address"_L1, address(o));
}

void normalizeOrganization(NormalizedRecord& r, const QJsonObject& o)
{
    r.status = o.value("active"_L1).isBool() && !o.value("active"_L1).toBool() ? u"inactive"_s : u"active"_s;
    Concept type;
    for (const QJsonValue& tv : arr(o, "type"_L1)) {
        Concept c = readConcept(tv);
        type.codings.append(c.codings);
    }
    r.codings = type.codings;
    r.display = str(o, "name"_L1).trimmed();
    readNpi(r, o);
    put(r.details, "type"_L1, conceptText(Concept{type.codings, {}}));
    put(r.details, "address"_L1, address(o));
}

void normalizeLocation(NormalizedRecord& r, const QJsonObject& o)
{
    setStatus(r, o);
    Concept type;
    for (const QJsonValue& tv : arr(o, "type"_L1))
        type.codings.append(readConcept(tv).codings);
    r.codings = type.codings;
    r.display = str(o, "name"_L1).trimmed();
    put(r.details, "address"_L1, address(o));
    put(r.details, "managing_organization"_L1, str(obj(o, "managingOrganization"_L1), "display"_L1));
}

bool needsContent(const QString& type)
{
    return type == u"Condition" || type == u"Observation" || type == u"AllergyIntolerance"
           || type == u"Immunization" || type == u"Procedure" || type == u"MedicationRequest"
           || type == u"MedicationStatement" || type == u"MedicationAdministration" || type == u"DiagnosticReport";
}

} // namespace

const QStringList& Normalizer::supportedTypes()
{
    static const QStringList types = {
        u"Patient"_s, u"AllergyIntolerance"_s, u"Condition"_s, u"Observation"_s, u"MedicationRequest"_s,
        u"Medication"_s, u"MedicationStatement"_s, u"MedicationAdministration"_s, u"MedicationDispense"_s,
        u"Immunization"_s, u"Procedure"_s, u"Encounter"_s, u"DiagnosticReport"_s, u"DocumentReference"_s,
        u"CarePlan"_s, u"CareTeam"_s, u"Goal"_s, u"Device"_s, u"Coverage"_s, u"Practitioner"_s,
        u"Organization"_s, u"Location"_s,
    };
    return types;
}

bool Normalizer::isSupported(const QString& resourceType)
{
    return supportedTypes().contains(resourceType);
}

NormalizedRecord Normalizer::normalize(const QJsonObject& o, const NormalizeContext& ctx)
{
    NormalizedRecord r;
    r.rawId = ctx.rawId;
    r.provider = ctx.provider;
    r.endpointId = ctx.endpointId;
    r.connectionId = ctx.connectionId;
    r.resourceType = str(o, "resourceType"_L1);
    r.resourceId = str(o, "id"_L1).left(256);
    if (r.resourceType.isEmpty()) {
        r.error = u"not a FHIR resource (no resourceType)"_s;
        return r;
    }
    if (r.resourceType.size() > 64) {
        r.resourceType.truncate(64);
        r.error = u"not a FHIR resource (bad resourceType)"_s;
        return r;
    }
    try {
        const QString& t = r.resourceType;
        if (t == u"Observation")
            normalizeObservation(r, o);
        else if (t == u"Condition")
            normalizeCondition(r, o);
        else if (t == u"MedicationRequest")
            normalizeMedicationRequest(r, o, ctx);
        else if (t == u"Immunization")
            normalizeImmunization(r, o);
        else if (t == u"Procedure")
            normalizeProcedure(r, o);
        else if (t == u"Encounter")
            normalizeEncounter(r, o);
        else if (t == u"DiagnosticReport")
            normalizeDiagnosticReport(r, o);
        else if (t == u"AllergyIntolerance")
            normalizeAllergy(r, o);
        else if (t == u"DocumentReference")
            normalizeDocumentReference(r, o);
        else if (t == u"CarePlan")
            normalizeCarePlan(r, o);
        else if (t == u"CareTeam")
            normalizeCareTeam(r, o);
        else if (t == u"Goal")
            normalizeGoal(r, o);
        else if (t == u"Device")
            normalizeDevice(r, o);
        else if (t == u"Coverage")
            normalizeCoverage(r, o);
        else if (t == u"Patient")
            normalizePatient(r, o);
        else if (t == u"Practitioner")
            normalizePractitioner(r, o);
        else if (t == u"Organization")
            normalizeOrganization(r, o);
        else if (t == u"Location")
            normalizeLocation(r, o);
        else if (t == u"Medication")
            normalizeMedication(r, o);
        else if (t == u"MedicationStatement")
            normalizeMedicationStatement(r, o, ctx);
        else if (t == u"MedicationAdministration")
            normalizeMedicationAdministration(r, o, ctx);
        else if (t == u"MedicationDispense")
            normalizeMedicationDispense(r, o, ctx);
        else {
            r.error = u"unsupported resource type: "_s + t;
            return r;
        }
    } catch (...) {
        // Qt's JSON API does not throw; this only guards against allocation failure on hostile input.
        r.error = u"internal error while normalizing"_s;
        return r;
    }
    if (r.display.size() > 1000)
        r.display.truncate(1000);
    if (needsContent(r.resourceType) && r.codings.isEmpty() && r.display.isEmpty() && !r.value.hasValue()
        && r.components.isEmpty()) {
        // Real records sometimes carry only a status and a date (narrative-only examples, athena
        // results without a code): keep them as facts. With nothing at all there is nothing to keep.
        if (r.status.isEmpty() && !r.hasEffective())
            r.error = u"missing required element: no code, text, value, status or date"_s;
        else
            r.warnings.append(u"no code, text or value"_s);
    }
    // IPS "absent/unknown" statements (no-allergy-info, no-problem-info ...) are not facts.
    for (const Coding& k : r.codings)
        if (k.system == u"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips")
            r.details.insert("no_information"_L1, true);
    return r;
}

} // namespace hh::clinical
