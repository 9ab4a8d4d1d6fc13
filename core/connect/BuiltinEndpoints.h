#pragma once

#include "core/connect/Endpoint.h"

#include <QList>
#include <QString>

namespace hh::connect {

// The health systems Health Hub ships with (resources/endpoints/builtin.json, embedded):
// demo-epic, demo-athena (the demo health systems, client id healthhub-demo), Epic's public
// sandbox and athenahealth's preview sandbox (their client id is a setting the user enters).
// Thread-safe; parsed once.
class BuiltinEndpoints
{
public:
    [[nodiscard]] static const QList<Endpoint>& all();
    [[nodiscard]] static bool contains(const QString& id);
    // The client id a built-in brings along (demo endpoints: "healthhub-demo"); empty otherwise.
    [[nodiscard]] static QString defaultClientId(const QString& endpointId);

    static inline const QString kDemoClientId = QStringLiteral("healthhub-demo");
};

} // namespace hh::connect
