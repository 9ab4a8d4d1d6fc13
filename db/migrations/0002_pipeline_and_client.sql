-- Health Hub schema v2.
--
-- 1. Incremental clean-record recompute (issue 6). Every normalized row carries its
--    de-duplication group (hh::clinical::Deduplicator::groupKey; NULL for rows that take no part:
--    errors, entered-in-error). A sync that changes some raw rows recomputes only the groups those
--    rows were in before and after. Groups whose clean rows are stale are remembered in
--    profile_dedup_dirty, written in the same transaction as the normalized rows and cleared in the
--    same transaction as the clean rows are replaced: a crash in between leaves them queued, and
--    the next pipeline run finishes the work.
ALTER TABLE profile_fhir_resources_normalized ADD COLUMN dedup_group TEXT;
CREATE INDEX idx_norm_group ON profile_fhir_resources_normalized(profile_id, dedup_group);

CREATE TABLE profile_dedup_dirty (
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    dedup_group     TEXT NOT NULL,
    PRIMARY KEY (profile_id, dedup_group)
) WITHOUT ROWID;

-- 2. The OAuth client a connection was made with (issue 4). Refresh and the JWT bearer grant must
--    use the client id the tokens were issued to, even after the endpoint's setting changes.
--    NULL for connections made before v2: they fall back to the endpoint/vendor setting.
ALTER TABLE profile_emr_connections ADD COLUMN client_id TEXT;
