#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace hh::demo {

// The two flavours of demo health system.
enum class Vendor { Epic, Athena };

// "epic" / "athena"
QString vendorKey(Vendor vendor);
std::optional<Vendor> vendorFromKey(QStringView key);

// One member of the synthetic family. `key` is also the portal sign-in name (password "demo").
struct DemoPatient {
    QString key;         // self, mother, father, child
    QString displayName; // "Margaret Ellison"
    QString birthDate;   // YYYY-MM-DD
    QString gender;      // FHIR administrative gender
    QString epicId;      // Patient id at demo-epic
    QString athenaId;    // Patient id at demo-athena (a-24680.E-…)

    [[nodiscard]] QString idAt(Vendor vendor) const { return vendor == Vendor::Epic ? epicId : athenaId; }
};

// The synthetic family served by the demo health systems (issue 3), generated in code from a fixed seed:
// the same scale gives byte-identical resources on every machine and every run.
//
// - self (~50, a few records), mother (~80: type 2 diabetes, heart failure, CKD stage 3, hypertension,
//   penicillin allergy, years of HbA1c/eGFR/creatinine/BNP and vitals), father (~84: atrial fibrillation on
//   warfarin with INR monitoring, dementia), child (~11: asthma, peanut allergy, full CVX immunization
//   history). Everyone is a patient at both endpoints; the records overlap without being identical and
//   each endpoint writes them in its vendor's style.
// - scale N multiplies the visit and lab history (encounters, vital signs, labs, reports, notes): the
//   mother reaches about 100,000 resources at demo-epic with scale 100.
//
// Nothing is materialised up front: resource(v, key, type, i) builds resource i on demand in O(1), so a
// page of a 100k-resource search costs the same as a page of a small one.
//
// Counting rule (what a complete sync of one patient fetches):
// - searched types (searchTypes()): everything the vendor's searches return, over all categories the
//   sync queries (Epic Observation: laboratory + vital-signs + social-history + imaging; Epic CarePlan:
//   38717003 + 734163000);
// - Patient: 1;
// - referenced types (Practitioner, Organization, Location, Medication, Binary): the distinct resources
//   that the patient's resources (including Patient) reference.
// Every reference in every resource resolves with read().
//
// Thread-safety: const methods are reentrant and may be called from any thread.
class SyntheticFamily
{
public:
    explicit SyntheticFamily(int scale = 1);
    ~SyntheticFamily();
    SyntheticFamily(const SyntheticFamily&) = delete;
    SyntheticFamily& operator=(const SyntheticFamily&) = delete;

    [[nodiscard]] int scale() const;
    static constexpr int kMaxScale = 10000;

    // self, mother, father, child (in this order; the first is the default sign-in).
    [[nodiscard]] QList<DemoPatient> patients() const;
    [[nodiscard]] std::optional<DemoPatient> patient(const QString& key) const;
    [[nodiscard]] std::optional<DemoPatient> patientById(Vendor vendor, const QString& fhirId) const;

    // Types the vendor's patient searches return data for (without Patient).
    [[nodiscard]] static QStringList searchTypes(Vendor vendor);
    // Types read by reference.
    [[nodiscard]] static QStringList referencedTypes();
    // Every type with at least one resource for this patient at this endpoint, Patient included.
    [[nodiscard]] QStringList types(Vendor vendor, const QString& key) const;

    // Number of resources of `type` a complete sync of this patient fetches (see the counting rule).
    [[nodiscard]] qint64 count(Vendor vendor, const QString& key, const QString& type) const;
    [[nodiscard]] qint64 totalCount(Vendor vendor, const QString& key) const;

    // Resource `index` (0 <= index < count) of that type, in the order the server pages them.
    [[nodiscard]] QJsonObject resource(Vendor vendor, const QString& key, const QString& type, qint64 index) const;
    // All ids of that type, in order (materialises the ids only; fine for tests at small scales).
    [[nodiscard]] QStringList ids(Vendor vendor, const QString& key, const QString& type) const;
    // Calls fn for each resource in order until it returns false.
    void forEach(Vendor vendor, const QString& key, const QString& type,
                 const std::function<bool(const QJsonObject&)>& fn) const;

    // Any resource of the endpoint by type and id (patients' and shared ones); nullopt if unknown.
    [[nodiscard]] std::optional<QJsonObject> read(Vendor vendor, const QString& type, const QString& id) const;
    // The patient key that owns a patient-compartment resource; empty for shared resources (Practitioner,
    // Organization, Location, Medication); nullopt if the id is unknown.
    [[nodiscard]] std::optional<QString> owner(Vendor vendor, const QString& type, const QString& id) const;

    class Impl;

private:
    std::unique_ptr<Impl> d;
    friend class FhirService;
};

} // namespace hh::demo
