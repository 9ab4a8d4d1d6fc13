#pragma once

// A small family for the views' integration tests, stored in a VaultFixture through the same
// steps as a real sync (raw rows per connection, normalize, de-duplicate, summary).
//
//   Mom  (mother, 1955-03-14, legal name Rose Marie Doe): Riverside Health (epic, connected) and
//        Lakeside Clinic (athena, needs sign-in again). Diabetes, hypertension, a resolved
//        bronchitis; metformin and lisinopril active, amoxicillin stopped; penicillin allergy;
//        flu shot; HbA1c rising 6.8 -> 7.2 -> 8.1 % (high, seen by both systems); glucose with
//        conflicting values; two blood pressures; a visit; a text note and a PDF letter (Binary).
//   Dad  (father): Riverside Health, last sync failed; hyperlipidemia, atorvastatin.
//   Leo  (child): nothing synced yet.

#include "views/FhirSamples.h"
#include "views/VaultFixture.h"

#include <QDateTime>

namespace hh::test {

struct SampleFamily {
    Profile mom;
    Profile dad;
    Profile leo;
    QString momEpic;
    QString momAthena;
    QString dadEpic;
    // "now" for summaries: 2024-05-02T12:00:00Z (results of 2024 are recent).
    static qint64 nowMs() { return QDateTime(QDate(2024, 5, 2), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch(); }
};

inline SampleFamily fillSampleFamily(VaultFixture& fx)
{
    namespace f = fhir;
    SampleFamily family;
    fx.addEndpoint(u"demo-epic"_s, u"Riverside Health"_s, u"epic"_s);
    fx.addEndpoint(u"demo-athena"_s, u"Lakeside Clinic"_s, u"athena"_s);
    family.mom = fx.addProfile(u"Mom"_s, Relationship::Mother, QDate(1955, 3, 14), u"Rose Marie Doe"_s);
    family.dad = fx.addProfile(u"Dad"_s, Relationship::Father, QDate(1952, 8, 2));
    family.leo = fx.addProfile(u"Leo"_s, Relationship::Child, QDate(2016, 1, 20));

    family.momEpic = fx.addConnection(family.mom.id, u"demo-epic"_s);
    family.momAthena = fx.addConnection(family.mom.id, u"demo-athena"_s, u"needs_reauth"_s,
                                        u"2024-04-28T09:00:00.000Z"_s);
    fx.addJob(family.mom.id, family.momEpic, u"success"_s, u"2024-05-01T10:00:00.000Z"_s);
    fx.addJob(family.mom.id, family.momAthena, u"partial"_s, u"2024-04-28T09:00:00.000Z"_s);

    const QString p = u"pat-1"_s;
    fx.ingest(family.mom.id, family.momEpic,
              {
                  f::patient(p, u"Doe"_s, u"Rose"_s, u"1955-03-14"_s, u"female"_s),
                  f::condition(u"c1"_s, p, u"44054006"_s, u"Diabetes mellitus type 2"_s, u"2015-06-01"_s),
                  f::condition(u"c2"_s, p, u"38341003"_s, u"Hypertensive disorder"_s, u"2012-02-10"_s),
                  f::condition(u"c3"_s, p, u"10509002"_s, u"Acute bronchitis"_s, u"2019-11-03"_s, u"resolved"_s),
                  f::medicationRequest(u"m1"_s, p, u"860975"_s, u"Metformin hydrochloride 500 MG Oral Tablet"_s,
                                       u"2023-01-10"_s, u"active"_s, u"1 tablet twice daily"_s),
                  f::medicationRequest(u"m2"_s, p, u"314076"_s, u"Lisinopril 10 MG Oral Tablet"_s, u"2022-03-01"_s),
                  f::medicationRequest(u"m3"_s, p, u"308182"_s, u"Amoxicillin 250 MG Oral Capsule"_s, u"2019-11-03"_s,
                                       u"stopped"_s),
                  f::allergy(u"a1"_s, p, u"91936005"_s, u"Allergy to penicillin"_s),
                  f::immunization(u"i1"_s, p, u"140"_s, u"Influenza, seasonal, injectable"_s, u"2023-10-01"_s),
                  f::observation(u"o1"_s, p, u"4548-4"_s, u"Hemoglobin A1c"_s, 6.8, u"%"_s,
                                 u"2023-06-15T08:00:00Z"_s, 4.0, 5.6, u"H"_s),
                  f::observation(u"o2"_s, p, u"4548-4"_s, u"Hemoglobin A1c"_s, 7.2, u"%"_s,
                                 u"2023-12-15T08:00:00Z"_s, 4.0, 5.6, u"H"_s),
                  f::observation(u"o3"_s, p, u"4548-4"_s, u"Hemoglobin A1c"_s, 8.1, u"%"_s,
                                 u"2024-04-20T08:00:00Z"_s, 4.0, 5.6, u"H"_s),
                  f::observation(u"o4"_s, p, u"2345-7"_s, u"Glucose"_s, 95, u"mg/dL"_s, u"2024-04-20T08:00:00Z"_s,
                                 70.0, 99.0, u"N"_s),
                  f::bloodPressure(u"bp1"_s, p, 150, 95, u"2024-01-10T09:30:00Z"_s),
                  f::bloodPressure(u"bp2"_s, p, 138, 88, u"2024-04-20T09:30:00Z"_s),
                  f::encounter(u"enc-1"_s, p, u"Office visit"_s, u"2024-04-20T08:00:00Z"_s,
                               u"2024-04-20T09:00:00Z"_s),
                  f::documentInline(u"d1"_s, p, u"Visit note"_s, u"text/plain"_s,
                                    QByteArray("Patient seen for diabetes follow-up. Continue metformin."),
                                    u"2024-04-20T10:00:00Z"_s),
                  f::documentBinary(u"d2"_s, p, u"Discharge letter"_s, u"application/pdf"_s, u"bin-1"_s,
                                    u"2023-02-01T10:00:00Z"_s),
                  f::binary(u"bin-1"_s, u"application/pdf"_s, f::tinyPdf()),
                  f::documentBinary(u"d3"_s, p, u"Imaging report"_s, u"text/html"_s, u"bin-missing"_s,
                                    u"2022-02-01T10:00:00Z"_s),
              });
    fx.ingest(family.mom.id, family.momAthena,
              {
                  f::patient(u"A77"_s, u"Doe"_s, u"Rose"_s, u"1955-03-14"_s, u"female"_s),
                  f::condition(u"prob-9"_s, u"A77"_s, u"44054006"_s, u"Type 2 diabetes"_s, u"2015-06-01"_s),
                  f::observation(u"lab-3"_s, u"A77"_s, u"4548-4"_s, u"HbA1c"_s, 8.1, u"%"_s,
                                 u"2024-04-20T08:00:00Z"_s, 4.0, 5.6, u"H"_s),
                  f::observation(u"lab-4"_s, u"A77"_s, u"2345-7"_s, u"Glucose"_s, 110, u"mg/dL"_s,
                                 u"2024-04-20T08:00:00Z"_s, 70.0, 99.0, u"H"_s),
              });
    fx.rebuild(family.mom.id, SampleFamily::nowMs());

    family.dadEpic = fx.addConnection(family.dad.id, u"demo-epic"_s, u"connected"_s, u"2024-04-01T10:00:00.000Z"_s);
    fx.addJob(family.dad.id, family.dadEpic, u"success"_s, u"2024-04-01T10:00:00.000Z"_s);
    fx.addJob(family.dad.id, family.dadEpic, u"failed"_s, u"2024-05-01T11:00:00.000Z"_s, u"The server did not answer."_s);
    fx.ingest(family.dad.id, family.dadEpic,
              {
                  f::patient(u"pat-9"_s, u"Doe"_s, u"John"_s, u"1952-08-02"_s, u"male"_s),
                  f::condition(u"c9"_s, u"pat-9"_s, u"55822004"_s, u"Hyperlipidemia"_s, u"2010-01-01"_s),
                  f::medicationRequest(u"m9"_s, u"pat-9"_s, u"617310"_s, u"Atorvastatin 20 MG Oral Tablet"_s,
                                       u"2020-05-05"_s),
              });
    fx.rebuild(family.dad.id, SampleFamily::nowMs());
    return family;
}

} // namespace hh::test
