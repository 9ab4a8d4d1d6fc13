#include "core/demo/SyntheticFamily.h"

#include "core/demo/SyntheticFamilyImpl.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::demo {

using detail::kShared;
using detail::ResourceKey;
using detail::Seg;

QString vendorKey(Vendor vendor)
{
    return vendor == Vendor::Epic ? u"epic"_s : u"athena"_s;
}

std::optional<Vendor> vendorFromKey(QStringView key)
{
    if (key == u"epic")
        return Vendor::Epic;
    if (key == u"athena")
        return Vendor::Athena;
    return std::nullopt;
}

// --- Impl ------------------------------------------------------------------------------------------------------

int SyntheticFamily::Impl::patientIndex(const QString& key)
{
    for (int p = 0; p < detail::kPatientCount; ++p)
        if (key == QLatin1StringView(detail::person(p).key))
            return p;
    return -1;
}

QString SyntheticFamily::Impl::patientKey(int index)
{
    return QString::fromLatin1(detail::person(index).key);
}

QList<Seg> SyntheticFamily::Impl::segmentsFor(Vendor vendor, const QString& type)
{
    static const QHash<QString, QList<Seg>> kCommon{
        {u"Patient"_s, {Seg::Patient}},
        {u"AllergyIntolerance"_s, {Seg::Allergy}},
        {u"Condition"_s, {Seg::Condition}},
        {u"MedicationRequest"_s, {Seg::MedRequest}},
        {u"Medication"_s, {Seg::Medication}},
        {u"Immunization"_s, {Seg::Immunization}},
        {u"Procedure"_s, {Seg::Procedure}},
        {u"Encounter"_s, {Seg::Encounter}},
        {u"DiagnosticReport"_s, {Seg::DiagReport}},
        {u"DocumentReference"_s, {Seg::DocRef}},
        {u"Goal"_s, {Seg::Goal}},
        {u"CareTeam"_s, {Seg::CareTeam}},
        {u"CarePlan"_s, {Seg::CarePlanLong, Seg::CarePlanEnc}},
        {u"Device"_s, {Seg::Device}},
        {u"Practitioner"_s, {Seg::Practitioner}},
        {u"Organization"_s, {Seg::Organization}},
        {u"Location"_s, {Seg::Location}},
    };
    if (type == u"Observation")
        return vendor == Vendor::Epic ? QList<Seg>{Seg::LabObs, Seg::VitalObs, Seg::SocialObs}
                                      : QList<Seg>{Seg::SocialObs, Seg::LabObs, Seg::VitalObs};
    if (type == u"Binary")
        return vendor == Vendor::Epic ? QList<Seg>{Seg::Binary} : QList<Seg>{};
    if (type == u"Coverage")
        return vendor == Vendor::Athena ? QList<Seg>{Seg::Coverage} : QList<Seg>{};
    return kCommon.value(type);
}

std::optional<ResourceKey> SyntheticFamily::Impl::resolve(Vendor vendor, const QString& type,
                                                          const QString& id) const
{
    auto key = detail::parseResourceId(vendor, id);
    if (!key)
        return std::nullopt;
    // athena departments are both a Location and an Organization.
    if (vendor == Vendor::Athena && key->seg == Seg::Location && type == u"Organization")
        key = ResourceKey{Seg::Organization, kShared, key->index + 2};
    if (detail::segResourceType(key->seg) != type)
        return std::nullopt;
    // The id must be the canonical spelling (no aliases such as leading zeros).
    if (detail::resourceId(vendor, *key) != id)
        return std::nullopt;
    if (key->patient == kShared) {
        qint64 limit = 0;
        switch (key->seg) {
        case Seg::Practitioner:
            limit = detail::practitioners(vendor).size();
            break;
        case Seg::Organization:
            limit = detail::organizationCount(vendor);
            break;
        case Seg::Location:
            limit = detail::locationCount(vendor);
            break;
        case Seg::Medication:
            limit = detail::drugCount();
            break;
        default:
            return std::nullopt;
        }
        if (key->index < 0 || key->index >= limit)
            return std::nullopt;
        return key;
    }
    if (key->patient < 0 || key->patient >= detail::kPatientCount || !detail::segIsPatientCompartment(key->seg))
        return std::nullopt;
    const detail::Plan& plan = plans.plan(vendor, key->patient);
    if (key->index < 0 || key->index >= plan.count(key->seg))
        return std::nullopt;
    return key;
}

// --- SyntheticFamily -------------------------------------------------------------------------------------------

SyntheticFamily::SyntheticFamily(int scale) : d(std::make_unique<Impl>(std::clamp(scale, 1, kMaxScale))) {}

SyntheticFamily::~SyntheticFamily() = default;

int SyntheticFamily::scale() const
{
    return d->plans.scale;
}

QList<DemoPatient> SyntheticFamily::patients() const
{
    QList<DemoPatient> out;
    for (int p = 0; p < detail::kPatientCount; ++p) {
        const detail::PersonDef& def = detail::person(p);
        DemoPatient patient;
        patient.key = QString::fromLatin1(def.key);
        patient.displayName = QString::fromUtf8(def.given) + u' ' + QString::fromUtf8(def.family);
        patient.birthDate = QString::fromLatin1(def.birthDate);
        patient.gender = QString::fromLatin1(def.gender);
        patient.epicId = detail::epicId({Seg::Patient, p, 0});
        patient.athenaId = detail::athenaId({Seg::Patient, p, 0});
        out.append(patient);
    }
    return out;
}

std::optional<DemoPatient> SyntheticFamily::patient(const QString& key) const
{
    const int p = Impl::patientIndex(key);
    if (p < 0)
        return std::nullopt;
    return patients().at(p);
}

std::optional<DemoPatient> SyntheticFamily::patientById(Vendor vendor, const QString& fhirId) const
{
    for (const DemoPatient& p : patients())
        if (p.idAt(vendor) == fhirId)
            return p;
    return std::nullopt;
}

QStringList SyntheticFamily::searchTypes(Vendor vendor)
{
    QStringList types{
        u"AllergyIntolerance"_s, u"CarePlan"_s,          u"CareTeam"_s,  u"Condition"_s, u"Device"_s,
        u"DiagnosticReport"_s,   u"DocumentReference"_s, u"Encounter"_s, u"Goal"_s,      u"Immunization"_s,
        u"MedicationRequest"_s,  u"Observation"_s,       u"Procedure"_s};
    if (vendor == Vendor::Athena)
        types.append(u"Coverage"_s);
    std::sort(types.begin(), types.end());
    return types;
}

QStringList SyntheticFamily::referencedTypes()
{
    return {u"Binary"_s, u"Location"_s, u"Medication"_s, u"Organization"_s, u"Practitioner"_s};
}

QStringList SyntheticFamily::types(Vendor vendor, const QString& key) const
{
    QStringList out;
    const QStringList all = QStringList{u"Patient"_s} + searchTypes(vendor) + referencedTypes();
    for (const QString& type : all)
        if (count(vendor, key, type) > 0)
            out.append(type);
    return out;
}

qint64 SyntheticFamily::count(Vendor vendor, const QString& key, const QString& type) const
{
    const int p = Impl::patientIndex(key);
    if (p < 0)
        return 0;
    const detail::Plan& plan = d->plans.plan(vendor, p);
    qint64 n = 0;
    for (Seg seg : Impl::segmentsFor(vendor, type))
        n += plan.count(seg);
    return n;
}

qint64 SyntheticFamily::totalCount(Vendor vendor, const QString& key) const
{
    qint64 n = 0;
    for (const QString& type : QStringList{u"Patient"_s} + searchTypes(vendor) + referencedTypes())
        n += count(vendor, key, type);
    return n;
}

QJsonObject SyntheticFamily::resource(Vendor vendor, const QString& key, const QString& type, qint64 index) const
{
    const int p = Impl::patientIndex(key);
    if (p < 0 || index < 0)
        return {};
    const detail::Plan& plan = d->plans.plan(vendor, p);
    for (Seg seg : Impl::segmentsFor(vendor, type)) {
        const qint64 n = plan.count(seg);
        if (index < n)
            return d->build(vendor, detail::keyFor(plan, seg, index));
        index -= n;
    }
    return {};
}

QStringList SyntheticFamily::ids(Vendor vendor, const QString& key, const QString& type) const
{
    QStringList out;
    const int p = Impl::patientIndex(key);
    if (p < 0)
        return out;
    const detail::Plan& plan = d->plans.plan(vendor, p);
    for (Seg seg : Impl::segmentsFor(vendor, type))
        for (qint64 i = 0, n = plan.count(seg); i < n; ++i)
            out.append(detail::resourceId(vendor, detail::keyFor(plan, seg, i)));
    return out;
}

void SyntheticFamily::forEach(Vendor vendor, const QString& key, const QString& type,
                              const std::function<bool(const QJsonObject&)>& fn) const
{
    const int p = Impl::patientIndex(key);
    if (p < 0)
        return;
    const detail::Plan& plan = d->plans.plan(vendor, p);
    for (Seg seg : Impl::segmentsFor(vendor, type))
        for (qint64 i = 0, n = plan.count(seg); i < n; ++i)
            if (!fn(d->build(vendor, detail::keyFor(plan, seg, i))))
                return;
}

std::optional<QJsonObject> SyntheticFamily::read(Vendor vendor, const QString& type, const QString& id) const
{
    const auto key = d->resolve(vendor, type, id);
    if (!key)
        return std::nullopt;
    return d->build(vendor, *key);
}

std::optional<QString> SyntheticFamily::owner(Vendor vendor, const QString& type, const QString& id) const
{
    const auto key = d->resolve(vendor, type, id);
    if (!key)
        return std::nullopt;
    return key->patient == kShared ? QString() : Impl::patientKey(key->patient);
}

} // namespace hh::demo
