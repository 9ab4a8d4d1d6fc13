#pragma once

// Internal to hh_demo: recorded vendor syncs in the corpus's index.json format, served again.
//
// A directory given to --replay is either one recording (it holds index.json) or a folder of recordings
// (each sub-directory holding an index.json). Each recording becomes an endpoint of its vendor's flavour
// (replay-epic-1, replay-athena-1, ... in directory-name order) whose FHIR base has the demo shape
// (http://127.0.0.1:PORT/replay/N/api/FHIR/R4 or .../replay/N/fhir/r4).
//
// A request is answered with the recorded track of the same method, resource path and query (order of the
// query parameters does not matter): recorded status, Content-Type and body, with the recorded server's base
// URL replaced by the endpoint's, so `next` links lead back here. Empty bodies stay empty; omitted HTML bodies
// (Epic's 404 pages) are replaced by a short HTML page. Requests that were not recorded get a 404
// OperationOutcome.

#include "core/Result.h"
#include "core/demo/DemoHttp.h"
#include "core/demo/EndpointConfig.h"

#include <QList>
#include <QPair>
#include <QString>

namespace hh::demo {

class ReplayLibrary
{
public:
    struct Track {
        QString method;
        QString path;                         // below the recorded FHIR base, no leading '/'
        QList<QPair<QString, QString>> query; // decoded, sorted
        int status = 200;
        QByteArray contentType;
        QString file; // relative to the recording directory; empty when no body was kept
        QString note;
    };

    struct Recording {
        QString name; // directory name
        QString dir;
        Vendor vendor = Vendor::Epic;
        QString recordedBase; // e.g. https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4
        QString patientId;
        QList<Track> tracks; // first occurrences only
    };

    // Loads one recording or a folder of recordings.
    [[nodiscard]] static Result<QList<Recording>> load(const QString& dir);

    // The recorded answer to a FHIR request (relPath below the endpoint's base).
    static DemoResponse respond(const Recording& recording, const EndpointConfig& endpoint, const QString& relPath,
                                const DemoRequest& request);

    // Decoded, sorted query pairs of a URL query string.
    static QList<QPair<QString, QString>> normalizedQuery(const QUrlQuery& query);
};

} // namespace hh::demo
