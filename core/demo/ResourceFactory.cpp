#include "core/demo/ResourceFactory.h"

#include <QHash>
#include <QJsonArray>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hh::demo::detail {

namespace {

using O = QJsonObject;
using A = QJsonArray;

const QString kUcum = u"http://unitsofmeasure.org"_s;
const QString kLoincSys = u"http://loinc.org"_s;
const QString kSnomedSys = u"http://snomed.info/sct"_s;
const QString kRxNormSys = u"http://www.nlm.nih.gov/research/umls/rxnorm"_s;
const QString kEpicOid = u"urn:oid:1.2.840.114350.1.13.0.1.7"_s; // Epic's own code systems hang below this
const QString kAhPractice = u"https://fhir.athena.io/StructureDefinition/ah-practice"_s;
const QString kAhCsg = u"https://fhir.athena.io/StructureDefinition/ah-chart-sharing-group"_s;

QString s(const char* c)
{
    return c ? QString::fromUtf8(c) : QString();
}

double round(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

O coding(const QString& system, const QString& code, const QString& display = {})
{
    O c{{u"system"_s, system}, {u"code"_s, code}};
    if (!display.isEmpty())
        c[u"display"_s] = display;
    return c;
}

O coding(const Code& c)
{
    return coding(s(c.system), s(c.code), s(c.display));
}

O codeable(const A& codings, const QString& text = {})
{
    O cc{{u"coding"_s, codings}};
    if (!text.isEmpty())
        cc[u"text"_s] = text;
    return cc;
}

O quantity(double value, const QString& ucum, const QString& unitText = {})
{
    return O{{u"value"_s, value},
             {u"unit"_s, unitText.isEmpty() ? ucum : unitText},
             {u"system"_s, kUcum},
             {u"code"_s, ucum}};
}

QString utc(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}
QString utcMs(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}
QString day(const QDateTime& t)
{
    return t.toUTC().date().toString(Qt::ISODate);
}
QString day(const QDate& d)
{
    return d.toString(Qt::ISODate);
}
QDate isoDate(const char* c)
{
    return QDate::fromString(QString::fromLatin1(c), Qt::ISODate);
}
QDateTime at(const QDate& d, int hourUtc)
{
    return QDateTime(d, QTime(hourUtc, 0), Qt::UTC);
}

QString ref(Vendor v, const ResourceKey& key)
{
    return segResourceType(key.seg) + u'/' + resourceId(v, key);
}

QString patientDisplay(int p)
{
    const PersonDef& d = person(p);
    return u"%1, %2 %3"_s.arg(s(d.family), s(d.given), s(d.middle));
}

QString patientFullName(int p)
{
    const PersonDef& d = person(p);
    return u"%1 %2 %3"_s.arg(s(d.given), s(d.middle), s(d.family));
}

ResourceKey patientKey(int p)
{
    return {Seg::Patient, p, 0};
}
ResourceKey practitionerKey(int index)
{
    return {Seg::Practitioner, kShared, index};
}
ResourceKey organizationKey(int index)
{
    return {Seg::Organization, kShared, index};
}
ResourceKey locationKey(int index)
{
    return {Seg::Location, kShared, index};
}

int locationIndex(const Plan& plan)
{
    return plan.vendor == Vendor::Epic && plan.patient == 3 ? 1 : 0;
}

QString practitionerName(Vendor v, int index)
{
    const PractitionerDef d = practitioners(v).at(index);
    const bool np = QByteArrayView(d.specialty).contains("Nurse");
    return u"%1 %2, %3"_s.arg(s(d.given), s(d.family), np ? u"NP"_s : u"MD"_s);
}

// Subject / patient reference in each vendor's style.
O epicSubject(int p)
{
    return O{{u"reference"_s, ref(Vendor::Epic, patientKey(p))}, {u"display"_s, patientDisplay(p)}};
}

O athenaSubject(int p, bool typed = false)
{
    O o{{u"reference"_s, ref(Vendor::Athena, patientKey(p))}};
    if (typed)
        o[u"type"_s] = u"Patient"_s;
    return o;
}

O epicPractitionerRef(int index)
{
    return O{{u"reference"_s, ref(Vendor::Epic, practitionerKey(index))},
             {u"type"_s, u"Practitioner"_s},
             {u"display"_s, practitionerName(Vendor::Epic, index)}};
}

O athenaRef(const ResourceKey& key)
{
    return O{{u"reference"_s, ref(Vendor::Athena, key)}};
}

A athenaExtensions()
{
    return A{O{{u"url"_s, kAhPractice}, {u"valueReference"_s, athenaRef(organizationKey(0))}},
             O{{u"url"_s, kAhCsg}, {u"valueReference"_s, athenaRef(organizationKey(1))}}};
}

O athenaMeta(const Plan& plan, Seg seg, qint64 index, const QString& profile = {})
{
    O meta{{u"lastUpdated"_s, utcMs(itemLastUpdated(plan, seg, index))}};
    if (!profile.isEmpty())
        meta[u"profile"_s] = A{profile};
    return meta;
}

// Athena-style envelope: id, identifier, extensions and meta on every patient resource.
O athenaBase(const Plan& plan, Seg seg, qint64 index, const QString& identifierSystem = {})
{
    const QString id = resourceId(Vendor::Athena, keyFor(plan, seg, index));
    O o{{u"resourceType"_s, segResourceType(seg)},
        {u"id"_s, id},
        {u"extension"_s, athenaExtensions()},
        {u"meta"_s, athenaMeta(plan, seg, index)}};
    O ident{{u"value"_s, id}};
    if (!identifierSystem.isEmpty())
        ident[u"system"_s] = identifierSystem;
    o[u"identifier"_s] = A{ident};
    return o;
}

O epicBase(const Plan& plan, Seg seg, qint64 index)
{
    return O{{u"resourceType"_s, segResourceType(seg)},
             {u"id"_s, resourceId(Vendor::Epic, keyFor(plan, seg, index))}};
}

O epicIdentifier(const QString& oidSuffix, const QString& value)
{
    return O{{u"use"_s, u"usual"_s}, {u"system"_s, kEpicOid + oidSuffix}, {u"value"_s, value}};
}

O status(const QString& system, const QString& code, const QString& display, bool epic)
{
    O c = coding(system, code, display);
    if (epic)
        c[u"version"_s] = u"4.0.0"_s;
    return codeable(A{c}, display);
}

QString capitalised(const QString& text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

// --- Vital signs -----------------------------------------------------------------------------------------------

struct VitalDef {
    const char* loinc;
    const char* display;
    const char* text;
    const char* epicFlowsheet; // Epic flowsheet row id
    const char* ucum;
};

const VitalDef kVitals[kVitalsPerVisit] = {
    {"85354-9", "Blood pressure panel with all children optional", "Blood Pressure", "5", "mm[Hg]"},
    {"8867-4", "Heart rate", "Pulse", "8", "/min"},
    {"9279-1", "Respiratory rate", "Resp", "9", "/min"},
    {"8310-5", "Body temperature", "Temp", "6", "Cel"},
    {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "SpO2", "10", "%"},
    {"29463-7", "Body weight", "Weight", "14", "kg"},
    {"8302-2", "Body height", "Height", "11", "cm"},
    {"39156-5", "Body mass index (BMI) [Ratio]", "BMI", "301070", "kg/m2"},
};

O vitalCategory(bool athena)
{
    O c = codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/observation-category"_s, u"vital-signs"_s,
                            u"Vital Signs"_s)},
                   athena
                       ? u"Clinical observations measure the body's basic functions such as blood pressure, heart "
                         u"rate, respiratory rate, height, weight, body mass index, head circumference, pulse "
                         u"oximetry, temperature, and body surface area."_s
                       : u"Vital Signs"_s);
    return c;
}

O labCategory(bool epic)
{
    O c = codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/observation-category"_s, u"laboratory"_s,
                            u"Laboratory"_s)});
    if (epic)
        c[u"text"_s] = u"Laboratory"_s;
    return c;
}

O buildVital(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const qint64 visit = index / kVitalsPerVisit;
    const int v = int(index % kVitalsPerVisit);
    const VitalDef& def = kVitals[v];
    const VitalValue val = vitalValue(plan, v, visit);
    const QDateTime when = plan.visitTime(visit);
    const ResourceKey encounter = keyFor(plan, Seg::Encounter, visit);

    O o = epic ? epicBase(plan, Seg::VitalObs, index)
               : athenaBase(plan, Seg::VitalObs, index, u"https://fhir.athena.io/sid/ah-observation"_s);
    o[u"status"_s] = u"final"_s;
    o[u"category"_s] = A{vitalCategory(!epic)};
    A codings;
    if (epic) {
        codings.append(coding(kEpicOid + u".2.707679"_s, s(def.epicFlowsheet), s(def.text)));
        codings.append(coding(kLoincSys, s(def.loinc), s(def.display)));
        if (v == 4)
            codings.append(coding(kLoincSys, u"2708-6"_s, u"Oxygen saturation in Arterial blood"_s));
        codings.append(coding(kLoincSys, u"8716-3"_s, u"Vital signs"_s));
        o[u"code"_s] = codeable(codings, s(def.text));
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"encounter"_s] =
            O{{u"reference"_s, ref(Vendor::Epic, encounter)},
              {u"identifier"_s,
               epicIdentifier(u".3.698084.8"_s, QString::number(900000 + encounter.index * 7 + plan.patient))},
              {u"display"_s, u"Office Visit"_s}};
        o[u"effectiveDateTime"_s] = utc(when);
        o[u"issued"_s] = utc(when.addSecs(600));
        o[u"performer"_s] = A{epicPractitionerRef(plan.practitioners.first())};
    } else {
        codings.append(coding(kLoincSys, s(def.loinc), s(def.display)));
        if (v == 4)
            codings.prepend(coding(kLoincSys, u"2708-6"_s, u"Oxygen saturation"_s));
        o[u"code"_s] = codeable(codings);
        o[u"subject"_s] = athenaSubject(plan.patient, true);
        o[u"effectiveDateTime"_s] = day(when); // athena: date only
        o[u"encounter"_s] = athenaRef(encounter);
    }
    if (v == 0) {
        const auto comp = [&](const char* loinc, const char* display, double value) {
            return O{
                {u"code"_s, codeable(A{coding(kLoincSys, s(loinc), s(display))}, epic ? s(display) : QString())},
                {u"valueQuantity"_s, quantity(std::round(value), u"mm[Hg]"_s)}};
        };
        o[u"component"_s] = A{comp("8480-6", "Systolic blood pressure", val.systolic),
                              comp("8462-4", "Diastolic blood pressure", val.diastolic)};
        return o;
    }
    double value = val.value;
    QString ucum = s(def.ucum);
    QString unitText;
    switch (v) {
    case 1:
        value = std::round(value);
        unitText = epic ? QString() : u"Beats / minute"_s;
        break;
    case 2:
        unitText = epic ? QString() : u"Breaths / minute"_s;
        break;
    case 3:
        if (epic) {
            value = round(value, 1);
        } else {
            value = round(value * 9.0 / 5.0 + 32.0, 1);
            ucum = u"[degF]"_s;
            unitText = u"degree Fahrenheit"_s;
        }
        break;
    case 4:
        unitText = epic ? QString() : u"percent"_s;
        break;
    case 5:
        if (epic) {
            value = round(value, 1);
        } else {
            value = round(value * 1000.0, 2);
            ucum = u"g"_s;
            unitText = u"gram"_s;
        }
        break;
    case 6:
        value = round(value, epic ? 1 : 2);
        unitText = epic ? QString() : u"centimeter"_s;
        break;
    default:
        value = round(value, epic ? 2 : 1);
        unitText = epic ? QString() : u"kilogram / (meter ^ 2)"_s;
        break;
    }
    o[u"valueQuantity"_s] = quantity(value, ucum, unitText);
    return o;
}

// --- Laboratory ------------------------------------------------------------------------------------------------

struct LabPoint {
    int analyteIndex = 0;
    qint64 draw = 0;     // index in this plan
    qint64 epicDraw = 0; // index in the Epic numbering (same as draw unless mirrored)
    qint64 epicDraws = 0;
    double value = 0;
    QDateTime when;
};

LabPoint labPoint(const Plan& plan, qint64 index)
{
    LabPoint p;
    const qint64 per = plan.analytes.size();
    p.draw = index / per;
    p.analyteIndex = plan.analytes.at(int(index % per));
    p.epicDraw = plan.mirrorsEpicDraws ? 2 * p.draw + 1 : p.draw;
    p.epicDraws = plan.mirrorsEpicDraws ? plan.epicDraws : plan.draws;
    const AnalyteDef& a = analyte(p.analyteIndex);
    p.value = round(labValue(plan.patient, p.analyteIndex, p.epicDraw, p.epicDraws), a.decimals);
    p.when = plan.drawTime(p.draw);
    return p;
}

QString interpretationCode(const AnalyteDef& a, double value)
{
    if (!std::isnan(a.low) && value < a.low)
        return u"L"_s;
    if (!std::isnan(a.high) && value > a.high)
        return u"H"_s;
    return u"N"_s;
}

QString rangeText(const AnalyteDef& a)
{
    const auto num = [&](double v) { return QString::number(v, 'f', a.decimals); };
    if (std::isnan(a.high))
        return u">=%1"_s.arg(num(a.low));
    return u"%1 - %2"_s.arg(num(a.low), num(a.high));
}

O buildLab(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const LabPoint p = labPoint(plan, index);
    const AnalyteDef& a = analyte(p.analyteIndex);
    O o = epic ? epicBase(plan, Seg::LabObs, index)
               : athenaBase(plan, Seg::LabObs, index, u"https://fhir.athena.io/sid/ah-observation"_s);
    o[u"status"_s] = u"final"_s;
    o[u"category"_s] = A{labCategory(epic)};
    const QString interp = interpretationCode(a, p.value);
    if (epic) {
        o[u"code"_s] =
            codeable(A{coding(kEpicOid + u".2.768282"_s, QString::number(1400 + p.analyteIndex), s(a.text)),
                       coding(kLoincSys, s(a.loinc), s(a.display))},
                     s(a.text));
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"effectiveDateTime"_s] = utc(p.when);
        o[u"issued"_s] = utc(p.when.addSecs(5 * 3600));
        o[u"performer"_s] = A{epicPractitionerRef(plan.practitioners.first())};
        o[u"valueQuantity"_s] = quantity(p.value, s(a.unit));
        static const QHash<QString, QString> kInterp{
            {u"H"_s, u"High"_s}, {u"L"_s, u"Low"_s}, {u"N"_s, u"Normal"_s}};
        o[u"interpretation"_s] =
            A{codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s, interp,
                                kInterp[interp])},
                       kInterp[interp])};
        O range{{u"text"_s, rangeText(a)}};
        if (!std::isnan(a.low))
            range[u"low"_s] = quantity(a.low, s(a.unit));
        if (!std::isnan(a.high))
            range[u"high"_s] = quantity(a.high, s(a.unit));
        o[u"referenceRange"_s] = A{range};
    } else {
        o[u"code"_s] = codeable(A{coding(kLoincSys, s(a.loinc), s(a.display))}, s(a.text).toLower());
        o[u"subject"_s] = athenaSubject(plan.patient, true);
        // athena reports lab times as local midnight with an offset, and units without a UCUM system.
        o[u"effectiveDateTime"_s] = p.when.toUTC().date().toString(Qt::ISODate) + u"T00:00:00-05:00"_s;
        o[u"valueQuantity"_s] = O{{u"value"_s, p.value}, {u"unit"_s, s(a.unit)}};
        o[u"referenceRange"_s] = A{O{{u"text"_s, rangeText(a)}}};
        if (interp != u"N")
            o[u"interpretation"_s] = A{codeable(
                A{coding(u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s, interp)})};
    }
    return o;
}

O buildDiagnosticReport(const Plan& plan, qint64 draw)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const qint64 per = plan.analytes.size();
    O o = epic ? epicBase(plan, Seg::DiagReport, draw) : athenaBase(plan, Seg::DiagReport, draw);
    o[u"status"_s] = u"final"_s;
    o[u"category"_s] =
        A{codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/v2-0074"_s, u"LAB"_s, u"Laboratory"_s)},
                   epic ? u"Lab"_s : QString())};
    o[u"code"_s] = codeable(A{coding(plan.panel)}, s(plan.panel.display));
    A results;
    for (qint64 i = 0; i < per; ++i) {
        const ResourceKey obs = keyFor(plan, Seg::LabObs, draw * per + i);
        O r{{u"reference"_s, ref(plan.vendor, obs)}};
        if (epic)
            r[u"display"_s] = s(analyte(plan.analytes.at(int(i))).text);
        results.append(r);
    }
    o[u"result"_s] = results;
    const QDateTime when = plan.drawTime(draw);
    if (epic) {
        o[u"identifier"_s] = A{epicIdentifier(u".2.798268"_s, QString::number(7000000 + draw * 4 + plan.patient))};
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"effectiveDateTime"_s] = utc(when);
        o[u"issued"_s] = utc(when.addSecs(5 * 3600));
        o[u"performer"_s] = A{epicPractitionerRef(plan.practitioners.first())};
    } else {
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"effectiveDateTime"_s] = day(when);
        o[u"issued"_s] = utcMs(when.addSecs(5 * 3600));
        o[u"performer"_s] = A{athenaRef(organizationKey(2))};
    }
    return o;
}

// --- Visits ------------------------------------------------------------------------------------------------

QString noteHtml(const Plan& plan, qint64 visit)
{
    const QDateTime when = plan.visitTime(visit);
    const PersonDef& who = person(plan.patient);
    QString body =
        u"<html><head><meta charset=\"utf-8\"><title>Progress note</title></head><body>"
        u"<h1>Progress note</h1><p>Date of service: %1</p><p>Patient: %2 %3</p>"
        u"<p>Reason for visit: %4.</p>"_s.arg(day(when), s(who.given), s(who.family), s(plan.visitReason));
    const VitalValue bp = vitalValue(plan, 0, visit);
    body += u"<p>Vitals: BP %1/%2 mmHg, pulse %3/min, weight %4 kg.</p>"_s.arg(int(std::round(bp.systolic)))
                .arg(int(std::round(bp.diastolic)))
                .arg(int(std::round(vitalValue(plan, 1, visit).value)))
                .arg(QString::number(vitalValue(plan, 5, visit).value, 'f', 1));
    body += u"<p>Assessment and plan: stable; continue current medications; follow up as scheduled.</p>"
            u"<p>Electronically signed by %1.</p></body></html>"_s.arg(
                practitionerName(plan.vendor, plan.practitioners.first()));
    return body;
}

O buildEncounter(const Plan& plan, qint64 visit)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const QDateTime start = plan.visitTime(visit);
    const QDateTime end = start.addSecs(30 * 60);
    const int practitioner = plan.practitioners.first();
    O o = epic ? epicBase(plan, Seg::Encounter, visit)
               : athenaBase(plan, Seg::Encounter, visit, u"https://fhir.athena.io/sid/ah-encounter"_s);
    o[u"status"_s] = u"finished"_s;
    o[u"class"_s] = O{{u"system"_s, u"http://terminology.hl7.org/CodeSystem/v3-ActCode"_s},
                      {u"code"_s, u"AMB"_s},
                      {u"display"_s, epic ? u"Ambulatory"_s : u"ambulatory"_s}};
    const O participantType = codeable(
        A{coding(u"http://terminology.hl7.org/CodeSystem/v3-ParticipationType"_s, u"ATND"_s, u"attender"_s)},
        epic ? u"attender"_s : QString());
    if (epic) {
        o[u"identifier"_s] =
            A{epicIdentifier(u".3.698084.8"_s, QString::number(900000 + visit * 7 + plan.patient))};
        o[u"type"_s] = A{
            codeable(A{coding(kEpicOid + u".10.698084.30"_s, u"101"_s, u"Office Visit"_s), coding(plan.visitType)},
                     u"Office Visit"_s)};
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"participant"_s] = A{O{{u"type"_s, A{participantType}},
                                  {u"period"_s, O{{u"start"_s, utc(start)}, {u"end"_s, utc(end)}}},
                                  {u"individual"_s, epicPractitionerRef(practitioner)}}};
        o[u"period"_s] = O{{u"start"_s, utc(start)}, {u"end"_s, utc(end)}};
        o[u"reasonCode"_s] = A{O{{u"text"_s, s(plan.visitReason)}}};
        const ResourceKey loc = locationKey(locationIndex(plan));
        o[u"location"_s] =
            A{O{{u"location"_s, O{{u"reference"_s, ref(Vendor::Epic, loc)},
                                  {u"display"_s, locationIndex(plan) == 1 ? u"Lakeside Pediatrics"_s
                                                                          : u"Lakeside Primary Care"_s}}}}};
        o[u"serviceProvider"_s] =
            O{{u"reference"_s, ref(Vendor::Epic, organizationKey(0))}, {u"display"_s, u"Lakeside Health"_s}};
    } else {
        o[u"type"_s] = A{codeable(A{coding(plan.visitType)}, s(plan.visitType.display))};
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"participant"_s] = A{O{{u"type"_s, A{participantType}},
                                  {u"period"_s, O{{u"start"_s, utc(start)}, {u"end"_s, utc(end)}}},
                                  {u"individual"_s, athenaRef(practitionerKey(practitioner))}}};
        o[u"period"_s] = O{{u"start"_s, utc(start)}, {u"end"_s, utc(end)}};
        o[u"reasonCode"_s] = A{O{{u"text"_s, s(plan.visitReason).toLower()}}};
        o[u"location"_s] = A{O{{u"location"_s, athenaRef(locationKey(0))}}};
        o[u"serviceProvider"_s] = athenaRef(organizationKey(2));
        o[u"meta"_s] = athenaMeta(plan, Seg::Encounter, visit,
                                  u"http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter"_s);
    }
    return o;
}

O buildDocumentReference(const Plan& plan, qint64 visit)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const QDateTime when = plan.visitTime(visit).addSecs(45 * 60);
    const ResourceKey encounter = keyFor(plan, Seg::Encounter, visit);
    const int practitioner = plan.practitioners.first();
    O o = epic ? epicBase(plan, Seg::DocRef, visit)
               : athenaBase(plan, Seg::DocRef, visit, u"https://fhir.athena.io/sid/ah-documentreference"_s);
    o[u"status"_s] = u"current"_s;
    const O category =
        codeable(A{coding(u"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"_s,
                          u"clinical-note"_s, u"Clinical Note"_s)},
                 epic ? u"Clinical Note"_s : QString());
    o[u"category"_s] = A{category};
    if (epic) {
        o[u"identifier"_s] =
            A{O{{u"system"_s, u"urn:ietf:rfc:3986"_s},
                {u"value"_s,
                 u"urn:oid:1.2.840.114350.1.13.0.1.7.8.688883.%1"_s.arg(5000000 + visit * 4 + plan.patient)}}};
        o[u"docStatus"_s] = u"final"_s;
        o[u"type"_s] = codeable(A{coding(kEpicOid + u".4.737880.5010"_s, u"1"_s, u"Progress Notes"_s),
                                  coding(kLoincSys, u"11506-3"_s, u"Progress note"_s)},
                                u"Progress Notes"_s);
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"date"_s] = utc(when);
        o[u"author"_s] = A{epicPractitionerRef(practitioner)};
        o[u"custodian"_s] =
            O{{u"reference"_s, ref(Vendor::Epic, organizationKey(0))}, {u"display"_s, u"Lakeside Health"_s}};
        o[u"content"_s] =
            A{O{{u"attachment"_s, O{{u"contentType"_s, u"text/html"_s},
                                    {u"url"_s, ref(Vendor::Epic, keyFor(plan, Seg::Binary, visit))}}},
                {u"format"_s, coding(u"http://ihe.net/fhir/ValueSet/IHE.FormatCode.codesystem"_s,
                                     u"urn:ihe:iti:xds:2017:mimeTypeSufficient"_s, u"mimeType Sufficient"_s)}}};
        o[u"context"_s] =
            O{{u"encounter"_s,
               A{O{{u"reference"_s, ref(Vendor::Epic, encounter)}, {u"display"_s, u"Office Visit"_s}}}},
              {u"period"_s, O{{u"start"_s, utc(plan.visitTime(visit))}}}};
    } else {
        // athena's quirk: a LOINC document-section code under a non-LOINC system URL, and the note inline.
        o[u"type"_s] = O{{u"coding"_s, A{coding(u"https://hl7.org/fhir/valueset-doc-section-codes.html"_s,
                                                u"10164-2"_s, u"History of Present Illness Narrative"_s),
                                         coding(u"https://fhir.athena.io/CodeSystem/ah-encounter-section-item"_s,
                                                u"HPINote"_s, u"History of Present Illness Note"_s)}}};
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"date"_s] = utcMs(when);
        o[u"author"_s] = A{athenaRef(practitionerKey(practitioner))};
        o[u"custodian"_s] = athenaRef(organizationKey(0));
        o[u"content"_s] = A{
            O{{u"attachment"_s, O{{u"contentType"_s, u"text/html"_s},
                                  {u"data"_s, QString::fromLatin1(noteHtml(plan, visit).toUtf8().toBase64())}}}}};
        o[u"context"_s] =
            O{{u"encounter"_s, A{O{{u"reference"_s, ref(Vendor::Athena, encounter)},
                                   {u"identifier"_s, O{{u"system"_s, u"https://fhir.athena.io/sid/ah-encounter"_s},
                                                       {u"value"_s, resourceId(Vendor::Athena, encounter)}}}}}},
              {u"period"_s, O{{u"start"_s, utc(plan.visitTime(visit))}, {u"end"_s, utc(when)}}}};
    }
    return o;
}

// --- Fixed lists ---------------------------------------------------------------------------------------------

O buildCondition(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const ConditionDef& c = condition(plan.conditions.at(int(index)));
    O o = epic ? epicBase(plan, Seg::Condition, index) : athenaBase(plan, Seg::Condition, index);
    const QString clinical = s(c.clinical);
    o[u"clinicalStatus"_s] = status(u"http://terminology.hl7.org/CodeSystem/condition-clinical"_s, clinical,
                                    capitalised(clinical), epic);
    o[u"verificationStatus"_s] = status(u"http://terminology.hl7.org/CodeSystem/condition-ver-status"_s,
                                        u"confirmed"_s, u"Confirmed"_s, epic);
    o[u"category"_s] = A{codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/condition-category"_s,
                                           u"problem-list-item"_s, u"Problem List Item"_s)},
                                  u"Problem List Item"_s)};
    if (epic) {
        // Epic lists ICD-10-CM first, then SNOMED CT, then its own diagnosis record.
        o[u"code"_s] = codeable(A{coding(c.icd10), coding(c.snomed),
                                  coding(kEpicOid + u".2.728286"_s,
                                         QString::number(30000 + plan.conditions.at(int(index))), s(c.text))},
                                s(c.text));
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"onsetDateTime"_s] = s(c.onset);
        o[u"recordedDate"_s] = s(c.onset);
    } else {
        o[u"code"_s] = codeable(A{coding(c.snomed), coding(c.icd10)}, s(c.text));
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"onsetDateTime"_s] = s(c.onset);
        o[u"recordedDate"_s] = utc(at(isoDate(c.onset).addDays(3), 16));
        o[u"meta"_s] = athenaMeta(plan, Seg::Condition, index,
                                  u"http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition"_s);
    }
    if (c.abatement)
        o[u"abatementDateTime"_s] = s(c.abatement);
    return o;
}

O buildAllergy(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const AllergyDef& a = allergy(plan.allergies.at(int(index)));
    O o = epic ? epicBase(plan, Seg::Allergy, index) : athenaBase(plan, Seg::Allergy, index);
    o[u"clinicalStatus"_s] = status(u"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"_s,
                                    u"active"_s, u"Active"_s, epic);
    o[u"verificationStatus"_s] = status(u"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"_s,
                                        u"confirmed"_s, u"Confirmed"_s, epic);
    if (a.category)
        o[u"category"_s] = A{s(a.category)};
    if (a.criticality)
        o[u"criticality"_s] = s(a.criticality);
    if (epic) {
        A codings{coding(a.epicCode)};
        if (qstrcmp(a.epicCode.system, a.athenaCode.system) != 0)
            codings.append(coding(a.athenaCode));
        o[u"code"_s] = codeable(codings, s(a.text));
        o[u"patient"_s] = epicSubject(plan.patient);
        o[u"recordedDate"_s] = utc(at(isoDate(a.recorded), 15));
        if (a.category)
            o[u"type"_s] = u"allergy"_s;
    } else {
        o[u"code"_s] = codeable(A{coding(a.athenaCode)}, s(a.text).toLower());
        o[u"patient"_s] = athenaSubject(plan.patient);
        o[u"recordedDate"_s] = isoDate(a.recorded).toString(Qt::ISODate) + u"T11:14:33-04:00"_s;
    }
    if (a.reaction) {
        O manifestation =
            codeable(A{coding(kSnomedSys, s(a.reaction), s(a.reactionDisplay))}, s(a.reactionDisplay));
        O reaction{{u"manifestation"_s, A{manifestation}}};
        if (epic)
            reaction[u"severity"_s] = u"severe"_s;
        o[u"reaction"_s] = A{reaction};
    }
    return o;
}

O buildMedicationRequest(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const MedOrderDef& m = plan.meds.at(int(index));
    const DrugDef& d = drug(m.drug);
    const ResourceKey med{Seg::Medication, kShared, m.drug};
    O o = epic ? epicBase(plan, Seg::MedRequest, index) : athenaBase(plan, Seg::MedRequest, index);
    o[u"status"_s] = s(m.status);
    o[u"intent"_s] = u"order"_s;
    o[u"authoredOn"_s] = s(m.authoredOn);
    const O route = codeable(A{coding(kSnomedSys, s(d.route), s(d.routeDisplay))}, s(d.routeDisplay));
    if (epic) {
        o[u"identifier"_s] =
            A{epicIdentifier(u".2.798268"_s, QString::number(1066000 + index * 10 + plan.patient))};
        o[u"category"_s] =
            A{codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/medicationrequest-category"_s,
                                u"community"_s, u"Community"_s)},
                       u"Community"_s)};
        o[u"medicationReference"_s] = O{{u"reference"_s, ref(Vendor::Epic, med)}, {u"display"_s, s(d.text)}};
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"requester"_s] = epicPractitionerRef(plan.practitioners.first());
        o[u"recorder"_s] = epicPractitionerRef(plan.practitioners.first());
        o[u"courseOfTherapyType"_s] =
            codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy"_s,
                              u"continuous"_s, u"Continuous long term therapy"_s)},
                     u"Continuous long term therapy"_s);
        o[u"dosageInstruction"_s] =
            A{O{{u"text"_s, s(d.sig)},
                {u"patientInstruction"_s, s(d.sig)},
                {u"timing"_s, O{{u"repeat"_s, O{{u"boundsPeriod"_s, O{{u"start"_s, s(m.authoredOn)}}}}}}},
                {u"asNeededBoolean"_s, QByteArrayView(d.sig).contains("as needed")},
                {u"route"_s, route}}};
        o[u"dispenseRequest"_s] =
            O{{u"validityPeriod"_s, O{{u"start"_s, s(m.authoredOn)}}}, {u"numberOfRepeatsAllowed"_s, 3}};
    } else {
        o[u"category"_s] =
            A{codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/medicationrequest-category"_s,
                                u"outpatient"_s, u"Outpatient"_s)})};
        o[u"medicationReference"_s] = athenaRef(med);
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"requester"_s] = athenaRef(practitionerKey(plan.practitioners.first()));
        o[u"dosageInstruction"_s] = A{O{{u"text"_s, s(d.sig)}, {u"route"_s, route}}};
    }
    return o;
}

O buildMedication(Vendor vendor, int drugIndex)
{
    const DrugDef& d = drug(drugIndex);
    const ResourceKey key{Seg::Medication, kShared, drugIndex};
    O o{{u"resourceType"_s, u"Medication"_s}, {u"id"_s, resourceId(vendor, key)}};
    if (vendor == Vendor::Epic) {
        o[u"identifier"_s] = A{epicIdentifier(u".2.698288"_s, QString::number(90000 + drugIndex * 13))};
        o[u"code"_s] = codeable(A{coding(kRxNormSys, s(d.rxcui), s(d.name)),
                                  coding(kRxNormSys, s(d.ingredient), s(d.ingredientName)),
                                  coding(kEpicOid + u".2.698288"_s, QString::number(90000 + drugIndex * 13))},
                                s(d.text));
        o[u"form"_s] =
            codeable(A{coding(kEpicOid + u".4.698288.310"_s, s(d.form).toUpper().left(4), s(d.form))}, s(d.form));
        o[u"ingredient"_s] =
            A{O{{u"itemCodeableConcept"_s,
                 codeable(A{coding(kRxNormSys, s(d.ingredient), s(d.ingredientName))}, s(d.ingredientName))}}};
    } else {
        o[u"code"_s] = codeable(A{coding(kRxNormSys, s(d.rxcui), s(d.name))}, s(d.name));
        o[u"extension"_s] = A{O{{u"url"_s, kAhPractice}, {u"valueReference"_s, athenaRef(organizationKey(0))}}};
    }
    return o;
}

O buildImmunization(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const ImmunizationDef& imm = plan.immunizations.at(int(index));
    O o = epic ? epicBase(plan, Seg::Immunization, index)
               : athenaBase(plan, Seg::Immunization, index, u"https://fhir.athena.io/sid/ah-immunization"_s);
    o[u"status"_s] = u"completed"_s;
    o[u"vaccineCode"_s] = codeable(A{epic ? coding(u"http://hl7.org/fhir/sid/cvx"_s, s(imm.cvx))
                                          : coding(u"http://hl7.org/fhir/sid/cvx"_s, s(imm.cvx), s(imm.display))},
                                   s(imm.display));
    o[u"occurrenceDateTime"_s] = day(imm.date);
    o[u"manufacturer"_s] = O{{u"display"_s, s(imm.manufacturer)}};
    o[u"lotNumber"_s] =
        QString::number(
            quint32(mix64(quint64(imm.date.toJulianDay()) * 131 + quint64(plan.patient)) % 900000 + 100000), 36)
            .toUpper();
    if (epic) {
        o[u"identifier"_s] = A{epicIdentifier(u".2.768076"_s, QString::number(29000 + index * 5 + plan.patient))};
        o[u"patient"_s] = epicSubject(plan.patient);
        o[u"primarySource"_s] = true;
        o[u"doseQuantity"_s] = O{{u"value"_s, 0.5},
                                 {u"unit"_s, u"mL"_s},
                                 {u"system"_s, kEpicOid + u".10.768076.4019"_s},
                                 {u"code"_s, u"1"_s}};
        o[u"performer"_s] = A{O{{u"actor"_s, epicPractitionerRef(plan.practitioners.first())}}};
    } else {
        o[u"patient"_s] = athenaSubject(plan.patient);
        o[u"primarySource"_s] = false; // registry copies ("historical")
        o[u"isSubpotent"_s] = false;
    }
    return o;
}

O buildProcedure(const Plan& plan, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const ProcedureDef& p = plan.procedures.at(int(index));
    O o = epic ? epicBase(plan, Seg::Procedure, index) : athenaBase(plan, Seg::Procedure, index);
    o[u"status"_s] = u"completed"_s;
    o[u"code"_s] = codeable(A{coding(p.code)}, s(p.code.display));
    if (epic) {
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"performedDateTime"_s] = utc(at(isoDate(p.date), 15));
        o[u"performer"_s] = A{O{{u"actor"_s, epicPractitionerRef(plan.practitioners.last())}}};
    } else {
        o[u"subject"_s] = athenaSubject(plan.patient);
        o[u"performedDateTime"_s] = s(p.date);
    }
    return o;
}

O buildSocial(const Plan& plan)
{
    const bool epic = plan.vendor == Vendor::Epic;
    O o = epic ? epicBase(plan, Seg::SocialObs, 0)
               : athenaBase(plan, Seg::SocialObs, 0, u"https://fhir.athena.io/sid/ah-observation"_s);
    o[u"status"_s] = u"final"_s;
    O category = codeable(A{coding(u"http://terminology.hl7.org/CodeSystem/observation-category"_s,
                                   u"social-history"_s, u"Social History"_s)},
                          epic ? u"Social History"_s : QString());
    o[u"category"_s] = A{category};
    o[u"code"_s] = codeable(A{coding(kLoincSys, u"72166-2"_s, u"Tobacco smoking status"_s)},
                            epic ? u"Tobacco smoking status"_s : QString());
    o[u"valueCodeableConcept"_s] =
        codeable(A{coding(kSnomedSys, plan.smokingCode, plan.smokingDisplay)}, plan.smokingDisplay);
    const QDateTime when = itemTime(plan, Seg::SocialObs, 0);
    if (epic) {
        o[u"subject"_s] = epicSubject(plan.patient);
        o[u"effectivePeriod"_s] = O{{u"start"_s, day(when)}}; // Epic: smoking status as a period
        o[u"issued"_s] = utc(when);
    } else {
        o[u"subject"_s] = athenaSubject(plan.patient, true);
        o[u"effectiveDateTime"_s] = day(when);
    }
    return o;
}

O buildGoal(const Plan& plan)
{
    O o = epicBase(plan, Seg::Goal, 0);
    if (plan.vendor == Vendor::Athena)
        o = athenaBase(plan, Seg::Goal, 0);
    o[u"lifecycleStatus"_s] = u"active"_s;
    o[u"description"_s] = O{{u"text"_s, u"Hemoglobin A1c below 8%"_s}};
    o[u"subject"_s] = plan.vendor == Vendor::Epic ? epicSubject(plan.patient) : athenaSubject(plan.patient);
    o[u"startDate"_s] = u"2019-03-12"_s;
    O detail{{u"value"_s, 8},
             {u"comparator"_s, u"<"_s},
             {u"unit"_s, u"%"_s},
             {u"system"_s, kUcum},
             {u"code"_s, u"%"_s}};
    o[u"target"_s] = A{O{
        {u"measure"_s, codeable(A{coding(kLoincSys, u"4548-4"_s, u"Hemoglobin A1c/Hemoglobin.total in Blood"_s)})},
        {u"detailQuantity"_s, detail},
        {u"dueDate"_s, u"2026-03-31"_s}}};
    return o;
}

QString nuccCode(const PractitionerDef& d, QString* display)
{
    const QByteArrayView sp(d.specialty);
    if (sp == "Pediatrics") {
        *display = u"Pediatrics Physician"_s;
        return u"208000000X"_s;
    }
    if (sp == "Cardiology") {
        *display = u"Cardiovascular Disease Physician"_s;
        return u"207RC0000X"_s;
    }
    if (sp == "Family Nurse Practitioner") {
        *display = u"Family Nurse Practitioner"_s;
        return u"363LF0000X"_s;
    }
    if (sp == "Family Medicine") {
        *display = u"Family Medicine Physician"_s;
        return u"207Q00000X"_s;
    }
    *display = u"Internal Medicine Physician"_s;
    return u"207R00000X"_s;
}

O buildCareTeam(const Plan& plan)
{
    const bool epic = plan.vendor == Vendor::Epic;
    O o = epic ? epicBase(plan, Seg::CareTeam, 0) : athenaBase(plan, Seg::CareTeam, 0);
    o[u"status"_s] = u"active"_s;
    o[u"category"_s] =
        A{codeable(A{coding(kLoincSys, u"LA28865-6"_s, u"Longitudinal care-coordination focused care team"_s)},
                   u"Longitudinal care-coordination focused care team"_s)};
    o[u"subject"_s] = epic ? epicSubject(plan.patient) : athenaSubject(plan.patient);
    A participants;
    const QList<PractitionerDef> all = practitioners(plan.vendor);
    for (int pr : plan.practitioners) {
        QString display;
        const QString code = nuccCode(all.at(pr), &display);
        participants.append(
            O{{u"role"_s, A{codeable(A{coding(u"http://nucc.org/provider-taxonomy"_s, code, display)}, display)}},
              {u"member"_s, epic ? epicPractitionerRef(pr) : athenaRef(practitionerKey(pr))}});
    }
    o[u"participant"_s] = participants;
    return o;
}

O buildCarePlan(const Plan& plan, Seg seg, qint64 index)
{
    const bool epic = plan.vendor == Vendor::Epic;
    O o = epic ? epicBase(plan, seg, index) : athenaBase(plan, seg, index);
    o[u"status"_s] = u"active"_s;
    o[u"intent"_s] = u"plan"_s;
    A category{codeable(A{coding(u"http://hl7.org/fhir/us/core/CodeSystem/careplan-category"_s, u"assess-plan"_s,
                                 u"Assessment and Plan of Treatment"_s)},
                        u"Assessment and Plan of Treatment"_s)};
    QString title = u"Plan for Patient Care"_s;
    if (epic && seg == Seg::CarePlanLong)
        category.append(codeable(A{coding(kSnomedSys, u"38717003"_s, u"Longitudinal"_s)}, u"Longitudinal"_s));
    if (epic && seg == Seg::CarePlanEnc) {
        category.append(codeable(A{coding(kSnomedSys, u"734163000"_s, u"Care plan"_s)}, u"Encounter"_s));
        const qint64 visit = std::max<qint64>(0, plan.visits - plan.encounterCarePlans + index);
        o[u"encounter"_s] = O{{u"reference"_s, ref(Vendor::Epic, keyFor(plan, Seg::Encounter, visit))},
                              {u"display"_s, u"Office Visit"_s}};
        title = plan.patient == 3 ? u"Asthma action plan"_s : u"After visit summary plan"_s;
    }
    o[u"category"_s] = category;
    o[u"text"_s] = O{{u"status"_s, u"generated"_s},
                     {u"div"_s, u"<div xmlns=\"http://www.w3.org/1999/xhtml\"><h1>%1</h1></div>"_s.arg(title)}};
    o[u"subject"_s] = epic ? epicSubject(plan.patient) : athenaSubject(plan.patient);
    o[u"period"_s] = O{{u"start"_s, day(itemTime(plan, seg, index))}};
    A addresses;
    for (int i = 0; i < plan.conditions.size() && seg == Seg::CarePlanLong; ++i)
        addresses.append(O{{u"reference"_s, ref(plan.vendor, keyFor(plan, Seg::Condition, i))}});
    if (!addresses.isEmpty())
        o[u"addresses"_s] = addresses;
    return o;
}

O buildDevice(const Plan& plan)
{
    const bool epic = plan.vendor == Vendor::Epic;
    O o = epic ? epicBase(plan, Seg::Device, 0) : athenaBase(plan, Seg::Device, 0);
    o[u"status"_s] = u"active"_s;
    o[u"type"_s] = codeable(A{coding(kSnomedSys, u"72506001"_s, u"Implantable defibrillator"_s)},
                            u"Implantable cardioverter-defibrillator"_s);
    o[u"deviceName"_s] =
        A{O{{u"name"_s, u"Implantable cardioverter-defibrillator"_s}, {u"type"_s, u"user-friendly-name"_s}}};
    o[u"patient"_s] = epic ? epicSubject(plan.patient) : athenaSubject(plan.patient);
    return o;
}

O buildCoverage(const Plan& plan)
{
    O o = athenaBase(plan, Seg::Coverage, 0);
    const bool medicare = plan.patient == 1 || plan.patient == 2;
    o[u"status"_s] = u"active"_s;
    o[u"type"_s] = O{{u"text"_s, medicare ? u"Medicare Part B"_s : u"Commercial PPO"_s}};
    o[u"beneficiary"_s] = athenaSubject(plan.patient);
    o[u"relationship"_s] = codeable(
        A{coding(u"http://terminology.hl7.org/CodeSystem/subscriber-relationship"_s,
                 plan.patient == 3 ? u"child"_s : u"self"_s, plan.patient == 3 ? u"Child"_s : u"Self"_s)});
    o[u"payor"_s] = A{O{{u"display"_s, medicare ? u"Medicare"_s : u"Prairie Mutual Health"_s}}};
    o[u"period"_s] = O{{u"start"_s, day(itemTime(plan, Seg::Coverage, 0))}};
    return o;
}

// --- Patient and shared resources ----------------------------------------------------------------------------

O raceExtension()
{
    return O{{u"url"_s, u"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"_s},
             {u"extension"_s,
              A{O{{u"url"_s, u"ombCategory"_s},
                  {u"valueCoding"_s, coding(u"urn:oid:2.16.840.1.113883.6.238"_s, u"2106-3"_s, u"White"_s)}},
                O{{u"url"_s, u"text"_s}, {u"valueString"_s, u"White"_s}}}}};
}

O ethnicityExtension()
{
    return O{{u"url"_s, u"http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"_s},
             {u"extension"_s, A{O{{u"url"_s, u"ombCategory"_s},
                                  {u"valueCoding"_s, coding(u"urn:oid:2.16.840.1.113883.6.238"_s, u"2186-5"_s,
                                                            u"Not Hispanic or Latino"_s)}},
                                O{{u"url"_s, u"text"_s}, {u"valueString"_s, u"Not Hispanic or Latino"_s}}}}};
}

O address(const PersonDef& d)
{
    return O{{u"use"_s, u"home"_s}, {u"line"_s, A{s(d.street)}},   {u"city"_s, u"Springfield"_s},
             {u"state"_s, u"IL"_s}, {u"postalCode"_s, u"62704"_s}, {u"country"_s, u"US"_s}};
}

O buildPatient(const Plan& plan)
{
    const bool epic = plan.vendor == Vendor::Epic;
    const PersonDef& d = person(plan.patient);
    const QString id = resourceId(plan.vendor, patientKey(plan.patient));
    O o{{u"resourceType"_s, u"Patient"_s}, {u"id"_s, id}};
    const QString gender = s(d.gender);
    const QString text = patientFullName(plan.patient);
    o[u"gender"_s] = gender;
    o[u"birthDate"_s] = s(d.birthDate);
    o[u"telecom"_s] = A{O{{u"system"_s, u"phone"_s}, {u"value"_s, s(d.phone)}, {u"use"_s, u"home"_s}}};
    o[u"address"_s] = A{address(d)};
    o[u"communication"_s] =
        A{O{{u"language"_s, codeable(A{coding(u"urn:ietf:bcp:47"_s, u"en"_s, u"English"_s)}, u"English"_s)},
            {u"preferred"_s, true}}};
    const int pr = plan.practitioners.first();
    if (epic) {
        o[u"extension"_s] =
            A{O{{u"url"_s, u"http://open.epic.com/FHIR/StructureDefinition/extension/legal-sex"_s},
                {u"valueCodeableConcept"_s,
                 codeable(A{coding(kEpicOid + u".10.698084.130.657370.19999000"_s, gender, gender)},
                          capitalised(gender))}},
              raceExtension(), ethnicityExtension()};
        o[u"identifier"_s] = A{O{{u"use"_s, u"usual"_s},
                                 {u"type"_s, O{{u"text"_s, u"EPI"_s}}},
                                 {u"system"_s, u"urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14"_s},
                                 {u"value"_s, QString::number(203700 + plan.patient * 17)}},
                               O{{u"use"_s, u"usual"_s},
                                 {u"type"_s, O{{u"text"_s, u"MYCHARTLOGIN"_s}}},
                                 {u"system"_s, u"urn:oid:1.2.840.114350.1.13.0.1.7.3.878082.110"_s},
                                 {u"value"_s, s(d.key).toUpper()}},
                               O{{u"use"_s, u"usual"_s},
                                 {u"type"_s, O{{u"text"_s, u"FHIR STU3"_s}}},
                                 {u"system"_s, u"http://open.epic.com/FHIR/StructureDefinition/patient-fhir-id"_s},
                                 {u"value"_s, id}}};
        o[u"active"_s] = true;
        const O name{{u"use"_s, u"official"_s},
                     {u"text"_s, text},
                     {u"family"_s, s(d.family)},
                     {u"given"_s, A{s(d.given), s(d.middle)}}};
        O usual = name;
        usual[u"use"_s] = u"usual"_s;
        o[u"name"_s] = A{name, usual};
        o[u"deceasedBoolean"_s] = false;
        o[u"maritalStatus"_s] = O{{u"text"_s, plan.patient == 3 ? u"Single"_s : u"Married"_s}};
        o[u"generalPractitioner"_s] = A{epicPractitionerRef(pr)};
        o[u"managingOrganization"_s] =
            O{{u"reference"_s, ref(Vendor::Epic, organizationKey(0))}, {u"display"_s, u"Lakeside Health"_s}};
    } else {
        A ext = athenaExtensions();
        ext.removeFirst(); // the Patient carries chart-sharing groups but no ah-practice
        ext.append(O{{u"url"_s, u"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"_s},
                     {u"valueCode"_s, gender == u"female" ? u"F"_s : u"M"_s}});
        ext.append(ethnicityExtension());
        ext.append(raceExtension());
        o[u"extension"_s] = ext;
        o[u"identifier"_s] = A{O{{u"system"_s, u"https://fhir.athena.io/sid/ah-patient"_s}, {u"value"_s, id}}};
        o[u"name"_s] = A{O{{u"use"_s, u"official"_s},
                           {u"family"_s, s(d.family)},
                           {u"given"_s, A{s(d.given), s(d.middle).left(1) + u'.'}}}};
        o[u"meta"_s] =
            O{{u"lastUpdated"_s, utcMs(at(anchorDate().addDays(-30), 18))},
              {u"security"_s,
               A{coding(u"http://terminology.hl7.org/CodeSystem/v3-Confidentiality"_s, u"N"_s, u"normal"_s)}}};
        o[u"generalPractitioner"_s] = A{athenaRef(practitionerKey(pr))};
    }
    return o;
}

O buildPractitioner(Vendor vendor, int index)
{
    const PractitionerDef d = practitioners(vendor).at(index);
    const ResourceKey key = practitionerKey(index);
    O o{{u"resourceType"_s, u"Practitioner"_s}, {u"id"_s, resourceId(vendor, key)}};
    QString display;
    const QString taxonomy = nuccCode(d, &display);
    const bool np = QByteArrayView(d.specialty).contains("Nurse");
    if (vendor == Vendor::Epic) {
        o[u"identifier"_s] = A{O{{u"use"_s, u"usual"_s},
                                 {u"type"_s, O{{u"text"_s, u"EXTERNAL"_s}}},
                                 {u"system"_s, kEpicOid + u".2.697780"_s},
                                 {u"value"_s, QString::number(1000 + index * 37)}}};
        o[u"active"_s] = true;
        o[u"name"_s] = A{O{{u"use"_s, u"usual"_s},
                           {u"text"_s, practitionerName(vendor, index)},
                           {u"family"_s, s(d.family)},
                           {u"given"_s, A{s(d.given)}},
                           {u"suffix"_s, A{np ? u"NP"_s : u"MD"_s}}}};
    } else {
        o[u"identifier"_s] = A{
            O{{u"system"_s, u"https://fhir.athena.io/sid/ah-provider"_s}, {u"value"_s, resourceId(vendor, key)}}};
        o[u"name"_s] = A{
            O{{u"family"_s, s(d.family)}, {u"given"_s, A{s(d.given)}}, {u"suffix"_s, A{np ? u"NP"_s : u"MD"_s}}}};
        o[u"extension"_s] = A{O{{u"url"_s, kAhPractice}, {u"valueReference"_s, athenaRef(organizationKey(0))}}};
    }
    o[u"qualification"_s] =
        A{O{{u"code"_s, codeable(A{coding(u"http://nucc.org/provider-taxonomy"_s, taxonomy, display)}, display)}}};
    return o;
}

O clinicAddress()
{
    return O{{u"line"_s, A{u"1200 Lakeshore Drive"_s}},
             {u"city"_s, u"Springfield"_s},
             {u"state"_s, u"IL"_s},
             {u"postalCode"_s, u"62704"_s},
             {u"country"_s, u"US"_s}};
}

O buildOrganization(Vendor vendor, int index)
{
    const ResourceKey key = organizationKey(index);
    O o{{u"resourceType"_s, u"Organization"_s}, {u"id"_s, resourceId(vendor, key)}, {u"active"_s, true}};
    if (vendor == Vendor::Epic) {
        o[u"identifier"_s] = A{epicIdentifier(u".2.696570"_s, u"10"_s)};
        o[u"name"_s] = u"Lakeside Health"_s;
        o[u"address"_s] = A{clinicAddress()};
        o[u"telecom"_s] = A{O{{u"system"_s, u"phone"_s}, {u"value"_s, u"555-0100"_s}}};
        return o;
    }
    switch (index) {
    case 0:
        o[u"name"_s] = u"Riverbend Medical Group"_s;
        o[u"identifier"_s] = A{O{{u"system"_s, u"https://fhir.athena.io/sid/ah-practice"_s},
                                 {u"value"_s, QString::number(kAthenaPractice)}}};
        break;
    case 1:
        o[u"name"_s] = u"Riverbend Medical Group - Chart Sharing Group 1"_s;
        break;
    default:
        o[u"name"_s] = u"Riverbend Medical Group - Main Street"_s;
        o[u"partOf"_s] = athenaRef(organizationKey(0));
        o[u"address"_s] = A{O{{u"line"_s, A{u"88 Main Street"_s}},
                              {u"city"_s, u"Springfield"_s},
                              {u"state"_s, u"IL"_s},
                              {u"postalCode"_s, u"62701"_s}}};
        break;
    }
    return o;
}

O buildLocation(Vendor vendor, int index)
{
    const ResourceKey key = locationKey(index);
    O o{{u"resourceType"_s, u"Location"_s}, {u"id"_s, resourceId(vendor, key)}, {u"status"_s, u"active"_s}};
    if (vendor == Vendor::Epic) {
        o[u"name"_s] = index == 1 ? u"Lakeside Pediatrics"_s : u"Lakeside Primary Care"_s;
        o[u"address"_s] = clinicAddress();
        o[u"managingOrganization"_s] =
            O{{u"reference"_s, ref(Vendor::Epic, organizationKey(0))}, {u"display"_s, u"Lakeside Health"_s}};
    } else {
        o[u"name"_s] = u"Riverbend Medical Group - Main Street"_s;
        o[u"address"_s] = O{{u"line"_s, A{u"88 Main Street"_s}},
                            {u"city"_s, u"Springfield"_s},
                            {u"state"_s, u"IL"_s},
                            {u"postalCode"_s, u"62701"_s}};
        o[u"managingOrganization"_s] = athenaRef(organizationKey(0));
    }
    return o;
}

} // namespace

FamilyPlans::FamilyPlans(int s) : scale(s)
{
    for (int p = 0; p < kPatientCount; ++p) {
        epic[std::size_t(p)] = makePlan(Vendor::Epic, p, s);
        athena[std::size_t(p)] = makePlan(Vendor::Athena, p, s);
    }
}

ResourceKey keyFor(const Plan& plan, Seg seg, qint64 index)
{
    switch (seg) {
    case Seg::Practitioner:
        return practitionerKey(plan.practitioners.at(int(index)));
    case Seg::Medication:
        return ResourceKey{Seg::Medication, kShared, plan.drugsUsed().at(int(index))};
    case Seg::Organization:
        return organizationKey(int(index));
    case Seg::Location:
        return locationKey(locationIndex(plan));
    default:
        return ResourceKey{seg, plan.patient, index};
    }
}

QDateTime itemTime(const Plan& plan, Seg seg, qint64 index)
{
    switch (seg) {
    case Seg::Condition:
        return at(isoDate(condition(plan.conditions.at(int(index))).onset), 15);
    case Seg::Allergy:
        return at(isoDate(allergy(plan.allergies.at(int(index))).recorded), 15);
    case Seg::MedRequest:
        return at(isoDate(plan.meds.at(int(index)).authoredOn), 15);
    case Seg::Immunization:
        return at(plan.immunizations.at(int(index)).date, 15);
    case Seg::Procedure:
        return at(isoDate(plan.procedures.at(int(index)).date), 15);
    case Seg::Encounter:
    case Seg::DocRef:
    case Seg::Binary:
        return plan.visitTime(index);
    case Seg::VitalObs:
        return plan.visitTime(index / kVitalsPerVisit);
    case Seg::LabObs:
        return plan.drawTime(index / std::max<qint64>(1, plan.analytes.size()));
    case Seg::DiagReport:
        return plan.drawTime(index);
    case Seg::SocialObs:
        return at(plan.visitStart, 15);
    case Seg::Goal:
        return at(QDate(2019, 3, 12), 15);
    case Seg::CarePlanEnc:
        return plan.visitTime(std::max<qint64>(0, plan.visits - plan.encounterCarePlans + index));
    case Seg::Device:
        return at(QDate(2020, 1, 15), 15);
    case Seg::Coverage:
        return at(QDate(plan.patient == 3 ? 2014 : 2010, 6, 1), 12);
    default:
        return at(plan.visitStart, 15);
    }
}

QDateTime itemLastUpdated(const Plan& plan, Seg seg, qint64 index)
{
    // Filed the day after the event, at a fixed hour (keeps the order of itemTime).
    return QDateTime(itemTime(plan, seg, index).toUTC().date().addDays(1), QTime(2, 0), Qt::UTC);
}

QByteArray binaryContent(const FamilyPlans& plans, const ResourceKey& key)
{
    return noteHtml(plans.plan(Vendor::Epic, key.patient), key.index).toUtf8();
}

QJsonObject buildResource(const FamilyPlans& plans, Vendor vendor, const ResourceKey& key)
{
    if (key.patient == kShared) {
        switch (key.seg) {
        case Seg::Practitioner:
            return buildPractitioner(vendor, int(key.index));
        case Seg::Organization:
            return buildOrganization(vendor, int(key.index));
        case Seg::Location:
            return buildLocation(vendor, int(key.index));
        case Seg::Medication:
            return buildMedication(vendor, int(key.index));
        default:
            return {};
        }
    }
    const Plan& plan = plans.plan(vendor, key.patient);
    const qint64 i = key.index;
    switch (key.seg) {
    case Seg::Patient:
        return buildPatient(plan);
    case Seg::Condition:
        return buildCondition(plan, i);
    case Seg::Allergy:
        return buildAllergy(plan, i);
    case Seg::MedRequest:
        return buildMedicationRequest(plan, i);
    case Seg::Immunization:
        return buildImmunization(plan, i);
    case Seg::Procedure:
        return buildProcedure(plan, i);
    case Seg::Encounter:
        return buildEncounter(plan, i);
    case Seg::VitalObs:
        return buildVital(plan, i);
    case Seg::LabObs:
        return buildLab(plan, i);
    case Seg::SocialObs:
        return buildSocial(plan);
    case Seg::DiagReport:
        return buildDiagnosticReport(plan, i);
    case Seg::DocRef:
        return buildDocumentReference(plan, i);
    case Seg::Binary:
        return O{{u"resourceType"_s, u"Binary"_s},
                 {u"id"_s, resourceId(vendor, key)},
                 {u"contentType"_s, u"text/html"_s},
                 {u"data"_s, QString::fromLatin1(noteHtml(plan, i).toUtf8().toBase64())}};
    case Seg::Goal:
        return buildGoal(plan);
    case Seg::CareTeam:
        return buildCareTeam(plan);
    case Seg::CarePlanLong:
    case Seg::CarePlanEnc:
        return buildCarePlan(plan, key.seg, i);
    case Seg::Device:
        return buildDevice(plan);
    case Seg::Coverage:
        return buildCoverage(plan);
    default:
        return {};
    }
}

} // namespace hh::demo::detail
