#pragma once

// The hand-written samples (ClinicalSamples.h) as the clinical pipeline sees them: normalized as the records
// of two connections ("conn-epic" at "demo-epic", "conn-athena" at "demo-athena"; raw id = the sample's
// name; "Medication/med-1" resolves to the metformin Medication) and merged.

#include "clinical/ClinicalSamples.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"

#include <optional>

namespace hh::clinical::samples {

inline NormalizeContext context(const QString& provider, const QString& rawId)
{
    using namespace Qt::StringLiterals;
    NormalizeContext c;
    c.provider = provider;
    c.endpointId = u"demo-"_s + provider;
    c.connectionId = u"conn-"_s + provider;
    c.rawId = rawId;
    const QJsonObject med = object("metformin-epic-medication");
    c.resolve = [med](const QString& ref) -> std::optional<QJsonObject> {
        return ref == u"Medication/med-1" ? std::optional<QJsonObject>(med) : std::nullopt;
    };
    return c;
}

inline NormalizedRecord normalized(const Sample& s)
{
    return normalize(object(s.name), context(QString::fromLatin1(s.provider), QString::fromLatin1(s.name)));
}

// Every sample, normalized and de-duplicated.
inline QList<CleanRecord> merged()
{
    QList<NormalizedRecord> rs;
    for (const Sample& s : all())
        rs.append(normalized(s));
    return deduplicate(rs);
}

} // namespace hh::clinical::samples
