#pragma once

// Internal to hh_demo: the synthetic family's clinical tables, per-endpoint plans and the pure functions
// that turn (plan, segment, index) into dates and values. Everything here is deterministic: the same
// inputs give the same output on every machine (fixed seed, no clock, no global random generator).

#include "core/demo/SyntheticFamily.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace hh::demo::detail {

// A "segment" is one homogeneous, index-addressable run of resources of one patient at one endpoint
// (e.g. the vital-sign Observations). Resource i of a segment is generated on demand from its index.
enum class Seg : int {
    Patient = 0,
    Condition,
    Allergy,
    MedRequest,
    Medication,
    Immunization,
    Procedure,
    Encounter,
    VitalObs,
    LabObs,
    SocialObs,
    DiagReport,
    DocRef,
    Binary,
    Goal,
    CareTeam,
    CarePlanLong, // Epic CarePlan category 38717003 (longitudinal)
    CarePlanEnc,  // Epic CarePlan category 734163000 (encounter)
    Device,
    Coverage,
    Practitioner,
    Organization,
    Location,
    Count
};

constexpr int kSegCount = static_cast<int>(Seg::Count);
constexpr int kShared = 7; // "patient" number of resources shared by all patients (practitioners, ...)
constexpr int kPatientCount = 4;
constexpr int kVitalsPerVisit = 8;
constexpr int kAthenaPractice = 24680;

QString segResourceType(Seg seg);
bool segIsPatientCompartment(Seg seg);

struct ResourceKey {
    Seg seg = Seg::Patient;
    int patient = 0; // 0..3, or kShared
    qint64 index = 0;
    friend bool operator==(const ResourceKey&, const ResourceKey&) = default;
};

// --- Ids --------------------------------------------------------------------------------------------------
// Epic: opaque 24-character ids ("e" + 22 base62 characters + "3"), reversible and self-checking.
// athena: a-{practice}.{kind}-{n} (shared entities a-1.Practice-{practice}).
QString epicId(const ResourceKey& key);
std::optional<ResourceKey> parseEpicId(QStringView id);
QString athenaId(const ResourceKey& key);
std::optional<ResourceKey> parseAthenaId(QStringView id);
QString resourceId(Vendor vendor, const ResourceKey& key);
std::optional<ResourceKey> parseResourceId(Vendor vendor, QStringView id);

// --- Deterministic noise ------------------------------------------------------------------------------------
quint64 mix64(quint64 x);
// In [-1, 1], stable for the same arguments.
double noise(int patient, int salt, qint64 index, int salt2 = 0);
// In [0, 1).
double unit(int patient, int salt, qint64 index, int salt2 = 0);

// --- Clinical tables ----------------------------------------------------------------------------------------
struct Code {
    const char* system;
    const char* code;
    const char* display;
};

struct ConditionDef {
    Code snomed;
    Code icd10;
    const char* text;
    const char* onset;     // ISO date
    const char* clinical;  // active | resolved | inactive
    const char* abatement; // ISO date or nullptr
};

struct AllergyDef {
    Code epicCode;   // code used by the Epic-flavoured endpoint
    Code athenaCode; // code used by the athena-flavoured endpoint
    const char* text;
    const char* category; // medication | food | environment
    const char* criticality;
    const char* reaction; // SNOMED manifestation code
    const char* reactionDisplay;
    const char* recorded;
};

struct DrugDef {
    const char* rxcui;      // RxNorm SCD/SBD
    const char* name;       // RxNorm display
    const char* ingredient; // RxNorm IN
    const char* ingredientName;
    const char* text; // short name as shown in portals
    const char* sig;
    const char* route; // SNOMED route
    const char* routeDisplay;
    const char* form;
};

struct MedOrderDef {
    int drug;
    const char* authoredOn;
    const char* status; // active | stopped | completed
};

struct ImmunizationDef {
    const char* cvx;
    const char* display;
    QDate date;
    const char* mvx;
    const char* manufacturer;
};

struct ProcedureDef {
    Code code;
    const char* date;
};

struct AnalyteDef {
    const char* loinc;
    const char* display;
    const char* text;
    const char* unit; // UCUM
    double low;       // reference range, NaN when none
    double high;
    int decimals;
};

struct PractitionerDef {
    const char* family;
    const char* given;
    const char* npi;
    const char* specialty;
};

const DrugDef& drug(int index);
int drugCount();
const AnalyteDef& analyte(int index);
const ConditionDef& condition(int index);
const AllergyDef& allergy(int index);

// Demographics of the four family members (index: 0 self, 1 mother, 2 father, 3 child).
struct PersonDef {
    const char* key;
    const char* given;
    const char* middle;
    const char* family;
    const char* gender;
    const char* birthDate;
    const char* phone;
    const char* street;
};
const PersonDef& person(int patient);

// --- Plans ---------------------------------------------------------------------------------------------------
// What one patient's chart holds at one endpoint.
struct Plan {
    Vendor vendor = Vendor::Epic;
    int patient = 0;

    // Visits (Encounter, 8 vital signs, a progress note and its Binary per visit).
    QDate visitStart;
    QDate visitEnd;
    qint64 visits = 0;
    const char* visitReason = "";
    Code visitType{};

    // Lab draws (one DiagnosticReport + one Observation per analyte per draw).
    QDate labStart;
    QDate labEnd;
    qint64 draws = 0;
    QList<int> analytes;
    Code panel{};
    // athena copies of Epic results: draw j of this plan is the Epic plan's draw (2j + 1) (same date and value).
    bool mirrorsEpicDraws = false;
    qint64 epicDraws = 0; // of the mirrored Epic plan

    QList<int> conditions;
    QList<int> allergies;
    QList<MedOrderDef> meds;
    QList<ImmunizationDef> immunizations;
    QList<ProcedureDef> procedures;
    QString smokingCode; // SNOMED
    QString smokingDisplay;
    bool hasGoal = false;
    bool hasDevice = false;
    bool hasCoverage = false;
    int encounterCarePlans = 0;

    int practitioner = 0;     // index into the vendor's practitioner table
    QList<int> practitioners; // all referenced

    qint64 count(Seg seg) const;
    QList<int> drugsUsed() const;

    // Time of visit k / draw k (UTC), strictly increasing with k.
    QDateTime visitTime(qint64 k) const;
    QDateTime drawTime(qint64 k) const;
};

// scale >= 1
Plan makePlan(Vendor vendor, int patient, int scale);

QList<PractitionerDef> practitioners(Vendor vendor);
// Shared resources per vendor.
int organizationCount(Vendor vendor);
int locationCount(Vendor vendor);

// The family's "today": all histories end here, so output never depends on the clock.
QDate anchorDate();

// Value of analyte a for patient p at draw k of n (Epic numbering).
double labValue(int patient, int analyteIndex, qint64 k, qint64 n);

// Vital sign v (0..7) for a visit: value in canonical metric units.
struct VitalValue {
    double value = 0;
    double systolic = 0;
    double diastolic = 0;
};
VitalValue vitalValue(const Plan& plan, int vital, qint64 visit);

} // namespace hh::demo::detail
