#pragma once

#include "core/sync/ISyncStore.h"

#include <QString>

#include <memory>

namespace hh::db {

class ConnectionFactory;

// hh::sync::ISyncStore over the encrypted vault. Each session uses the calling thread's own
// connection (role "sync" by default) and keeps its prepared statements for the session's life.
//
// Storage rules (issue 5, PLATFORM-NOTES.md "Storage speed"):
// - pages are group-committed (ISyncSession::storePage): a batch transaction of a few thousand rows (SyncSession::kBatchRows),
//   committed earlier by a checkpoint or when the sync worker's queue runs empty; a resource is
//   INSERT OR IGNOREd, then UPDATEd only WHERE its key matches AND (content_hash IS NOT the new hash OR
//   it was marked missing): unchanged resources are never rewritten; never INSERT OR REPLACE. JSON and
//   hashes are bound as UTF-8 bytes and stored as TEXT (CAST), without a UTF-16 round trip.
// - parse once (issue 8): prepare() normalizes each new resource from the page reader's parsed object
//   on the worker's thread (db/NormalizedRow.h; not Medication and medication orders), and storePage()
//   writes its normalized row and queues its de-duplication group (profile_dedup_dirty, with the summary
//   marker; replaced with a new token, so a pipeline merging the group meanwhile keeps it queued) in the
//   raw row's transaction. The clinical pipeline then finds those rows up to date by hash
//   and version; changed resources are normalized again by the pipeline.
// - the (type, id) pairs a full pass returned unchanged are kept in a per-connection TEMP table (memory)
//   so that markMissing() can flag what a complete pass no longer returned (rows the job inserted or
//   rewrote carry its id in last_seen_job_id).
// - profile_emr_connections: only last_synced_at, status, last_error, sync_state and updated_at are
//   written here (never token columns); a 'disconnected' connection is left alone.
// Thread-safe (the object); sessions belong to their thread.
class SyncStore final : public sync::ISyncStore
{
public:
    explicit SyncStore(std::shared_ptr<ConnectionFactory> factory, QString role = QStringLiteral("sync"));
    ~SyncStore() override;

    [[nodiscard]] Result<std::unique_ptr<sync::ISyncSession>> openSession() override;
    void prepare(const sync::SyncTarget& target, QList<sync::RawResource>& resources) const override;
    void releaseThread() override;

private:
    std::shared_ptr<ConnectionFactory> m_factory;
    QString m_role;
};

} // namespace hh::db
