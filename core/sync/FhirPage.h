#pragma once

#include "core/Result.h"
#include "core/sync/SyncTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hh::sync {

// One answer of the FHIR server taken apart, parsed once: the resources to store (their JSON text as
// received, without whitespace between tokens, + content hash), the OperationOutcome warnings, and the paging
// links.
//
// - searchset Bundles: every entry.resource except OperationOutcome (and entries whose search.mode is
//   "outcome") becomes a RawResource of its own resourceType (included resources too). Outcome
//   issues become warnings; they are never stored.
// - a read: the resource itself.
// - Resources without resourceType or id are counted in `skipped`, not stored.
// Pure functions; any thread.
struct FhirPage {
    QList<RawResource> resources;
    QList<SyncIssue> warnings;
    QString nextUrl;
    QString selfUrl;
    QString previousUrl;
    int skipped = 0;

    // A search answer (Bundle). Protocol error for a body that is not a JSON object, not a Bundle, or
    // truncated.
    [[nodiscard]] static Result<FhirPage> fromSearchBody(const QByteArray& body);
    // A read answer: a resource of `expectedType` (empty: any type).
    [[nodiscard]] static Result<FhirPage> fromReadBody(const QByteArray& body, const QString& expectedType);

    // The RawResource of one resource object (SHA-256 hex of its JSON). nullopt without type or id. The JSON
    // is `text` without whitespace between tokens when text is the object's own JSON text (as received; it
    // must be what `resource` was parsed from), else the object's compact serialization.
    [[nodiscard]] static std::optional<RawResource> rawResource(const QJsonObject& resource,
                                                                QByteArrayView text = {});
    // Issues of an OperationOutcome (at most `cap`, duplicates dropped).
    [[nodiscard]] static QList<SyncIssue> outcomeIssues(const QJsonObject& outcome, int cap = 8);
    // The OperationOutcome issues in an error body (JSON only), or nothing.
    [[nodiscard]] static QList<SyncIssue> errorIssues(const QByteArray& body, bool looksLikeJson);
    // SHA-256 of the bytes in lower-case hex.
    [[nodiscard]] static QByteArray contentHash(const QByteArray& json);
};

} // namespace hh::sync
