// The pure FHIR export builders: resources from a stored source or from the clean record alone,
// references rewritten into the bundle, the streaming bundle writer and the IPS Composition.
#include "core/records/FhirBundleWriter.h"
#include "core/records/FhirResourceExporter.h"
#include "core/records/IpsComposer.h"
#include "views/FhirChecks.h"
#include "views/FhirSamples.h"

#include <QBuffer>
#include <QTest>
#include <QUuid>

using namespace hh;
using namespace hh::records;
using namespace Qt::StringLiterals;

class TestFhirExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportIds()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(FhirResourceExporter::exportId(uuid), uuid);
        const QString derived = FhirResourceExporter::exportId(u"not-a-uuid"_s);
        QVERIFY(!QUuid::fromString(derived).isNull());
        QCOMPARE(FhirResourceExporter::exportId(u"not-a-uuid"_s), derived); // stable
        QVERIFY(FhirResourceExporter::exportId(u"other"_s) != derived);
    }

    void referencesAreRewritten()
    {
        ReferenceIndex refs;
        refs.setPatient(u"11111111-1111-4111-8111-111111111111"_s);
        refs.add(u"conn-a"_s, u"Encounter"_s, u"enc-1"_s, u"22222222-2222-4222-8222-222222222222"_s);
        // Relative, absolute and versioned references of the right connection resolve.
        QCOMPARE(refs.resolve(u"conn-a"_s, u"Encounter/enc-1"_s), u"urn:uuid:22222222-2222-4222-8222-222222222222"_s);
        QCOMPARE(refs.resolve(u"conn-a"_s, u"https://fhir.example.org/R4/Encounter/enc-1/_history/3"_s),
                 u"urn:uuid:22222222-2222-4222-8222-222222222222"_s);
        QVERIFY(refs.resolve(u"conn-b"_s, u"Encounter/enc-1"_s).isEmpty()); // another health system's id
        QCOMPARE(refs.resolve(u"conn-b"_s, u"Patient/whoever"_s), u"urn:uuid:11111111-1111-4111-8111-111111111111"_s);
        QVERIFY(refs.resolve(u"conn-a"_s, u"Observation?code=1"_s).isEmpty());

        ExportRecord med;
        med.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        med.resourceType = u"MedicationRequest"_s;
        med.connectionId = u"conn-a"_s;
        med.clean = QJsonObject{{"display"_L1, u"Metformin 500 MG"_s},
                                {"codings"_L1, QJsonArray{QJsonObject{{"system"_L1, test::fhir::kRxNorm},
                                                                      {"code"_L1, u"860975"_s}}}}};
        QJsonObject raw = test::fhir::medicationRequest(u"m1"_s, u"pat-1"_s, u"860975"_s, u"Metformin"_s, u"2023-01-10"_s);
        raw.remove("medicationCodeableConcept"_L1);
        raw.insert("medicationReference"_L1, QJsonObject{{"reference"_L1, u"Medication/med-77"_s}});
        raw.insert("encounter"_L1, QJsonObject{{"reference"_L1, u"Encounter/enc-1"_s}});
        raw.insert("basedOn"_L1, QJsonArray{QJsonObject{{"reference"_L1, u"CarePlan/cp-1"_s}}}); // nothing left: dropped
        raw.insert("meta"_L1, QJsonObject{{"versionId"_L1, u"3"_s}});
        med.raw = raw;
        const QJsonObject out = FhirResourceExporter::resource(med, refs);
        QCOMPARE(out.value("id"_L1).toString(), med.id);
        QVERIFY(!out.contains("meta"_L1));
        QCOMPARE(out.value("subject"_L1).toObject().value("reference"_L1).toString(),
                 u"urn:uuid:11111111-1111-4111-8111-111111111111"_s);
        QCOMPARE(out.value("encounter"_L1).toObject().value("reference"_L1).toString(),
                 u"urn:uuid:22222222-2222-4222-8222-222222222222"_s);
        QVERIFY(!out.contains("basedOn"_L1));
        QVERIFY(!out.contains("medicationReference"_L1));
        QCOMPARE(out.value("medicationCodeableConcept"_L1).toObject().value("coding"_L1).toArray().first().toObject()
                     .value("code"_L1).toString(),
                 u"860975"_s);
        const QJsonObject requester = out.value("requester"_L1).toObject();
        QVERIFY(!requester.contains("reference"_L1));
        QCOMPARE(requester.value("display"_L1).toString(), u"Dr. Ada Lovelace"_s);

        // A contained medication keeps its local reference.
        raw.insert("contained"_L1, QJsonArray{QJsonObject{{"resourceType"_L1, u"Medication"_s}, {"id"_L1, u"m"_s}}});
        raw.insert("medicationReference"_L1, QJsonObject{{"reference"_L1, u"#m"_s}});
        med.raw = raw;
        QCOMPARE(FhirResourceExporter::resource(med, refs).value("medicationReference"_L1).toObject()
                     .value("reference"_L1).toString(),
                 u"#m"_s);
    }

    void resourcesFromTheCleanRecordAlone()
    {
        ReferenceIndex refs;
        refs.setPatient(u"11111111-1111-4111-8111-111111111111"_s);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ExportRecord obs;
        obs.id = id;
        obs.resourceType = u"Observation"_s;
        obs.clean = QJsonObject{
            {"display"_L1, u"Hemoglobin A1c"_s},
            {"status"_L1, u"final"_s},
            {"canonical_system"_L1, test::fhir::kLoinc},
            {"canonical_code"_L1, u"4548-4"_s},
            {"categories"_L1, QJsonArray{u"laboratory"_s}},
            {"effective_at"_L1, u"2024-04-20T08:00:00.000Z"_s},
            {"value"_L1, QJsonObject{{"value"_L1, 8.1}, {"unit"_L1, u"%"_s}, {"ucum"_L1, true}, {"range_low"_L1, 4.0},
                                     {"range_high"_L1, 5.6}, {"abnormal"_L1, u"H"_s}}},
        };
        const QJsonObject o = FhirResourceExporter::resource(obs, refs);
        QCOMPARE(o.value("resourceType"_L1).toString(), u"Observation"_s);
        QCOMPARE(o.value("status"_L1).toString(), u"final"_s);
        QCOMPARE(o.value("valueQuantity"_L1).toObject().value("value"_L1).toDouble(), 8.1);
        QCOMPARE(o.value("valueQuantity"_L1).toObject().value("system"_L1).toString(), u"http://unitsofmeasure.org"_s);
        QCOMPARE(o.value("referenceRange"_L1).toArray().first().toObject().value("high"_L1).toObject()
                     .value("value"_L1).toDouble(),
                 5.6);
        QCOMPARE(o.value("code"_L1).toObject().value("coding"_L1).toArray().first().toObject().value("code"_L1).toString(),
                 u"4548-4"_s);
        QCOMPARE(o.value("subject"_L1).toObject().value("reference"_L1).toString(),
                 u"urn:uuid:11111111-1111-4111-8111-111111111111"_s);

        // Required elements get a value even when the clean record has none.
        for (const QString& type : {u"Condition"_s, u"MedicationRequest"_s, u"MedicationStatement"_s,
                                    u"AllergyIntolerance"_s, u"Immunization"_s, u"Encounter"_s, u"Procedure"_s,
                                    u"DocumentReference"_s}) {
            ExportRecord r;
            r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.resourceType = type;
            r.clean = QJsonObject{{"display"_L1, u"Something"_s}};
            const QJsonObject res = FhirResourceExporter::resource(r, refs);
            QCOMPARE(res.value("resourceType"_L1).toString(), type);
            if (type != u"Condition" && type != u"AllergyIntolerance")
                QVERIFY2(res.value("status"_L1).isString(), qPrintable(type));
            if (type == u"MedicationRequest")
                QCOMPARE(res.value("intent"_L1).toString(), u"order"_s);
            if (type == u"Immunization")
                QVERIFY(res.contains("occurrenceString"_L1) || res.contains("occurrenceDateTime"_L1));
            if (type == u"Encounter")
                QVERIFY(res.value("class"_L1).isObject());
            if (type == u"DocumentReference")
                QVERIFY(!res.value("content"_L1).toArray().isEmpty());
        }
        // A type without a faithful shape is left out.
        ExportRecord unknown;
        unknown.id = id;
        unknown.resourceType = u"CarePlan"_s;
        QVERIFY(FhirResourceExporter::resource(unknown, refs).isEmpty());
    }

    void patientFromTheProfile()
    {
        ReferenceIndex refs;
        refs.setPatient(u"11111111-1111-4111-8111-111111111111"_s);
        Profile p;
        p.displayName = u"Mom"_s;
        p.legalName = u"Rose Marie Doe"_s;
        p.dateOfBirth = QDate(1955, 3, 14);
        const QJsonObject patient = FhirResourceExporter::patient(p, nullptr, refs);
        QCOMPARE(patient.value("id"_L1).toString(), refs.patient());
        QCOMPARE(patient.value("birthDate"_L1).toString(), u"1955-03-14"_s);
        const QJsonObject name = patient.value("name"_L1).toArray().first().toObject();
        QCOMPARE(name.value("text"_L1).toString(), u"Rose Marie Doe"_s);
        QCOMPARE(name.value("family"_L1).toString(), u"Doe"_s);
        // From a stored Patient: its identifiers and name are kept.
        ExportRecord stored;
        stored.resourceType = u"Patient"_s;
        stored.raw = test::fhir::patient(u"pat-1"_s, u"Doe"_s, u"Rose"_s, u"1955-03-14"_s, u"female"_s);
        const QJsonObject fromRaw = FhirResourceExporter::patient(p, &stored, refs);
        QCOMPARE(fromRaw.value("id"_L1).toString(), refs.patient());
        QCOMPARE(fromRaw.value("gender"_L1).toString(), u"female"_s);
        QVERIFY(!fromRaw.value("identifier"_L1).toArray().isEmpty());
    }

    void bundleWriterStreamsValidJson()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const QString bundleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        FhirBundleWriter writer(&buffer, FhirBundleWriter::Type::Document, bundleId, QDateTime::currentDateTimeUtc());
        QVERIFY(writer.begin().ok());
        IpsComposer::Input input;
        input.compositionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        input.patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        input.authorId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        input.date = QDateTime::currentDateTimeUtc();
        const QString conditionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        input.sections = {{IpsSection::Problems, {IpsEntry{conditionId, u"Diabetes <type 2>"_s, u"2015-06-01"_s, {}}}},
                          {IpsSection::Allergies, {}},
                          {IpsSection::Medications, {}},
                          {IpsSection::Immunizations, {}}};
        const QJsonObject composition = IpsComposer::composition(input);
        QVERIFY(writer.add(composition).ok());
        QVERIFY(writer.add(QJsonObject{{"resourceType"_L1, u"Patient"_s}, {"id"_L1, input.patientId}}).ok());
        QVERIFY(writer.add(FhirResourceExporter::authorDevice(input.authorId)).ok());
        QVERIFY(writer.add(QJsonObject{{"resourceType"_L1, u"Condition"_s}, {"id"_L1, conditionId},
                                       {"subject"_L1, QJsonObject{{"reference"_L1, u"urn:uuid:"_s + input.patientId}}}})
                    .ok());
        // An entry without a UUID id is refused.
        QCOMPARE(writer.add(QJsonObject{{"resourceType"_L1, u"Condition"_s}, {"id"_L1, u"c1"_s}}).error().code(),
                 ErrorCode::InvalidInput);
        QVERIFY(writer.finish().ok());
        QCOMPARE(writer.entryCount(), 4);
        const QByteArray json = buffer.data();
        QCOMPARE(writer.bytesWritten(), json.size());
        QVERIFY(json.startsWith("{\"resourceType\":\"Bundle\""));
        QVERIFY(json.contains("{\"fullUrl\":\"urn:uuid:" + conditionId.toUtf8() + "\",\"resource\":{\"resourceType\":\"Condition\""));
        QJsonParseError err{};
        const QJsonObject bundle = QJsonDocument::fromJson(json, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QStringList problems = test::checkBundle(bundle, u"document"_s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Required sections without data say why; an empty optional one is left out; text is escaped.
        const QJsonArray sections = composition.value("section"_L1).toArray();
        QCOMPARE(sections.size(), 3);
        QVERIFY(sections.at(0).toObject().value("text"_L1).toObject().value("div"_L1).toString().contains(u"&lt;type 2&gt;"_s));
        QVERIFY(sections.at(1).toObject().contains("emptyReason"_L1));
        QCOMPARE(composition.value("type"_L1).toObject().value("coding"_L1).toArray().first().toObject()
                     .value("code"_L1).toString(),
                 u"60591-5"_s);
    }
};

QTEST_GUILESS_MAIN(TestFhirExport)
#include "TestFhirExport.moc"
