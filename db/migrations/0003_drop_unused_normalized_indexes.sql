-- Health Hub schema v3.
--
-- profile_fhir_resources_normalized is written by the clinical pipeline for every raw row and read
-- only by raw_id (its UNIQUE index) and by (profile_id, dedup_group) (idx_norm_group, v2): the views
-- read the clean table. Two indexes of v1 were never used by any query and cost every insert and
-- update (measured: about a tenth of the normalize phase at 100,000 resources).
DROP INDEX idx_norm_profile_type;
DROP INDEX idx_norm_code;
