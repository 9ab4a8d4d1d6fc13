#include "core/clinical/ClinicalTypes.h"

#include "core/clinical/JsonUtil.h"
#include "core/clinical/JsonWriter.h"

#include <QJsonDocument>

namespace hh::clinical {

using namespace Qt::StringLiterals;
using namespace json;

namespace {

template<typename T>
QJsonObject viaWriter(const T& t)
{
    QByteArray bytes;
    JsonWriter w(bytes);
    t.write(w);
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

void Coding::write(JsonWriter& w) const
{
    w.beginObject();
    w.field("system"_L1, system);
    w.field("code"_L1, code);
    w.field("display"_L1, display);
    w.flag("user_selected"_L1, userSelected);
    w.flag("aliased"_L1, aliased);
    w.endObject();
}

QJsonObject Coding::toJson() const { return viaWriter(*this); }

Coding Coding::fromJson(const QJsonObject& o)
{
    Coding c;
    c.system = str(o, "system"_L1);
    c.code = str(o, "code"_L1);
    c.display = str(o, "display"_L1);
    c.userSelected = boolean(o, "user_selected"_L1);
    c.aliased = boolean(o, "aliased"_L1);
    return c;
}

void Measurement::write(JsonWriter& w) const
{
    w.beginObject();
    w.field("value"_L1, value);
    w.field("unit"_L1, unit);
    if (originalValue && (converted || !value || *originalValue != *value))
        w.field("original_value"_L1, originalValue);
    if (originalUnit != unit)
        w.field("original_unit"_L1, originalUnit);
    if (originalUnitCode != unit)
        w.field("original_unit_code"_L1, originalUnitCode);
    w.flag("converted"_L1, converted);
    w.flag("ucum"_L1, ucum);
    w.field("comparator"_L1, comparator);
    w.field("text"_L1, text);
    if (!coded.isEmpty()) {
        w.key("coded"_L1);
        coded.write(w);
    }
    w.field("range_low"_L1, rangeLow);
    w.field("range_high"_L1, rangeHigh);
    w.field("range_text"_L1, rangeText);
    w.field("abnormal"_L1, abnormal);
    w.field("abnormal_source"_L1, abnormalSource);
    w.endObject();
}

QJsonObject Measurement::toJson() const { return viaWriter(*this); }

Measurement Measurement::fromJson(const QJsonObject& o)
{
    Measurement m;
    m.value = num(o, "value"_L1);
    m.unit = str(o, "unit"_L1);
    m.originalValue = num(o, "original_value"_L1);
    if (!m.originalValue)
        m.originalValue = m.value;
    m.originalUnit = o.contains("original_unit"_L1) ? str(o, "original_unit"_L1) : m.unit;
    m.originalUnitCode = o.contains("original_unit_code"_L1) ? str(o, "original_unit_code"_L1) : m.unit;
    m.converted = boolean(o, "converted"_L1);
    m.ucum = boolean(o, "ucum"_L1);
    m.comparator = str(o, "comparator"_L1);
    m.text = str(o, "text"_L1);
    m.coded = Coding::fromJson(obj(o, "coded"_L1));
    m.rangeLow = num(o, "range_low"_L1);
    m.rangeHigh = num(o, "range_high"_L1);
    m.rangeText = str(o, "range_text"_L1);
    m.abnormal = str(o, "abnormal"_L1);
    m.abnormalSource = str(o, "abnormal_source"_L1);
    return m;
}

void Component::write(JsonWriter& w) const
{
    w.beginObject();
    w.field("system"_L1, system);
    w.field("code"_L1, code);
    w.field("display"_L1, display);
    w.key("value"_L1);
    value.write(w);
    w.endObject();
}

QJsonObject Component::toJson() const { return viaWriter(*this); }

Component Component::fromJson(const QJsonObject& o)
{
    Component c;
    c.system = str(o, "system"_L1);
    c.code = str(o, "code"_L1);
    c.display = str(o, "display"_L1);
    c.value = Measurement::fromJson(obj(o, "value"_L1));
    return c;
}

void MedicationInfo::write(JsonWriter& w) const
{
    w.beginObject();
    w.field("rxnorm"_L1, rxnorm);
    w.field("ingredient_codes"_L1, ingredientCodes);
    w.field("ingredients"_L1, ingredients);
    w.field("strength"_L1, strength);
    w.field("form"_L1, form);
    w.field("source"_L1, source);
    w.endObject();
}

QJsonObject MedicationInfo::toJson() const { return viaWriter(*this); }

MedicationInfo MedicationInfo::fromJson(const QJsonObject& o)
{
    MedicationInfo m;
    m.rxnorm = str(o, "rxnorm"_L1);
    m.ingredientCodes = strings(o, "ingredient_codes"_L1);
    m.ingredients = strings(o, "ingredients"_L1);
    m.strength = str(o, "strength"_L1);
    m.form = str(o, "form"_L1);
    m.source = str(o, "source"_L1);
    return m;
}

void SourceRef::write(JsonWriter& w) const
{
    w.beginObject();
    w.key("provider"_L1);
    w.value(provider);
    w.key("endpoint"_L1);
    w.value(endpoint);
    w.key("raw_id"_L1);
    w.value(rawId);
    w.field("connection_id"_L1, connectionId);
    w.field("resource_id"_L1, resourceId);
    w.endObject();
}

QJsonObject SourceRef::toJson() const { return viaWriter(*this); }

SourceRef SourceRef::fromJson(const QJsonObject& o)
{
    SourceRef s;
    s.provider = str(o, "provider"_L1);
    s.endpoint = str(o, "endpoint"_L1);
    s.rawId = str(o, "raw_id"_L1);
    s.connectionId = str(o, "connection_id"_L1);
    s.resourceId = str(o, "resource_id"_L1);
    return s;
}

} // namespace hh::clinical
