#pragma once

// Hand-written records for the views' GUI tests (fake services). Mom has something in every
// section; Dad's last sync failed; Leo has nothing yet.

#include "support/FakeServices.h"
#include "views/FakeRecordsService.h"
#include "views/FhirSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hh::test {

using namespace Qt::StringLiterals;

struct ViewsFamily {
    Profile mom;
    Profile dad;
    Profile leo;
    QString a1cRecordId;
    QString diabetesId;
    QString metforminId;
    QString noteId;
    QString letterId;
    QString webPageId;
};

inline records::RecordRow row(const QString& type, const QString& display, const QString& status,
                              const QString& when, const QString& system = {}, const QString& code = {})
{
    records::RecordRow r;
    r.resourceType = type;
    r.display = display;
    r.status = status;
    r.effectiveAt = when;
    r.codeSystem = system;
    r.code = code;
    r.sourceNames = {u"Riverside Health"_s};
    return r;
}

inline ViewsFamily fillViewsFamily(FakeRecordsService& rs, FakeProfileService& ps, const QString& userId)
{
    using namespace hh::records;
    ViewsFamily f;
    f.mom = ps.seed(userId, u"Mom"_s, Relationship::Mother, QDate(1955, 3, 14), u"Rose Marie Doe"_s);
    f.dad = ps.seed(userId, u"Dad"_s, Relationship::Father, QDate(1952, 8, 2));
    f.leo = ps.seed(userId, u"Leo"_s, Relationship::Child, QDate(2016, 1, 20));
    rs.profiles.insert(f.mom.id, f.mom);
    rs.profiles.insert(f.dad.id, f.dad);
    rs.profiles.insert(f.leo.id, f.leo);
    const QString snomed = fhir::kSnomed;
    const QString loinc = fhir::kLoinc;

    // Rows of every kind for Mom.
    RecordRow& diabetes = rs.addRow(f.mom.id, row(u"Condition"_s, u"Diabetes mellitus type 2"_s, u"active"_s,
                                                  u"2015-06-01"_s, snomed, u"44054006"_s));
    diabetes.sourceNames = {u"Riverside Health"_s, u"Lakeside Clinic"_s};
    diabetes.sourceCount = 2;
    f.diabetesId = diabetes.id;
    const QString diabetesKey = diabetes.dedupKey; // (the list grows below: no references kept)
    rs.addRow(f.mom.id, row(u"Condition"_s, u"Hypertensive disorder"_s, u"active"_s, u"2012-02-10"_s, snomed,
                            u"38341003"_s));
    rs.addRow(f.mom.id, row(u"Condition"_s, u"Acute bronchitis"_s, u"resolved"_s, u"2019-11-03"_s, snomed,
                            u"10509002"_s));
    RecordRow metformin = row(u"MedicationRequest"_s, u"Metformin hydrochloride 500 MG Oral Tablet"_s, u"active"_s,
                              u"2023-01-10"_s, fhir::kRxNorm, u"860975"_s);
    metformin.details.insert("dosage"_L1, u"1 tablet twice daily"_s);
    f.metforminId = rs.addRow(f.mom.id, metformin).id;
    rs.addRow(f.mom.id, row(u"MedicationRequest"_s, u"Lisinopril 10 MG Oral Tablet"_s, u"active"_s, u"2022-03-01"_s,
                            fhir::kRxNorm, u"314076"_s));
    rs.addRow(f.mom.id, row(u"MedicationRequest"_s, u"Amoxicillin 250 MG Oral Capsule"_s, u"stopped"_s,
                            u"2019-11-03"_s, fhir::kRxNorm, u"308182"_s));
    RecordRow penicillin = row(u"AllergyIntolerance"_s, u"Allergy to penicillin"_s, u"active"_s, u"2010-01-01"_s,
                               snomed, u"91936005"_s);
    penicillin.details.insert("criticality"_L1, u"high"_s);
    penicillin.details.insert("reactions"_L1,
                              QJsonArray{QJsonObject{{"manifestations"_L1, QJsonArray{u"Hives"_s}}}});
    rs.addRow(f.mom.id, penicillin);
    rs.addRow(f.mom.id, row(u"Immunization"_s, u"Influenza, seasonal, injectable"_s, u"completed"_s, u"2023-10-01"_s,
                            fhir::kCvx, u"140"_s));
    RecordRow visit = row(u"Encounter"_s, u"Office visit"_s, u"finished"_s, u"2024-04-20T08:00:00.000Z"_s);
    visit.details.insert("location"_L1, u"Riverside Clinic"_s);
    visit.details.insert("class"_L1, QJsonObject{{"code"_L1, u"AMB"_s}, {"display"_L1, u"ambulatory"_s}});
    rs.addRow(f.mom.id, visit);
    rs.addRow(f.mom.id, row(u"Encounter"_s, u"Annual physical"_s, u"finished"_s, u"2023-03-02T08:00:00.000Z"_s));
    for (const auto& [value, when] : {std::pair{6.8, u"2023-06-15T08:00:00.000Z"_s},
                                      std::pair{7.2, u"2023-12-15T08:00:00.000Z"_s},
                                      std::pair{8.1, u"2024-04-20T08:00:00.000Z"_s}}) {
        RecordRow obs = row(u"Observation"_s, u"Hemoglobin A1c"_s, u"final"_s, when, loinc, u"4548-4"_s);
        obs.valueNum = value;
        obs.valueUnit = u"%"_s;
        obs.abnormal = u"H"_s;
        obs.rangeLow = 4.0;
        obs.rangeHigh = 5.6;
        f.a1cRecordId = rs.addRow(f.mom.id, obs).id;
    }
    RecordRow note = row(u"DocumentReference"_s, u"Visit note"_s, u"current"_s, u"2024-04-20T10:00:00.000Z"_s);
    note.details.insert("content_types"_L1, QJsonArray{u"text/plain"_s});
    f.noteId = rs.addRow(f.mom.id, note).id;
    RecordRow letter = row(u"DocumentReference"_s, u"Discharge letter"_s, u"current"_s, u"2023-02-01T10:00:00.000Z"_s);
    letter.details.insert("content_types"_L1, QJsonArray{u"application/pdf"_s});
    f.letterId = rs.addRow(f.mom.id, letter).id;
    RecordRow web = row(u"DocumentReference"_s, u"Imaging report"_s, u"current"_s, u"2022-02-01T10:00:00.000Z"_s);
    web.details.insert("content_types"_L1, QJsonArray{u"text/html"_s});
    f.webPageId = rs.addRow(f.mom.id, web).id;
    rs.addRow(f.dad.id, row(u"Condition"_s, u"Hyperlipidemia"_s, u"active"_s, u"2010-01-01"_s, snomed, u"55822004"_s));
    rs.addRow(f.dad.id, row(u"MedicationRequest"_s, u"Atorvastatin 20 MG Oral Tablet"_s, u"active"_s,
                            u"2020-05-05"_s, fhir::kRxNorm, u"617310"_s));

    // A conflict on the latest HbA1c (shown in its details).
    {
        RecordDetail d;
        for (const RecordRow& r : rs.rows.value(f.mom.id))
            if (r.id == f.a1cRecordId)
                d.row = r;
        d.row.hasConflict = true;
        d.conflicts = QJsonArray{QJsonObject{
            {"field"_L1, u"value"_s},
            {"values"_L1, QJsonArray{QJsonObject{{"value"_L1, 8.1}, {"unit"_L1, u"%"_s}, {"raw_id"_L1, u"r1"_s}},
                                     QJsonObject{{"value"_L1, 8.4}, {"unit"_L1, u"%"_s}, {"raw_id"_L1, u"r2"_s}}}}}};
        RecordSource s1;
        s1.rawId = u"r1"_s;
        s1.endpointName = u"Riverside Health"_s;
        s1.provider = u"epic"_s;
        s1.resourceId = u"o3"_s;
        s1.available = true;
        s1.rawJson = QJsonDocument(fhir::observation(u"o3"_s, u"pat-1"_s, u"4548-4"_s, u"Hemoglobin A1c"_s, 8.1, u"%"_s,
                                                     u"2024-04-20T08:00:00Z"_s))
                         .toJson(QJsonDocument::Compact);
        RecordSource s2 = s1;
        s2.rawId = u"r2"_s;
        s2.endpointName = u"Lakeside Clinic"_s;
        s2.provider = u"athena"_s;
        s2.resourceId = u"lab-3"_s;
        s2.rawJson = QJsonDocument(fhir::observation(u"lab-3"_s, u"A77"_s, u"4548-4"_s, u"HbA1c"_s, 8.4, u"%"_s,
                                                     u"2024-04-20T08:00:00Z"_s))
                         .toJson(QJsonDocument::Compact);
        d.sources = {s1, s2};
        rs.details.insert(f.a1cRecordId, d);
    }

    // Tests and their histories.
    TestRow a1c;
    a1c.codeSystem = loinc;
    a1c.code = u"4548-4"_s;
    a1c.display = u"Hemoglobin A1c"_s;
    a1c.kind = TestKind::Lab;
    a1c.latestAt = u"2024-04-20T08:00:00.000Z"_s;
    a1c.latestRecordId = f.a1cRecordId;
    a1c.value = 8.1;
    a1c.unit = u"%"_s;
    a1c.abnormal = u"H"_s;
    a1c.rangeLow = 4.0;
    a1c.rangeHigh = 5.6;
    a1c.trend = Trend::Up;
    a1c.previousValue = 7.2;
    a1c.resultCount = 3;
    a1c.hasConflict = true;
    TestRow bp;
    bp.codeSystem = loinc;
    bp.code = u"85354-9"_s;
    bp.display = u"Blood pressure panel"_s;
    bp.kind = TestKind::Vital;
    bp.latestAt = u"2024-04-20T09:30:00.000Z"_s;
    bp.valueText = u"138/88"_s;
    bp.trend = Trend::Down;
    bp.resultCount = 2;
    TestRow glucose;
    glucose.codeSystem = loinc;
    glucose.code = u"2345-7"_s;
    glucose.display = u"Glucose"_s;
    glucose.kind = TestKind::Lab;
    glucose.latestAt = u"2024-04-20T08:00:00.000Z"_s;
    glucose.value = 95;
    glucose.unit = u"mg/dL"_s;
    glucose.abnormal = u"N"_s;
    glucose.resultCount = 1;
    rs.testRows.insert(f.mom.id, {a1c, bp, glucose});

    TestHistory h;
    h.codeSystem = loinc;
    h.code = u"4548-4"_s;
    h.display = u"Hemoglobin A1c"_s;
    h.unit = u"%"_s;
    h.totalCount = 3;
    HistorySeries s;
    s.label = h.display;
    s.code = h.code;
    const QList<std::pair<double, QString>> points = {{6.8, u"2023-06-15T08:00:00.000Z"_s},
                                                      {7.2, u"2023-12-15T08:00:00.000Z"_s},
                                                      {8.1, u"2024-04-20T08:00:00.000Z"_s}};
    for (const auto& [v, at] : points) {
        HistoryPoint p;
        p.at = at;
        p.msecs = QDateTime::fromString(at, Qt::ISODateWithMs).toMSecsSinceEpoch();
        p.value = v;
        p.unit = u"%"_s;
        p.abnormal = u"H"_s;
        p.rangeLow = 4.0;
        p.rangeHigh = 5.6;
        s.points.append(p);
    }
    h.series = {s};
    rs.histories.insert(h.code, h);
    TestHistory bph;
    bph.codeSystem = loinc;
    bph.code = u"85354-9"_s;
    bph.display = u"Blood pressure panel"_s;
    bph.unit = u"mm[Hg]"_s;
    bph.totalCount = 2;
    for (const auto& [label, values] : {std::pair{u"Systolic blood pressure"_s, std::pair{150.0, 138.0}},
                                        std::pair{u"Diastolic blood pressure"_s, std::pair{95.0, 88.0}}}) {
        HistorySeries series;
        series.label = label;
        for (const auto& [v, at] : {std::pair{values.first, u"2024-01-10T09:30:00.000Z"_s},
                                    std::pair{values.second, u"2024-04-20T09:30:00.000Z"_s}}) {
            HistoryPoint p;
            p.at = at;
            p.msecs = QDateTime::fromString(at, Qt::ISODateWithMs).toMSecsSinceEpoch();
            p.value = v;
            p.unit = u"mm[Hg]"_s;
            series.points.append(p);
        }
        bph.series.append(series);
    }
    rs.histories.insert(bph.code, bph);

    // Documents.
    DocumentContent text;
    text.recordId = f.noteId;
    text.contentType = u"text/plain"_s;
    text.title = u"Visit note"_s;
    text.data = "Patient seen for diabetes follow-up. Continue metformin.";
    rs.documents.insert(f.noteId, text);
    DocumentContent pdf;
    pdf.recordId = f.letterId;
    pdf.contentType = u"application/pdf"_s;
    pdf.data = fhir::tinyPdf();
    rs.documents.insert(f.letterId, pdf);
    DocumentContent html;
    html.recordId = f.webPageId;
    html.contentType = u"text/html; charset=utf-8"_s;
    html.data = "<html><body><h1>Chest X-ray</h1><p>No acute findings.</p>"
                "<img src=\"http://example.invalid/tracker.png\"><img src=\"file:///etc/hostname\">"
                "<a href=\"https://example.invalid/more\">more</a></body></html>";
    rs.documents.insert(f.webPageId, html);

    // Connections and jobs.
    SourceConnection riverside;
    riverside.connectionId = u"conn-1"_s;
    riverside.profileId = f.mom.id;
    riverside.endpointId = u"demo-epic"_s;
    riverside.endpointName = u"Riverside Health"_s;
    riverside.provider = u"epic"_s;
    riverside.status = u"connected"_s;
    riverside.lastSyncedAt = u"2024-05-01T10:00:00.000Z"_s;
    riverside.lastJobStatus = u"success"_s;
    riverside.recordCount = 42;
    SourceConnection lakeside = riverside;
    lakeside.connectionId = u"conn-2"_s;
    lakeside.endpointId = u"demo-athena"_s;
    lakeside.endpointName = u"Lakeside Clinic"_s;
    lakeside.provider = u"athena"_s;
    lakeside.status = u"needs_reauth"_s;
    lakeside.recordCount = 4;
    rs.connectionLists.insert(f.mom.id, {lakeside, riverside});
    SyncJobInfo job;
    job.jobId = u"job-1"_s;
    job.endpointName = u"Riverside Health"_s;
    job.status = u"success"_s;
    job.startedAt = u"2024-05-01T10:00:00.000Z"_s;
    job.resourcesFetched = 42;
    rs.jobLists.insert(f.mom.id, {job});

    // Summary document (the shape of issue 6's SummaryBuilder).
    auto code = [](const QString& system, const QString& c) {
        return QJsonObject{{"system"_L1, system}, {"code"_L1, c}};
    };
    const QJsonArray src{QJsonObject{{"provider"_L1, u"epic"_s}, {"endpoint"_L1, u"demo-epic"_s}}};
    QJsonObject summary{
        {"demographics"_L1, QJsonObject{{"name"_L1, u"Rose Doe"_s}, {"gender"_L1, u"female"_s}}},
        {"conditions"_L1,
         QJsonArray{QJsonObject{{"display"_L1, u"Diabetes mellitus type 2"_s}, {"code"_L1, code(snomed, u"44054006"_s)},
                                {"sources"_L1, src}, {"resource_type"_L1, u"Condition"_s},
                                {"dedup_key"_L1, diabetesKey}, {"onset"_L1, u"2015-06-01"_s}},
                    QJsonObject{{"display"_L1, u"Hypertensive disorder"_s}, {"code"_L1, code(snomed, u"38341003"_s)},
                                {"sources"_L1, src}, {"onset"_L1, u"2012-02-10"_s}}}},
        {"medications"_L1,
         QJsonArray{QJsonObject{{"display"_L1, u"Metformin hydrochloride 500 MG Oral Tablet"_s},
                                {"code"_L1, code(fhir::kRxNorm, u"860975"_s)}, {"sources"_L1, src},
                                {"dosage"_L1, u"1 tablet twice daily"_s}, {"authored_at"_L1, u"2023-01-10"_s}},
                    QJsonObject{{"display"_L1, u"Lisinopril 10 MG Oral Tablet"_s},
                                {"code"_L1, code(fhir::kRxNorm, u"314076"_s)}, {"sources"_L1, src}}}},
        {"allergies"_L1, QJsonArray{QJsonObject{{"display"_L1, u"Allergy to penicillin"_s},
                                                {"code"_L1, code(snomed, u"91936005"_s)}, {"sources"_L1, src},
                                                {"criticality"_L1, u"high"_s}}}},
        {"labs"_L1,
         QJsonArray{QJsonObject{{"display"_L1, u"Hemoglobin A1c"_s}, {"code"_L1, code(loinc, u"4548-4"_s)},
                                {"sources"_L1, src},
                                {"value"_L1, QJsonObject{{"value"_L1, 8.1}, {"unit"_L1, u"%"_s}, {"range_low"_L1, 4.0},
                                                         {"range_high"_L1, 5.6}, {"abnormal"_L1, u"H"_s}}},
                                {"abnormal"_L1, u"H"_s}, {"trend"_L1, u"up"_s},
                                {"effective_at"_L1, u"2024-04-20T08:00:00.000Z"_s}}}},
        {"vitals"_L1,
         QJsonArray{QJsonObject{
             {"display"_L1, u"Blood pressure panel"_s}, {"code"_L1, code(loinc, u"85354-9"_s)}, {"sources"_L1, src},
             {"value"_L1, QJsonObject{{"components"_L1,
                                       QJsonArray{QJsonObject{{"display"_L1, u"Systolic"_s}, {"value"_L1, 138},
                                                              {"unit"_L1, u"mm[Hg]"_s}},
                                                  QJsonObject{{"display"_L1, u"Diastolic"_s}, {"value"_L1, 88},
                                                              {"unit"_L1, u"mm[Hg]"_s}}}}}},
             {"trend"_L1, u"down"_s}, {"effective_at"_L1, u"2024-04-20T09:30:00.000Z"_s}}}},
        {"immunizations"_L1, QJsonArray{QJsonObject{{"display"_L1, u"Influenza, seasonal, injectable"_s},
                                                    {"code"_L1, code(fhir::kCvx, u"140"_s)}, {"sources"_L1, src},
                                                    {"date"_L1, u"2023-10-01"_s}}}},
        {"immunizations_due"_L1, QJsonArray{QJsonObject{{"display"_L1, u"Shingles"_s},
                                                        {"reason"_L1, u"Two doses are recommended from age 50."_s}}}},
        {"encounters"_L1, QJsonArray{QJsonObject{{"display"_L1, u"Office visit"_s}, {"when"_L1, u"past"_s},
                                                 {"effective_at"_L1, u"2024-04-20T08:00:00.000Z"_s},
                                                 {"location"_L1, u"Riverside Clinic"_s}, {"sources"_L1, src}}}},
        {"alerts"_L1, QJsonArray{QJsonObject{{"kind"_L1, u"abnormal_result"_s}, {"severity"_L1, u"medium"_s},
                                             {"display"_L1, u"Hemoglobin A1c"_s},
                                             {"value"_L1, QJsonObject{{"value"_L1, 8.1}, {"unit"_L1, u"%"_s}}},
                                             {"effective_at"_L1, u"2024-04-20T08:00:00.000Z"_s}}}},
        {"sources"_L1, QJsonArray{QJsonObject{{"endpoint"_L1, u"demo-epic"_s}, {"name"_L1, u"Riverside Health"_s},
                                              {"status"_L1, u"connected"_s},
                                              {"last_synced_at"_L1, u"2024-05-01T10:00:00.000Z"_s},
                                              {"records"_L1, 42}}}},
    };
    ProfileSummary ms;
    ms.profileId = f.mom.id;
    ms.status = SummaryStatus::Ready;
    ms.updatedAt = u"2024-05-01T10:05:00.000Z"_s;
    ms.summary = summary;
    rs.summaries.insert(f.mom.id, ms);

    // Overviews for the cards.
    ProfileOverview mo;
    mo.profileId = f.mom.id;
    mo.status = SummaryStatus::Ready;
    mo.activeConditions = 2;
    mo.activeMedications = 2;
    mo.allergies = 1;
    mo.connections = {lakeside, riverside};
    mo.lastSyncedAt = u"2024-05-01T10:00:00.000Z"_s;
    mo.alerts = {ProfileAlert{u"abnormal_result"_s, u"medium"_s, u"Hemoglobin A1c"_s, u"8.1 %"_s, u"Observation"_s, {}},
                 ProfileAlert{u"needs_sign_in"_s, u"medium"_s, u"Lakeside Clinic"_s, {}, {}, {}}};
    rs.overviewsById.insert(f.mom.id, mo);
    ProfileOverview dado;
    dado.profileId = f.dad.id;
    dado.status = SummaryStatus::Ready;
    dado.activeConditions = 1;
    dado.activeMedications = 1;
    dado.connections = {riverside};
    dado.lastSyncedAt = u"2024-04-01T10:00:00.000Z"_s;
    dado.lastSyncFailed = true;
    dado.alerts = {ProfileAlert{u"sync_failed"_s, u"low"_s, u"Riverside Health"_s, u"The server did not answer."_s, {}, {}}};
    rs.overviewsById.insert(f.dad.id, dado);
    ProfileOverview leo;
    leo.profileId = f.leo.id;
    rs.overviewsById.insert(f.leo.id, leo);
    return f;
}

} // namespace hh::test
