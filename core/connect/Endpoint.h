#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace hh::connect {

// A health system of the directory (a row of emr_endpoints). Plain value type, any thread.
//
// Demo endpoints: their FHIR base is stored as the stable marker "demo://<id>" (for example
// demo://demo-epic), because the in-process demo server listens on a free port that changes with
// every run. DemoEndpoints::resolve() maps the marker to the running server's base URL; code that
// talks to the server (login, token refresh, sync) resolves first.
struct Endpoint {
    QString id;              // stable slug for built-ins ("demo-epic"), uuid otherwise
    QString vendor;          // "epic", "athena" or "other" (smart::vendorKey())
    QString name;
    QString city;
    QString state;
    QString fhirBaseUrl;     // as stored: https URL, loopback http URL, or demo://<id>
    QString clientId;        // per-endpoint override; empty = vendor setting / built-in default
    QString redirectUri;     // per-endpoint override; empty = vendor setting / default
    QString scopes;          // per-endpoint override; empty = vendor setting / vendor default
    bool sandbox = false;
    bool builtin = false;
    QString source;          // "builtin", "epic-directory", "brands", "manual"
    QString smartConfig;     // cached discovery document (compact JSON), may be empty
    QString createdAt;
    QString updatedAt;

    [[nodiscard]] bool isDemo() const { return fhirBaseUrl.startsWith(QStringLiteral("demo://")); }
};

// One page of a directory search.
struct EndpointPage {
    QList<Endpoint> items;
    int total = 0;           // all matches, for "showing 1-50 of 479"
    int offset = 0;
};

// What an import changed.
struct ImportSummary {
    int added = 0;
    int updated = 0;
    int skipped = 0;         // entries the directory parser left out
    QString source;          // "epic-directory" or "brands"
};

} // namespace hh::connect

Q_DECLARE_METATYPE(hh::connect::Endpoint)
Q_DECLARE_METATYPE(hh::connect::ImportSummary)
