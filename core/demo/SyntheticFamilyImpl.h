#pragma once

// Internal to hh_demo: what the FHIR service needs from the synthetic family beyond the public API.

#include "core/demo/ResourceFactory.h"
#include "core/demo/SyntheticFamily.h"

#include <QList>

#include <optional>

namespace hh::demo {

class SyntheticFamily::Impl
{
public:
    explicit Impl(int scale) : plans(scale) {}

    detail::FamilyPlans plans;

    // Patient index 0..3 of a sign-in key, -1 if unknown.
    static int patientIndex(const QString& key);
    static QString patientKey(int index);

    // Segments that make up `type` for a complete sync (in paging order for a category-less search).
    static QList<detail::Seg> segmentsFor(Vendor vendor, const QString& type);

    // A validated key for (type, id) at this endpoint, or nullopt.
    std::optional<detail::ResourceKey> resolve(Vendor vendor, const QString& type, const QString& id) const;

    QJsonObject build(Vendor vendor, const detail::ResourceKey& key) const
    {
        return detail::buildResource(plans, vendor, key);
    }
};

} // namespace hh::demo
