#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace hh::clinical {

// What the normalizer needs besides the resource: where it came from (copied into the record and
// later into the clean record's `sources`) and a way to look up resources it references.
//
// `resolve` receives a reference exactly as written ("Medication/abc", "urn:uuid:...", an absolute
// URL of the same server) and returns the referenced resource if the caller has it (raw store,
// same bundle, `_include` entries), else std::nullopt. Contained references ("#id") are resolved
// by the normalizer itself from the resource's `contained`. It may be left empty. It must be
// callable from the thread that runs normalize() and must not call back into the normalizer.
struct NormalizeContext {
    QString provider;      // vendor: epic, athena, other (profile_emr_connections.provider)
    QString endpointId;    // emr_endpoints.id
    QString connectionId;  // profile_emr_connections.id
    QString rawId;         // profile_fhir_resources_raw.id of this resource
    std::function<std::optional<QJsonObject>(const QString& reference)> resolve;
};

} // namespace hh::clinical
