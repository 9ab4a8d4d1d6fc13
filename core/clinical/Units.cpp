#include "core/clinical/Units.h"

#include "core/clinical/CodeSystems.h"

#include <QHash>

#include <cmath>

namespace hh::clinical {

namespace {

enum class Kind { Mass, Length, Temperature };

struct Linear {
    Kind kind;
    double factor; // canonical = value * factor + offset
    double offset;
};

// Units converted by quantity kind, keyed by UCUM code.
const QHash<QString, Linear>& kindTable()
{
    static const QHash<QString, Linear> t = {
        {QStringLiteral("kg"), {Kind::Mass, 1.0, 0}},
        {QStringLiteral("g"), {Kind::Mass, 0.001, 0}},
        {QStringLiteral("[lb_av]"), {Kind::Mass, 0.45359237, 0}},
        {QStringLiteral("[oz_av]"), {Kind::Mass, 0.028349523125, 0}},
        {QStringLiteral("cm"), {Kind::Length, 1.0, 0}},
        {QStringLiteral("m"), {Kind::Length, 100.0, 0}},
        {QStringLiteral("mm"), {Kind::Length, 0.1, 0}},
        {QStringLiteral("[in_i]"), {Kind::Length, 2.54, 0}},
        {QStringLiteral("[ft_i]"), {Kind::Length, 30.48, 0}},
        {QStringLiteral("[in_us]"), {Kind::Length, 2.54000508, 0}},
        {QStringLiteral("Cel"), {Kind::Temperature, 1.0, 0}},
        {QStringLiteral("[degF]"), {Kind::Temperature, 5.0 / 9.0, -32.0 * 5.0 / 9.0}},
        {QStringLiteral("K"), {Kind::Temperature, 1.0, -273.15}},
    };
    return t;
}

QString canonicalFor(Kind k)
{
    switch (k) {
    case Kind::Mass: return QStringLiteral("kg");
    case Kind::Length: return QStringLiteral("cm");
    case Kind::Temperature: return QStringLiteral("Cel");
    }
    return {};
}

// Lower-cased unit text -> UCUM code. Only spellings that cannot mean anything else.
const QHash<QString, QString>& textTable()
{
    static const QHash<QString, QString> t = [] {
        QHash<QString, QString> m;
        auto add = [&m](std::initializer_list<const char16_t*> keys, const char16_t* ucum) {
            for (const char16_t* k : keys)
                m.insert(QString::fromUtf16(k), QString::fromUtf16(ucum));
        };
        add({u"kg", u"kgs", u"kilogram", u"kilograms", u"kilo", u"kilos"}, u"kg");
        add({u"g", u"gm", u"gms", u"gram", u"grams", u"gramme"}, u"g");
        add({u"[lb_av]", u"lb_av", u"lb", u"lbs", u"pound", u"pounds", u"lb(av)"}, u"[lb_av]");
        add({u"[oz_av]", u"oz_av", u"oz", u"ounce", u"ounces"}, u"[oz_av]");
        add({u"cm", u"cms", u"centimeter", u"centimeters", u"centimetre", u"centimetres"}, u"cm");
        add({u"mm", u"millimeter", u"millimeters", u"millimetre", u"millimetres"}, u"mm");
        add({u"meter", u"meters", u"metre", u"metres"}, u"m");
        add({u"[in_i]", u"in_i", u"in", u"inch", u"inches", u"[in_us]"}, u"[in_i]");
        add({u"[ft_i]", u"ft_i", u"ft", u"foot", u"feet"}, u"[ft_i]");
        add({u"cel", u"°c", u"degc", u"deg c", u"c", u"degrees c", u"degree c", u"celsius", u"degrees celsius",
             u"degree celsius", u"centigrade", u"degrees centigrade"},
            u"Cel");
        add({u"[degf]", u"degf", u"°f", u"deg f", u"f", u"degrees f", u"degree f", u"fahrenheit",
             u"degrees fahrenheit", u"degree fahrenheit"},
            u"[degF]");
        add({u"k", u"kelvin"}, u"K");
        add({u"mm[hg]", u"mmhg", u"mm hg", u"millimeter of mercury", u"millimeters of mercury",
             u"millimetre of mercury"},
            u"mm[Hg]");
        add({u"/min", u"beats/min", u"beats/minute", u"beats / minute", u"bpm", u"breaths/min", u"breaths/minute",
             u"breaths / minute", u"per minute", u"{beats}/min", u"{breaths}/min", u"/minute"},
            u"/min");
        add({u"%", u"percent"}, u"%");
        add({u"kg/m2", u"kg/m^2", u"kg/m²", u"kilogram / (meter ^ 2)", u"kilogram per square meter"}, u"kg/m2");
        add({u"mg/dl", u"milligram per deciliter", u"milligrams per deciliter"}, u"mg/dL");
        add({u"mmol/l", u"millimole per liter"}, u"mmol/L");
        add({u"umol/l", u"µmol/l", u"μmol/l", u"micromole per liter"}, u"umol/L");
        add({u"mmol/mol"}, u"mmol/mol");
        return m;
    }();
    return t;
}

enum class Analyte { None, Glucose, Creatinine, Cholesterol, Triglycerides, UreaNitrogen, HbA1c, Hemoglobin, Albumin };

struct LoincInfo {
    Analyte analyte;
    const char16_t* massCode; // the mass-concentration twin, or nullptr if the code is it
};

const QHash<QString, LoincInfo>& analyteTable()
{
    static const QHash<QString, LoincInfo> t = [] {
        QHash<QString, LoincInfo> m;
        auto add = [&m](const char16_t* code, Analyte a, const char16_t* twin) {
            m.insert(QString::fromUtf16(code), LoincInfo{a, twin});
        };
        // glucose
        add(u"2339-0", Analyte::Glucose, nullptr);
        add(u"2345-7", Analyte::Glucose, nullptr);
        add(u"1558-6", Analyte::Glucose, nullptr);
        add(u"41653-7", Analyte::Glucose, nullptr);
        add(u"2340-8", Analyte::Glucose, nullptr);
        add(u"14749-6", Analyte::Glucose, u"2345-7");
        add(u"15074-8", Analyte::Glucose, u"2339-0");
        add(u"14771-0", Analyte::Glucose, u"1558-6");
        // creatinine
        add(u"2160-0", Analyte::Creatinine, nullptr);
        add(u"38483-4", Analyte::Creatinine, nullptr);
        add(u"14682-9", Analyte::Creatinine, u"2160-0");
        // cholesterol
        add(u"2093-3", Analyte::Cholesterol, nullptr);
        add(u"14647-2", Analyte::Cholesterol, u"2093-3");
        add(u"2085-9", Analyte::Cholesterol, nullptr);
        add(u"14646-4", Analyte::Cholesterol, u"2085-9");
        add(u"18262-6", Analyte::Cholesterol, nullptr);
        add(u"13457-7", Analyte::Cholesterol, nullptr);
        add(u"2089-1", Analyte::Cholesterol, nullptr);
        add(u"22748-8", Analyte::Cholesterol, u"18262-6");
        add(u"39469-2", Analyte::Cholesterol, u"13457-7");
        // triglycerides
        add(u"2571-8", Analyte::Triglycerides, nullptr);
        add(u"14927-8", Analyte::Triglycerides, u"2571-8");
        // urea nitrogen
        add(u"6299-2", Analyte::UreaNitrogen, nullptr);
        add(u"3094-0", Analyte::UreaNitrogen, nullptr);
        add(u"14937-7", Analyte::UreaNitrogen, u"3094-0");
        // HbA1c (NGSP % and IFCC mmol/mol)
        add(u"4548-4", Analyte::HbA1c, nullptr);
        add(u"17856-6", Analyte::HbA1c, nullptr);
        add(u"4549-2", Analyte::HbA1c, nullptr);
        add(u"59261-8", Analyte::HbA1c, u"4548-4");
        // hemoglobin (g/dL; laboratories outside the US report g/L or mmol/L)
        add(u"718-7", Analyte::Hemoglobin, nullptr);
        add(u"30313-1", Analyte::Hemoglobin, nullptr);
        add(u"20509-6", Analyte::Hemoglobin, nullptr);
        add(u"59260-0", Analyte::Hemoglobin, u"718-7");
        // albumin (g/dL or g/L)
        add(u"1751-7", Analyte::Albumin, nullptr);
        add(u"61151-7", Analyte::Albumin, nullptr);
        return m;
    }();
    return t;
}

bool isUcumSystem(const QString& system)
{
    if (system.isEmpty())
        return false;
    return CodeSystems::canonicalUri(system) == CodeSystems::ucum();
}

// mg/dL per mmol/L (or per umol/L for creatinine).
std::optional<UnitResult> convertAnalyte(Analyte a, double v, const QString& ucum)
{
    const QString mgdl = QStringLiteral("mg/dL");
    switch (a) {
    case Analyte::Glucose:
        if (ucum == u"mmol/L")
            return UnitResult{v * 18.016, mgdl, true, true};
        break;
    case Analyte::Creatinine:
        if (ucum == u"umol/L")
            return UnitResult{v / 88.42, mgdl, true, true};
        if (ucum == u"mmol/L")
            return UnitResult{v * 1000.0 / 88.42, mgdl, true, true};
        break;
    case Analyte::Cholesterol:
        if (ucum == u"mmol/L")
            return UnitResult{v * 38.67, mgdl, true, true};
        break;
    case Analyte::Triglycerides:
        if (ucum == u"mmol/L")
            return UnitResult{v * 88.57, mgdl, true, true};
        break;
    case Analyte::UreaNitrogen:
        if (ucum == u"mmol/L")
            return UnitResult{v * 2.801, mgdl, true, true};
        break;
    case Analyte::HbA1c:
        if (ucum == u"mmol/mol")
            return UnitResult{v * 0.09148 + 2.152, QStringLiteral("%"), true, true};
        break;
    case Analyte::Hemoglobin:
        if (ucum == u"g/L")
            return UnitResult{v / 10.0, QStringLiteral("g/dL"), true, true};
        if (ucum == u"mmol/L")
            return UnitResult{v * 1.6114, QStringLiteral("g/dL"), true, true}; // per monomer (16.114 g/mmol)
        break;
    case Analyte::Albumin:
        if (ucum == u"g/L")
            return UnitResult{v / 10.0, QStringLiteral("g/dL"), true, true};
        break;
    case Analyte::None:
        break;
    }
    return std::nullopt;
}

// Significant digits of a value as it was sent (JSON numbers keep no trailing zeros: "98.6" -> 3, "187" -> 3).
int significantDigits(double value)
{
    QString s = QString::number(std::abs(value), 'g', 15);
    if (const qsizetype e = s.indexOf(u'e'); e >= 0)
        s.truncate(e);
    s.remove(u'.');
    qsizetype first = 0;
    while (first < s.size() && s.at(first) == u'0')
        ++first;
    return int(std::max<qsizetype>(1, s.size() - first));
}

// A converted value keeps the precision of what was measured: the source's significant digits plus one, at least
// four (99 [degF] is 37.22 Cel, 187 [lb_av] is 84.82 kg; never 37.2222). Four digits keep the rounding far inside
// the de-duplication's value tolerance.
double roundLike(double converted, double source)
{
    if (converted == 0 || !std::isfinite(converted))
        return converted;
    const int digits = std::max(4, significantDigits(source) + 1);
    const double magnitude = std::floor(std::log10(std::abs(converted)));
    const double scale = std::pow(10.0, double(digits) - 1.0 - magnitude);
    const double rounded = std::round(converted * scale) / scale;
    return std::isfinite(rounded) ? rounded : converted;
}

} // namespace

QString Units::ucumFromText(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 48)
        return {};
    return textTable().value(t.toString().toLower());
}

QString Units::massEquivalentLoinc(const QString& loincCode)
{
    const auto it = analyteTable().constFind(loincCode);
    if (it != analyteTable().cend() && it->massCode)
        return QString::fromUtf16(it->massCode);
    return loincCode;
}

UnitResult Units::convert(double value, const QString& unitText, const QString& system, const QString& code,
                          QStringView loincCode)
{
    UnitResult keep{value, unitText.isEmpty() ? code : unitText, false, false};
    if (!std::isfinite(value))
        return keep;

    QString ucum;
    if (!system.isEmpty()) {
        if (!isUcumSystem(system))
            return keep; // e.g. Epic's OID dose units: never guess
        ucum = code.trimmed();
        if (ucum.isEmpty())
            ucum = ucumFromText(unitText);
        if (ucum.isEmpty())
            return keep;
    } else {
        ucum = ucumFromText(code);
        if (ucum.isEmpty())
            ucum = ucumFromText(unitText);
        if (ucum.isEmpty())
            return keep;
    }

    const auto k = kindTable().constFind(ucum);
    if (k != kindTable().cend()) {
        double v = value * k->factor + k->offset;
        if (!std::isfinite(v))
            return keep;
        if (k->factor != 1.0 || k->offset != 0.0)
            v = roundLike(v, value);
        const QString target = canonicalFor(k->kind);
        return UnitResult{v, target, true, target != ucum};
    }
    if (!loincCode.isEmpty()) {
        const auto a = analyteTable().constFind(loincCode.toString());
        if (a != analyteTable().cend()) {
            if (auto r = convertAnalyte(a->analyte, value, ucum); r && std::isfinite(r->value)) {
                if (r->value != value)
                    r->value = roundLike(r->value, value);
                return *r;
            }
        }
    }
    return UnitResult{value, ucum, true, false};
}

} // namespace hh::clinical
