// The synthetic family without HTTP: determinism, counts, ids, references, codes and vendor styles.

#include "core/demo/SyntheticFamily.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace hh::demo;
using namespace Qt::StringLiterals;

namespace {

const QStringList kKeys{u"self"_s, u"mother"_s, u"father"_s, u"child"_s};

// Every value of key `key` anywhere in a JSON tree.
void collect(const QJsonValue& v, const QString& key, QList<QJsonValue>& out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == key)
                out.append(it.value());
            collect(it.value(), key, out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue& x : v.toArray())
            collect(x, key, out);
    }
}

// All codings (objects with system and code).
void codings(const QJsonValue& v, QList<QJsonObject>& out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(u"system"_s) && o.contains(u"code"_s) && o.value(u"code"_s).isString())
            out.append(o);
        for (const QJsonValue& x : o)
            codings(x, out);
    } else if (v.isArray()) {
        for (const QJsonValue& x : v.toArray())
            codings(x, out);
    }
}

QList<QJsonObject> all(const SyntheticFamily& f, Vendor v, const QString& key, const QString& type)
{
    QList<QJsonObject> out;
    f.forEach(v, key, type, [&](const QJsonObject& r) {
        out.append(r);
        return true;
    });
    return out;
}

bool hasCode(const QList<QJsonObject>& resources, const QString& system, const QString& code)
{
    for (const QJsonObject& r : resources) {
        QList<QJsonObject> cs;
        codings(r, cs);
        for (const QJsonObject& c : cs)
            if (c.value(u"system"_s).toString() == system && c.value(u"code"_s).toString() == code)
                return true;
    }
    return false;
}

QList<QJsonObject> observationsWithLoinc(const QList<QJsonObject>& obs, const QString& loinc)
{
    QList<QJsonObject> out;
    for (const QJsonObject& o : obs)
        for (const QJsonValue& c : o.value(u"code"_s).toObject().value(u"coding"_s).toArray())
            if (c.toObject().value(u"system"_s).toString() == u"http://loinc.org" &&
                c.toObject().value(u"code"_s).toString() == loinc) {
                out.append(o);
                break;
            }
    return out;
}

} // namespace

class TestSyntheticFamily : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patients()
    {
        SyntheticFamily f;
        const QList<DemoPatient> ps = f.patients();
        QCOMPARE(ps.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(ps.at(i).key, kKeys.at(i));
        QVERIFY(ps.at(1).birthDate.startsWith(u"194"_s)); // mother about 80
        QVERIFY(ps.at(2).birthDate.startsWith(u"194"_s)); // father about 84
        const QDate anchor(2025, 10, 15);
        const auto age = [&](const DemoPatient& p) {
            return QDate::fromString(p.birthDate, Qt::ISODate).daysTo(anchor) / 365;
        };
        QVERIFY(age(ps.at(1)) >= 78 && age(ps.at(1)) <= 82);
        QVERIFY(age(ps.at(2)) >= 82 && age(ps.at(2)) <= 86);
        QVERIFY(age(ps.at(3)) < 18);
        QSet<QString> ids;
        for (const DemoPatient& p : ps) {
            QVERIFY(!p.epicId.isEmpty() && !p.athenaId.isEmpty());
            ids << p.epicId << p.athenaId;
            QCOMPARE(f.patientById(Vendor::Epic, p.epicId)->key, p.key);
            QCOMPARE(f.patientById(Vendor::Athena, p.athenaId)->key, p.key);
            QVERIFY(QRegularExpression(u"^a-\\d+\\.E-\\d+$"_s).match(p.athenaId).hasMatch());
        }
        QCOMPARE(ids.size(), 8);
    }

    void deterministic()
    {
        SyntheticFamily a, b;
        for (Vendor v : {Vendor::Epic, Vendor::Athena})
            for (const QString& key : kKeys)
                for (const QString& type : a.types(v, key)) {
                    QCOMPARE(a.count(v, key, type), b.count(v, key, type));
                    for (qint64 i = 0; i < a.count(v, key, type); ++i)
                        QCOMPARE(QJsonDocument(a.resource(v, key, type, i)).toJson(),
                                 QJsonDocument(b.resource(v, key, type, i)).toJson());
                }
    }

    // count() == what forEach/ids enumerate; ids unique per endpoint; read(id) gives the same resource.
    void countsIdsAndReads()
    {
        SyntheticFamily f;
        for (Vendor v : {Vendor::Epic, Vendor::Athena}) {
            QSet<QString> patientScoped;
            for (const QString& key : kKeys) {
                QCOMPARE(f.count(v, key, u"Patient"_s), 1);
                qint64 total = 0;
                for (const QString& type : f.types(v, key)) {
                    const QStringList ids = f.ids(v, key, type);
                    QCOMPARE(qint64(ids.size()), f.count(v, key, type));
                    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
                    total += ids.size();
                    for (qint64 i = 0; i < ids.size(); ++i) {
                        const QJsonObject r = f.resource(v, key, type, i);
                        QCOMPARE(r.value(u"resourceType"_s).toString(), type);
                        QCOMPARE(r.value(u"id"_s).toString(), ids.at(i));
                        const auto read = f.read(v, type, ids.at(i));
                        QVERIFY2(read.has_value(), qPrintable(type + u'/' + ids.at(i)));
                        QCOMPARE(*read, r);
                        const auto owner = f.owner(v, type, ids.at(i));
                        QVERIFY(owner.has_value());
                        if (!owner->isEmpty()) {
                            QCOMPARE(*owner, key);
                            QVERIFY2(!patientScoped.contains(type + ids.at(i)),
                                     "patient resources are not shared");
                            patientScoped.insert(type + ids.at(i));
                        }
                    }
                }
                QCOMPARE(f.totalCount(v, key), total);
            }
            QVERIFY(!f.read(v, u"Observation"_s, u"nope"_s));
            QVERIFY(!f.read(v, u"Patient"_s, f.patients().at(1).idAt(v) + u"x"_s));
            // A real id under the wrong type is unknown.
            QVERIFY(!f.read(v, u"Condition"_s, f.patients().at(1).idAt(v)));
        }
    }

    // Every reference resolves; referenced types are exactly what count() says a sync fetches.
    void referencesResolve()
    {
        SyntheticFamily f;
        for (Vendor v : {Vendor::Epic, Vendor::Athena}) {
            for (const QString& key : kKeys) {
                QHash<QString, QSet<QString>> referenced;
                for (const QString& type : f.types(v, key)) {
                    for (const QJsonObject& r : all(f, v, key, type)) {
                        QList<QJsonValue> refs;
                        collect(r, u"reference"_s, refs);
                        for (const QJsonValue& ref : refs) {
                            const QString s = ref.toString();
                            const QString t = s.section(u'/', 0, 0), id = s.section(u'/', 1);
                            QVERIFY2(f.read(v, t, id).has_value(), qPrintable(vendorKey(v) + u' ' + s));
                            referenced[t].insert(id);
                        }
                        // Binary is referenced by url (DocumentReference.content.attachment.url).
                        QList<QJsonValue> urls;
                        collect(r, u"url"_s, urls);
                        for (const QJsonValue& u : urls)
                            if (u.toString().startsWith(u"Binary/"_s)) {
                                QVERIFY(f.read(v, u"Binary"_s, u.toString().mid(7)).has_value());
                                referenced[u"Binary"_s].insert(u.toString().mid(7));
                            }
                    }
                }
                for (const QString& type : SyntheticFamily::referencedTypes())
                    QCOMPARE(qint64(referenced.value(type).size()), f.count(v, key, type));
            }
        }
    }

    // Real code systems with well-formed codes; UCUM quantities.
    void codesAreWellFormed()
    {
        SyntheticFamily f;
        const QHash<QString, QRegularExpression> patterns{
            {u"http://loinc.org"_s, QRegularExpression(u"^(\\d{1,7}-\\d|LA\\d+-\\d)$"_s)},
            {u"http://snomed.info/sct"_s, QRegularExpression(u"^\\d{6,18}$"_s)},
            {u"http://www.nlm.nih.gov/research/umls/rxnorm"_s, QRegularExpression(u"^\\d{2,8}$"_s)},
            {u"http://hl7.org/fhir/sid/cvx"_s, QRegularExpression(u"^\\d{2,3}$"_s)},
            {u"http://hl7.org/fhir/sid/icd-10-cm"_s, QRegularExpression(u"^[A-Z]\\d{2}(\\.[0-9A-Z]{1,4})?$"_s)},
        };
        const QSet<QString> ucum{
            u"mm[Hg]"_s, u"/min"_s,  u"Cel"_s,   u"[degF]"_s,           u"%"_s,     u"kg"_s,     u"g"_s,
            u"cm"_s,     u"kg/m2"_s, u"mg/dL"_s, u"mL/min/{1.73_m2}"_s, u"pg/mL"_s, u"mmol/L"_s, u"mg/g"_s,
            u"{INR}"_s,  u"s"_s,     u"g/dL"_s};
        QSet<QString> systemsSeen;
        for (Vendor v : {Vendor::Epic, Vendor::Athena})
            for (const QString& key : kKeys)
                for (const QString& type : f.types(v, key))
                    for (const QJsonObject& r : all(f, v, key, type)) {
                        QList<QJsonObject> cs;
                        codings(r, cs);
                        for (const QJsonObject& c : cs) {
                            const QString sys = c.value(u"system"_s).toString();
                            const QString code = c.value(u"code"_s).toString();
                            if (sys == u"http://unitsofmeasure.org") {
                                QVERIFY2(ucum.contains(code), qPrintable(code));
                                continue;
                            }
                            if (!patterns.contains(sys))
                                continue;
                            systemsSeen.insert(sys);
                            QVERIFY2(patterns.value(sys).match(code).hasMatch(), qPrintable(sys + u' ' + code));
                        }
                    }
        QCOMPARE(systemsSeen.size(), patterns.size());
    }

    void motherChart()
    {
        SyntheticFamily f;
        for (Vendor v : {Vendor::Epic, Vendor::Athena}) {
            const auto conditions = all(f, v, u"mother"_s, u"Condition"_s);
            QVERIFY(hasCode(conditions, u"http://snomed.info/sct"_s, u"44054006"_s));         // type 2 diabetes
            QVERIFY(hasCode(conditions, u"http://hl7.org/fhir/sid/icd-10-cm"_s, u"I50.9"_s)); // heart failure
            QVERIFY(hasCode(conditions, u"http://snomed.info/sct"_s, u"433144002"_s));        // CKD stage 3
            QVERIFY(hasCode(conditions, u"http://hl7.org/fhir/sid/icd-10-cm"_s, u"I10"_s));   // hypertension
            QVERIFY(hasCode(all(f, v, u"mother"_s, u"AllergyIntolerance"_s),
                            u"http://www.nlm.nih.gov/research/umls/rxnorm"_s, u"7980"_s)); // penicillin
        }
        const auto obs = all(f, Vendor::Epic, u"mother"_s, u"Observation"_s);
        for (const QString& loinc :
             {u"4548-4"_s, u"33914-3"_s, u"2160-0"_s, u"30934-4"_s, u"85354-9"_s, u"29463-7"_s})
            QVERIFY2(observationsWithLoinc(obs, loinc).size() >= 10, qPrintable(loinc));
        // Years of HbA1c.
        const auto a1c = observationsWithLoinc(obs, u"4548-4"_s);
        const QDateTime first =
            QDateTime::fromString(a1c.first().value(u"effectiveDateTime"_s).toString(), Qt::ISODate);
        const QDateTime last =
            QDateTime::fromString(a1c.last().value(u"effectiveDateTime"_s).toString(), Qt::ISODate);
        QVERIFY(first.daysTo(last) > 5 * 365);
    }

    void fatherChart()
    {
        SyntheticFamily f;
        for (Vendor v : {Vendor::Epic, Vendor::Athena}) {
            const auto conditions = all(f, v, u"father"_s, u"Condition"_s);
            QVERIFY(hasCode(conditions, u"http://snomed.info/sct"_s, u"49436004"_s)); // atrial fibrillation
            QVERIFY(hasCode(all(f, v, u"father"_s, u"Medication"_s),
                            u"http://www.nlm.nih.gov/research/umls/rxnorm"_s,
                            u"855332"_s)); // warfarin 5 mg
        }
        QVERIFY(hasCode(all(f, Vendor::Epic, u"father"_s, u"Condition"_s), u"http://snomed.info/sct"_s,
                        u"52448006"_s)); // dementia
        const auto inr = observationsWithLoinc(all(f, Vendor::Epic, u"father"_s, u"Observation"_s), u"6301-6"_s);
        QVERIFY(inr.size() >= 48); // monthly INR over years
        const auto poc =
            observationsWithLoinc(all(f, Vendor::Athena, u"father"_s, u"Observation"_s), u"34714-6"_s);
        QVERIFY(poc.size() >= 12);
    }

    void childChart()
    {
        SyntheticFamily f;
        QVERIFY(hasCode(all(f, Vendor::Epic, u"child"_s, u"Condition"_s), u"http://snomed.info/sct"_s,
                        u"195967001"_s));
        const auto imms = all(f, Vendor::Epic, u"child"_s, u"Immunization"_s);
        QVERIFY(imms.size() >= 30);
        QSet<QString> cvx;
        for (const QJsonObject& i : imms)
            cvx.insert(i.value(u"vaccineCode"_s)
                           .toObject()
                           .value(u"coding"_s)
                           .toArray()
                           .first()
                           .toObject()
                           .value(u"code"_s)
                           .toString());
        for (const QString& c :
             {u"08"_s, u"20"_s, u"10"_s, u"49"_s, u"133"_s, u"03"_s, u"21"_s, u"83"_s, u"150"_s})
            QVERIFY2(cvx.contains(c), qPrintable(c));
    }

    void vendorStyles()
    {
        SyntheticFamily f;
        // athena: weight in grams, temperature in °F, date-only vitals, ah-practice extension.
        const auto obs = all(f, Vendor::Athena, u"mother"_s, u"Observation"_s);
        const auto weights = observationsWithLoinc(obs, u"29463-7"_s);
        QVERIFY(!weights.isEmpty());
        for (const QJsonObject& w : weights) {
            QCOMPARE(w.value(u"valueQuantity"_s).toObject().value(u"code"_s).toString(), u"g"_s);
            QVERIFY(w.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble() > 40000);
            QCOMPARE(w.value(u"effectiveDateTime"_s).toString().size(), 10);
            QVERIFY(QJsonDocument(w).toJson().contains("https://fhir.athena.io/StructureDefinition/ah-practice"));
        }
        for (const QJsonObject& t : observationsWithLoinc(obs, u"8310-5"_s))
            QCOMPARE(t.value(u"valueQuantity"_s).toObject().value(u"code"_s).toString(), u"[degF]"_s);
        // Epic: UTC times, kilograms, Epic OID codings, medicationReference to Medication/{id}.
        const auto epicObs = all(f, Vendor::Epic, u"mother"_s, u"Observation"_s);
        for (const QJsonObject& w : observationsWithLoinc(epicObs, u"29463-7"_s)) {
            QCOMPARE(w.value(u"valueQuantity"_s).toObject().value(u"code"_s).toString(), u"kg"_s);
            QVERIFY(w.value(u"effectiveDateTime"_s).toString().endsWith(u'Z'));
        }
        QVERIFY(QJsonDocument(epicObs.first()).toJson().contains("urn:oid:1.2.840.114350."));
        for (const QJsonObject& m : all(f, Vendor::Epic, u"mother"_s, u"MedicationRequest"_s))
            QVERIFY(m.value(u"medicationReference"_s)
                        .toObject()
                        .value(u"reference"_s)
                        .toString()
                        .startsWith(u"Medication/"_s));
        // athena problems carry SNOMED CT and ICD-10-CM.
        for (const QJsonObject& c : all(f, Vendor::Athena, u"mother"_s, u"Condition"_s)) {
            const QByteArray json = QJsonDocument(c).toJson();
            QVERIFY(json.contains("http://snomed.info/sct") && json.contains("http://hl7.org/fhir/sid/icd-10-cm"));
        }
    }

    // Both endpoints hold some of the same facts: athena's copies of Epic lab results share date and value.
    void recordsOverlap()
    {
        SyntheticFamily f;
        const auto epic = observationsWithLoinc(all(f, Vendor::Epic, u"mother"_s, u"Observation"_s), u"2160-0"_s);
        const auto athena =
            observationsWithLoinc(all(f, Vendor::Athena, u"mother"_s, u"Observation"_s), u"2160-0"_s);
        QVERIFY(!athena.isEmpty());
        QVERIFY(athena.size() < epic.size()); // overlapping, not identical
        QHash<QString, double> epicByDay;
        for (const QJsonObject& o : epic)
            epicByDay.insert(o.value(u"effectiveDateTime"_s).toString().left(10),
                             o.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble());
        for (const QJsonObject& o : athena) {
            const QString day = o.value(u"effectiveDateTime"_s).toString().left(10);
            QVERIFY2(epicByDay.contains(day), qPrintable(day));
            QCOMPARE(epicByDay.value(day), o.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble());
        }
    }

    // scale N multiplies history; 100,000 resources for one patient are possible and cheap to address.
    void scale()
    {
        SyntheticFamily one(1), big(100);
        QCOMPARE(big.scale(), 100);
        const qint64 n1 = one.count(Vendor::Epic, u"mother"_s, u"Observation"_s);
        QCOMPARE(big.count(Vendor::Epic, u"mother"_s, u"Observation"_s), (n1 - 1) * 100 + 1); // + smoking status
        QVERIFY(big.totalCount(Vendor::Epic, u"mother"_s) >= 100000);
        // Random access deep in the history, without building the rest.
        const qint64 last = big.count(Vendor::Epic, u"mother"_s, u"Observation"_s) - 1;
        for (qint64 i : {qint64(0), last / 2, last}) {
            const QJsonObject r = big.resource(Vendor::Epic, u"mother"_s, u"Observation"_s, i);
            QCOMPARE(r.value(u"resourceType"_s).toString(), u"Observation"_s);
            QCOMPARE(*big.read(Vendor::Epic, u"Observation"_s, r.value(u"id"_s).toString()), r);
        }
        // Dates keep increasing in a dense history.
        QDateTime previous;
        for (qint64 i = 0; i < 2000; i += 8) {
            const QJsonObject r = big.resource(Vendor::Epic, u"mother"_s, u"Encounter"_s, i);
            const QDateTime t =
                QDateTime::fromString(r.value(u"period"_s).toObject().value(u"start"_s).toString(), Qt::ISODate);
            QVERIFY(t.isValid());
            if (previous.isValid())
                QVERIFY(previous <= t);
            previous = t;
        }
    }
};

QTEST_GUILESS_MAIN(TestSyntheticFamily)
#include "TestSyntheticFamily.moc"
