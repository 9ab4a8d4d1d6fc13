#pragma once

#include "core/sync/SyncTypes.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace hh::sync {

// One concrete request: a read (readId set) or a search with its parameters.
struct QueryVariant {
    QString resourceType;
    QString readId;
    QList<std::pair<QString, QString>> params; // kept sorted by name, so URLs are stable

    // "Patient/123" or "Observation?_count=50&category=laboratory&patient=123" (values percent-encoded).
    [[nodiscard]] QString relativeUrl() const;
    [[nodiscard]] bool isRead() const { return !readId.isEmpty(); }
};

// One query of the plan, with the variants to try in order when the server refuses one (400, or
// athena's 403 "required parameter combinations").
struct PlannedQuery {
    QString key;           // stable checkpoint key without ids or dates: "Observation?category=laboratory"
    QString resourceType;
    QList<QueryVariant> variants;
    bool incremental = false; // the first variant carries _lastUpdated=ge<date>
};

// The queries of one resource type; all of them run (e.g. Epic's Observation categories) and their
// results are merged.
struct PlannedType {
    QString resourceType;
    QList<PlannedQuery> queries;
};

struct QueryPlanOptions {
    EmrVendor vendor = EmrVendor::Other;
    QString patientId;
    // Set: an incremental pass for the types whose server supports _lastUpdated (athena, or vendor
    // 'other' when its CapabilityStatement lists it). The date already includes the overlap.
    std::optional<QDate> incrementalSince;
    // vendor 'other': the server's CapabilityStatement (GET [base]/metadata); empty = plain US Core.
    QJsonObject capabilityStatement;
    int pageSize = 50;
};

// What to ask a health system for (FHIR-SMART-NOTES.md sections 3-5): Patient (read), then
// AllergyIntolerance, Condition, Observation (every category the vendor needs), MedicationRequest,
// Immunization, Procedure, Encounter, DiagnosticReport, DocumentReference, CarePlan, CareTeam, Goal,
// Device, Coverage. Referenced Practitioner/Organization/Location/Medication/Binary are read after
// the main pass (not part of the plan).
//  - epic: patient only, Observation per category laboratory, vital-signs, social-history, imaging;
//    CarePlan per category 38717003 and 734163000; full pass always.
//  - athena: patient; MedicationRequest patient+intent=order,plan (+_include of the Medication,
//    dropped when refused); incremental with _lastUpdated=ge<date>.
//  - other: the types the CapabilityStatement offers a patient search for, US Core parameters,
//    Observation per US Core category when the server searches by category.
// Pure; any thread.
class QueryPlan
{
public:
    [[nodiscard]] static QueryPlan build(const QueryPlanOptions& options);
    // Whether the vendor/server supports incremental passes at all.
    [[nodiscard]] static bool supportsIncremental(EmrVendor vendor, const QJsonObject& capabilityStatement);

    [[nodiscard]] const QList<PlannedType>& types() const { return m_types; }
    [[nodiscard]] int queryCount() const;
    [[nodiscard]] bool isIncremental() const { return m_incremental; }

private:
    QList<PlannedType> m_types;
    bool m_incremental = false;
};

} // namespace hh::sync
