#pragma once

// Internal to hh_demo: where an endpoint lives on the server and which flavour it speaks.

#include "core/demo/SyntheticFamily.h"

#include <QString>
#include <QUrl>

namespace hh::demo {

struct EndpointConfig {
    QString id; // demo-epic, demo-athena, replay-epic-1, ...
    Vendor vendor = Vendor::Epic;
    QString name;            // shown on the login page
    QString root;            // "/demo-epic"
    QString fhirPath;        // "/demo-epic/api/FHIR/R4"
    QString oauthPath;       // "/demo-epic/oauth2" (Epic) or "/demo-athena/oauth2/v1" (athena)
    int replayIndex = -1;    // >= 0: serves recording number replayIndex instead of the synthetic family
    QString replayPatientId; // the recorded patient (replay only)
    QString origin;          // "http://127.0.0.1:PORT"

    [[nodiscard]] bool isReplay() const { return replayIndex >= 0; }
    [[nodiscard]] QString fhirBase() const { return origin + fhirPath; }
    [[nodiscard]] QString oauthUrl(const QString& operation) const
    {
        return origin + oauthPath + u'/' + operation;
    }
    [[nodiscard]] QString issuer() const { return origin + oauthPath; }

    static EndpointConfig make(const QString& id, Vendor vendor, const QString& name, const QString& root)
    {
        EndpointConfig c;
        c.id = id;
        c.vendor = vendor;
        c.name = name;
        c.root = root;
        c.fhirPath = root + (vendor == Vendor::Epic ? QStringLiteral("/api/FHIR/R4") : QStringLiteral("/fhir/r4"));
        c.oauthPath = root + (vendor == Vendor::Epic ? QStringLiteral("/oauth2") : QStringLiteral("/oauth2/v1"));
        return c;
    }
};

} // namespace hh::demo
