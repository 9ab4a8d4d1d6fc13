-- Health Hub schema v4.
--
-- profile_dedup_dirty.token: a queue row's version. Writers other than the clinical pipeline (a sync storing
-- new records of a group) replace the row with a new random token; the pipeline deletes a group's row only
-- with the token it read before reading the group's records, so records committed while it merged the
-- group keep the group queued for the next run.
ALTER TABLE profile_dedup_dirty ADD COLUMN token INTEGER NOT NULL DEFAULT 0;
