#pragma once

// Internal to hh_demo: builds one FHIR resource of the synthetic family in the style of one vendor.

#include "core/demo/FamilyModel.h"

#include <QDateTime>
#include <QJsonObject>

#include <array>

namespace hh::demo::detail {

// The whole family at one scale: one plan per patient per endpoint.
struct FamilyPlans {
    int scale = 1;
    std::array<Plan, kPatientCount> epic;
    std::array<Plan, kPatientCount> athena;

    explicit FamilyPlans(int s);
    const Plan& plan(Vendor vendor, int patient) const
    {
        return vendor == Vendor::Epic ? epic[std::size_t(patient)] : athena[std::size_t(patient)];
    }
};

// Key of resource `index` of segment `seg` as seen from `plan` (shared segments map to the shared key).
ResourceKey keyFor(const Plan& plan, Seg seg, qint64 index);

// The clinically relevant time of an item (effective, onset, authored, ...). Non-decreasing along a segment.
QDateTime itemTime(const Plan& plan, Seg seg, qint64 index);
// meta.lastUpdated as the athena-flavoured endpoint reports it. Non-decreasing along a segment.
QDateTime itemLastUpdated(const Plan& plan, Seg seg, qint64 index);

// The resource. For shared keys (patient == kShared) `plan` may be any plan of the vendor.
QJsonObject buildResource(const FamilyPlans& plans, Vendor vendor, const ResourceKey& key);

// Raw content of an Epic Binary (a progress note in HTML).
QByteArray binaryContent(const FamilyPlans& plans, const ResourceKey& key);

} // namespace hh::demo::detail
