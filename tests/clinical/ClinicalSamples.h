#pragma once

// Hand-written FHIR R4 resources for the clinical tests and the fuzz seed generator. Written for
// this project (not copied from the corpus): one made-up patient, "Ada Example", seen by two
// health systems that write the same facts in their own styles — provider "epic" (UTC times,
// referenced Medication, many codings) and provider "athena" (date-only times, grams, degF,
// SNOMED + ICD-10-CM).

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hh::clinical::samples {

struct Sample {
    const char* name;
    const char* provider; // "epic" or "athena"
    const char* json;
};

inline const QList<Sample>& all()
{
    static const QList<Sample> list = {
        {"patient-epic", "epic", R"({"resourceType":"Patient","id":"p1","name":[{"use":"official","family":"Example","given":["Ada"]}],
          "gender":"female","birthDate":"1950-04-02","identifier":[{"system":"urn:oid:1.2.840.114350.1","value":"  E100"},
          {"system":"http://hl7.org/fhir/sid/us-ssn","value":"000-00-0000"}]})"},
        {"patient-athena", "athena", R"({"resourceType":"Patient","id":"a-1.E-7","name":[{"use":"official","family":"Example","given":["Ada"],
          "period":{"start":"2019-01-01"}}],"gender":"female","birthDate":"1950-04-02"})"},
        {"diabetes-epic", "epic", R"({"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes"}],"text":"Diabetes"},
          "onsetDateTime":"2008-05-08T10:35:34+02:00","recordedDate":"2008-05-08T10:35:34+02:00"})"},
        {"diabetes-athena", "athena", R"({"resourceType":"Condition","id":"a-c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
          "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],
          "code":{"text":"Diabetes mellitus","coding":[{"system":"http://snomed.info/sct","code":"73211009","display":"Diabetes mellitus"},
          {"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9","display":"Type 2 diabetes mellitus without complications"}]},
          "onsetDateTime":"2016-08-16","recordedDate":"2021-05-18T11:58:49-04:00"})"},
        {"hypertension-epic", "epic", R"({"resourceType":"Condition","id":"c2","clinicalStatus":{"coding":[{"code":"active"}]},
          "code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.96","code":"38341003","display":"Hypertension"}]},"onsetDateTime":"2010-01-02"})"},
        {"hypertension-athena", "athena", R"({"resourceType":"Condition","id":"a-c2","clinicalStatus":{"coding":[{"code":"active"}]},
          "code":{"text":"Essential (primary) hypertension","coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"}]},"onsetDateTime":"2012-03-04"})"},
        {"weight-epic", "epic", R"({"resourceType":"Observation","id":"o1","status":"final",
          "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
          "code":{"coding":[{"system":"urn:oid:1.2.840.114350.1.13.0.1.7.2.707679","code":"14","display":"Weight"},{"system":"http://loinc.org","code":"8716-3","display":"Vital signs"},
          {"system":"http://loinc.org","code":"29463-7","display":"Body weight"}],"text":"Weight"},
          "effectiveDateTime":"2024-03-01T15:00:00Z","valueQuantity":{"value":70,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}})"},
        {"weight-athena", "athena", R"({"resourceType":"Observation","id":"a-o1","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},
          "effectiveDateTime":"2024-03-01","valueQuantity":{"value":70000,"unit":"gram","code":"g","system":"http://unitsofmeasure.org"}})"},
        {"temperature-athena", "athena", R"({"resourceType":"Observation","id":"a-o2","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"8310-5"}]},"effectiveDateTime":"2024-03-01",
          "valueQuantity":{"value":98.6,"unit":"degrees Fahrenheit"}})"},
        {"temperature-epic", "epic", R"({"resourceType":"Observation","id":"o2","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"8310-5"}]},"effectiveDateTime":"2024-03-01T15:02:00Z",
          "valueQuantity":{"value":37.0,"unit":"Cel","system":"http://unitsofmeasure.org","code":"Cel"}})"},
        {"bp-epic", "epic", R"({"resourceType":"Observation","id":"o3","status":"final",
          "code":{"coding":[{"system":"urn:oid:1.2.246.537.6.96","code":"8480-6"},{"system":"http://loinc.org","code":"55284-4"},{"system":"http://loinc.org","code":"8716-3"}],"text":"Blood Pressure"},
          "effectiveDateTime":"2024-03-01T15:01:00Z",
          "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":150,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
          {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":92,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}],
          "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"H"}]}]})"},
        {"bp-athena", "athena", R"({"resourceType":"Observation","id":"a-o3","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure systolic and diastolic"}]},"effectiveDateTime":"2024-03-01",
          "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":92,"unit":"millimeter of mercury","code":"mm[Hg]","system":"http://unitsofmeasure.org"}},
          {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":150,"unit":"millimeter of mercury","code":"mm[Hg]","system":"http://unitsofmeasure.org"}}]})"},
        {"hba1c-epic", "epic", R"({"resourceType":"Observation","id":"o4","status":"final",
          "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
          "code":{"coding":[{"system":"http://loinc.org","code":"4548-4","display":"Hemoglobin A1c"}]},"effectiveDateTime":"2024-02-10T14:00:00Z",
          "valueQuantity":{"value":7.9,"unit":"%","system":"http://unitsofmeasure.org","code":"%"},
          "referenceRange":[{"low":{"value":4.0,"unit":"%"},"high":{"value":5.6,"unit":"%"}}]})"},
        {"hba1c-athena", "athena", R"({"resourceType":"Observation","id":"a-o4","status":"final",
          "category":[{"coding":[{"code":"laboratory"}]}],
          "code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}],"text":"HbA1c"},"effectiveDateTime":"2024-02-10",
          "valueQuantity":{"value":8.4,"unit":"%"},"referenceRange":[{"text":"4.0-5.6"}]})"},
        {"hba1c-epic-old", "epic", R"({"resourceType":"Observation","id":"o5","status":"final",
          "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
          "code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"effectiveDateTime":"2023-08-10T14:00:00Z",
          "valueQuantity":{"value":7.2,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}})"},
        {"glucose-athena-molar", "athena", R"({"resourceType":"Observation","id":"a-o6","status":"final",
          "category":[{"coding":[{"code":"laboratory"}]}],
          "code":{"coding":[{"system":"http://loinc.org","code":"14749-6","display":"Glucose [Moles/volume] in Serum or Plasma"}]},"effectiveDateTime":"2024-02-10",
          "valueQuantity":{"value":7.0,"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"}})"},
        {"glucose-epic", "epic", R"({"resourceType":"Observation","id":"o6","status":"final",
          "category":[{"coding":[{"code":"laboratory"}]}],
          "code":{"coding":[{"system":"http://loinc.org","code":"2345-7","display":"Glucose"}]},"effectiveDateTime":"2024-02-10T14:00:00Z",
          "valueQuantity":{"value":126,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"},
          "referenceRange":[{"low":{"value":70,"unit":"mg/dL"},"high":{"value":99,"unit":"mg/dL"}}]})"},
        {"metformin-athena", "athena", R"({"resourceType":"MedicationRequest","id":"a-m1","status":"active","intent":"order",
          "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975","display":"24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"}]},
          "authoredOn":"2023-01-15"})"},
        {"metformin-epic", "epic", R"({"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order",
          "medicationReference":{"reference":"Medication/med-1","display":"metFORMIN (GLUCOPHAGE) 500 MG tablet"},
          "authoredOn":"2024-01-20","dosageInstruction":[{"text":"Take 1 tablet by mouth daily"}]})"},
        {"metformin-epic-medication", "epic", R"({"resourceType":"Medication","id":"med-1",
          "code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.253","code":"1234"},{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6809"},
          {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"861007"}],"text":"metFORMIN 500 MG tablet"},
          "ingredient":[{"itemCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6809"}],"text":"metformin"},
          "strength":{"numerator":{"value":500,"unit":"mg"},"denominator":{"value":1,"unit":"TABS"}}}]})"},
        {"lisinopril-contained", "epic", R"({"resourceType":"MedicationRequest","id":"m2","status":"active","intent":"order",
          "contained":[{"resourceType":"Medication","id":"lis","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"314076","display":"Lisinopril 10 MG Oral Tablet"}]}}],
          "medicationReference":{"reference":"#lis"},"authoredOn":"2022-06-01",
          "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet","system":"urn:oid:1.2.840.114350.1.13.0.1.7.4.698288.330","code":"1"}}]}]})"},
        {"flu-epic", "epic", R"({"resourceType":"Immunization","id":"i1","status":"completed",
          "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"},{"system":"http://hl7.org/fhir/sid/ndc","code":"49281-0421-50"}],"text":"Influenza"},
          "occurrenceDateTime":"2023-10-01T13:00:00Z","lotNumber":"L1"})"},
        {"flu-athena", "athena", R"({"resourceType":"Immunization","id":"a-i1","status":"completed",
          "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"158","display":"Influenza, injectable, quadrivalent"}]},
          "occurrenceDateTime":"2023-10-01"})"},
        {"flu-athena-previous", "athena", R"({"resourceType":"Immunization","id":"a-i2","status":"completed",
          "vaccineCode":{"coding":[{"system":"urn:oid:2.16.840.1.113883.12.292","code":"158"}]},"occurrenceDateTime":"2022-10-03"})"},
        {"td-epic", "epic", R"({"resourceType":"Immunization","id":"i2","status":"completed",
          "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"113"}],"text":"Td"},"occurrenceDateTime":"2010-05-05"})"},
        {"allergy-epic", "epic", R"({"resourceType":"AllergyIntolerance","id":"al1","clinicalStatus":{"coding":[{"code":"active"}]},
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"91936005","display":"Allergy to penicillin"}]},"criticality":"high",
          "reaction":[{"manifestation":[{"text":"Hives"}],"severity":"moderate"}]})"},
        {"allergy-athena", "athena", R"({"resourceType":"AllergyIntolerance","id":"a-al1","clinicalStatus":{"coding":[{"code":"active"}]},
          "code":{"text":"Penicillin allergy","coding":[{"system":"http://snomed.info/sct/","code":"91936005"}]},"category":["medication"],"recordedDate":"2021-01-01"})"},
        {"allergy-peanut-athena", "athena", R"({"resourceType":"AllergyIntolerance","id":"a-al2","clinicalStatus":{"coding":[{"code":"active"}]},
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"91935009","display":"Allergy to peanuts"}]},"category":["food"]})"},
        {"colonoscopy-epic", "epic", R"({"resourceType":"Procedure","id":"pr1","status":"completed",
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"73761001","display":"Colonoscopy"},{"system":"http://www.ama-assn.org/go/cpt","code":"45378"}]},
          "performedPeriod":{"start":"2020-05-05T14:00:00Z","end":"2020-05-05T15:00:00Z"}})"},
        {"colonoscopy-athena", "athena", R"({"resourceType":"Procedure","id":"a-pr1","status":"completed",
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"73761001"}],"text":"Colonoscopy"},"performedDateTime":"2020-05-05"})"},
        {"visit-epic", "epic", R"({"resourceType":"Encounter","id":"e1","status":"finished",
          "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB","display":"ambulatory"},
          "type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213"}],"text":"Office visit"}],
          "period":{"start":"2024-03-01T14:30:00Z","end":"2024-03-01T15:10:00Z"}})"},
        {"visit-athena", "athena", R"({"resourceType":"Encounter","id":"a-e1","status":"finished",
          "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
          "type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213"}]}],"period":{"start":"2024-03-01T09:30:00-05:00"}})"},
        {"visit-upcoming-athena", "athena", R"({"resourceType":"Encounter","id":"a-e2","status":"planned",
          "class":{"code":"AMB"},"type":[{"text":"Follow-up"}],"period":{"start":"2099-01-10T09:00:00-05:00"}})"},
        {"error-condition-athena", "athena", R"({"resourceType":"Condition","id":"a-c9","verificationStatus":{"coding":[{"code":"entered-in-error"}]},
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma"}]}})"},
        {"note-athena", "athena", R"({"resourceType":"DocumentReference","id":"a-d1","status":"current",
          "type":{"coding":[{"system":"https://hl7.org/fhir/valueset-doc-section-codes.html","code":"10164-2","display":"History of Present Illness Narrative"}]},
          "date":"2024-03-01T16:00:00.000Z","content":[{"attachment":{"contentType":"text/html","data":"PGI+aGk8L2I+"}}]})"},
        {"smoking-athena", "athena", R"({"resourceType":"Observation","id":"a-o7","status":"final",
          "category":[{"coding":[{"code":"social-history"}]}],"valueCodeableConcept":{"text":"Never smoker","coding":[{"system":"http://snomed.info/sct","code":"266919005"}]}})"},
        {"claim-other", "epic", R"({"resourceType":"Claim","id":"cl1","status":"active"})"},
    };
    return list;
}

inline QJsonObject object(const char* name)
{
    for (const Sample& s : all())
        if (qstrcmp(s.name, name) == 0)
            return QJsonDocument::fromJson(QByteArray(s.json)).object();
    return {};
}

} // namespace hh::clinical::samples
