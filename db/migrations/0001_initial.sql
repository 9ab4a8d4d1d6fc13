-- Health Hub schema v1: the nine tables of the PostgreSQL seed design, adapted to SQLCipher 3.4.1
-- (SQLite 3.15: no JSON1, no UPSERT, no window functions). Conventions (ARCHITECTURE.md):
--   ids      TEXT uuid made by the app (lowercase, no braces)
--   times    TEXT UTC ISO 8601 with milliseconds and Z
--   JSON     TEXT compact JSON validated by the app; queried fields have their own columns
--   secrets  BLOB columns *_encrypted hold libsodium secretbox output under a key derived from the
--            vault key (never plaintext)

-- 1. users: accounts sharing this vault.
CREATE TABLE users (
    id              TEXT PRIMARY KEY NOT NULL,
    email           TEXT NOT NULL,                 -- as entered
    email_normalized TEXT NOT NULL UNIQUE,         -- lower-cased, trimmed: unique case-insensitively
    name            TEXT NOT NULL,
    password_hash   TEXT NOT NULL,                 -- libsodium crypto_pwhash_str (Argon2id)
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- 2. profiles: family members of an account.
CREATE TABLE profiles (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    display_name    TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    legal_name      TEXT,
    date_of_birth   TEXT,                          -- YYYY-MM-DD
    relationship    TEXT NOT NULL DEFAULT 'other'
                    CHECK (relationship IN ('self','mother','father','spouse','child','sibling','grandparent','other')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX idx_profiles_user ON profiles(user_id, display_name);

-- Addition: the directory of health systems. Built-in rows (demo, vendor sandboxes) and imported
-- directories. A connection references an endpoint, so one profile can hold two Epic organizations.
CREATE TABLE emr_endpoints (
    id              TEXT PRIMARY KEY NOT NULL,     -- stable slug for built-ins ('demo-epic'), uuid otherwise
    vendor          TEXT NOT NULL CHECK (vendor IN ('epic','athena','other')),
    name            TEXT NOT NULL,                 -- organization name
    city            TEXT,
    state           TEXT,
    fhir_base_url   TEXT NOT NULL,
    client_id       TEXT,                          -- per-endpoint override of the vendor setting
    redirect_uri    TEXT,
    scopes          TEXT,                          -- space-separated; NULL = vendor default
    sandbox         INTEGER NOT NULL DEFAULT 0,
    builtin         INTEGER NOT NULL DEFAULT 0,
    source          TEXT,                          -- 'builtin', 'epic-directory', 'brands', 'manual'
    smart_config    TEXT,                          -- cached discovery document (JSON)
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (fhir_base_url, name)
);
CREATE INDEX idx_emr_endpoints_name ON emr_endpoints(name COLLATE NOCASE);
CREATE INDEX idx_emr_endpoints_city ON emr_endpoints(city COLLATE NOCASE);

-- 3. oauth_states: one pending authorization request. Single-use, expiring.
CREATE TABLE oauth_states (
    state           TEXT PRIMARY KEY NOT NULL,     -- >= 128 random bits, base64url
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    endpoint_id     TEXT NOT NULL REFERENCES emr_endpoints(id) ON DELETE CASCADE,
    provider        TEXT NOT NULL,                 -- vendor
    code_verifier_encrypted BLOB NOT NULL,         -- PKCE verifier
    redirect_uri    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT                           -- set when consumed; a used state is refused
);
CREATE INDEX idx_oauth_states_expires ON oauth_states(expires_at);

-- 4. profile_emr_connections: a profile signed in to a health system.
CREATE TABLE profile_emr_connections (
    id              TEXT PRIMARY KEY NOT NULL,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    endpoint_id     TEXT NOT NULL REFERENCES emr_endpoints(id),
    provider        TEXT NOT NULL,                 -- vendor: epic, athena, other
    patient_emr_id  TEXT,                          -- token response 'patient'
    access_token_encrypted  BLOB,
    refresh_token_encrypted BLOB,
    expires_at      TEXT,
    scope           TEXT,                          -- granted scopes
    status          TEXT NOT NULL DEFAULT 'connected'
                    CHECK (status IN ('connected','needs_reauth','error','disconnected')),
    last_error      TEXT,                          -- words for people; never tokens or PHI
    last_synced_at  TEXT,
    dynamic_client_id TEXT,                        -- Epic DCR client id
    private_key_encrypted BLOB,                    -- Epic DCR device key (PEM), wrapped
    key_id          TEXT,
    access_expires_on TEXT,                        -- when the patient's grant ends, if known
    sync_state      TEXT,                          -- JSON checkpoint: per type/query variant progress
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_id, endpoint_id)
);
CREATE INDEX idx_connections_profile ON profile_emr_connections(profile_id);

-- 9. profile_sync_jobs: one row per sync run of a connection.
CREATE TABLE profile_sync_jobs (
    id              TEXT PRIMARY KEY NOT NULL,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    connection_id   TEXT REFERENCES profile_emr_connections(id) ON DELETE CASCADE,
    provider        TEXT,
    status          TEXT NOT NULL
                    CHECK (status IN ('queued','running','success','partial','failed','cancelled')),
    started_at      TEXT,
    finished_at     TEXT,
    resources_fetched INTEGER NOT NULL DEFAULT 0,
    counts          TEXT,                          -- JSON {type: count}
    errors          TEXT,                          -- JSON [{type, query, status, issues}]
    error_message   TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX idx_sync_jobs_profile ON profile_sync_jobs(profile_id, created_at);
CREATE INDEX idx_sync_jobs_connection ON profile_sync_jobs(connection_id, created_at);
CREATE INDEX idx_sync_jobs_status ON profile_sync_jobs(status);

-- 5. profile_fhir_resources_raw: resources exactly as received.
CREATE TABLE profile_fhir_resources_raw (
    id              TEXT PRIMARY KEY NOT NULL,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    resource_type   TEXT NOT NULL,
    connection_id   TEXT NOT NULL REFERENCES profile_emr_connections(id) ON DELETE CASCADE,
    provider        TEXT NOT NULL,
    resource_id     TEXT NOT NULL,                 -- FHIR id (or parentType/parentId#containedId)
    resource_json   TEXT NOT NULL,
    content_hash    TEXT NOT NULL,                 -- SHA-256 of the JSON: unchanged rows are not rewritten
    last_seen_job_id TEXT,                         -- the last sync job that returned it
    missing_since_job_id TEXT,                     -- set when a complete pass no longer returns it
    fetched_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_id, resource_type, connection_id, resource_id)
);
CREATE INDEX idx_raw_connection ON profile_fhir_resources_raw(connection_id, resource_type);

-- 6. profile_fhir_resources_normalized: one row per raw row, codes and units made canonical.
CREATE TABLE profile_fhir_resources_normalized (
    id              TEXT PRIMARY KEY NOT NULL,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    raw_id          TEXT NOT NULL UNIQUE REFERENCES profile_fhir_resources_raw(id) ON DELETE CASCADE,
    resource_type   TEXT NOT NULL,
    status          TEXT,
    canonical_system TEXT,
    canonical_code  TEXT,
    display         TEXT,
    effective_at    TEXT,                          -- onset / effective / authored / occurrence / period start
    effective_end   TEXT,
    value_num       REAL,
    value_unit      TEXT,                          -- canonical UCUM unit after conversion
    value_text      TEXT,
    abnormal        TEXT,                          -- interpretation: H, L, A, HH, LL, N ...
    normalized_json TEXT NOT NULL,                 -- the full normalized record
    error           TEXT,                          -- why it could not be normalized (raw row kept)
    normalizer_version INTEGER NOT NULL,
    raw_hash        TEXT NOT NULL,                 -- content_hash of the raw row it came from
    updated_at      TEXT NOT NULL
);
CREATE INDEX idx_norm_profile_type ON profile_fhir_resources_normalized(profile_id, resource_type, effective_at);
CREATE INDEX idx_norm_code ON profile_fhir_resources_normalized(profile_id, canonical_system, canonical_code);

-- 7. profile_fhir_resources_clean: one row per clinical fact across a profile's connections.
CREATE TABLE profile_fhir_resources_clean (
    id              TEXT PRIMARY KEY NOT NULL,
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    resource_type   TEXT NOT NULL,
    dedup_key       TEXT NOT NULL,
    status          TEXT,
    canonical_system TEXT,
    canonical_code  TEXT,
    display         TEXT,
    effective_at    TEXT,
    value_num       REAL,
    value_unit      TEXT,
    value_text      TEXT,
    abnormal        TEXT,
    has_conflict    INTEGER NOT NULL DEFAULT 0,
    sources         TEXT NOT NULL,                 -- JSON [{provider, endpoint, raw_id, ...}]
    clean_json      TEXT NOT NULL,                 -- merged record with per-field provenance
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_id, resource_type, dedup_key)
);
CREATE INDEX idx_clean_profile_type ON profile_fhir_resources_clean(profile_id, resource_type, effective_at);
CREATE INDEX idx_clean_code ON profile_fhir_resources_clean(profile_id, canonical_system, canonical_code, effective_at);
CREATE INDEX idx_clean_display ON profile_fhir_resources_clean(profile_id, display COLLATE NOCASE);

-- 8. profile_summary: precomputed per profile.
CREATE TABLE profile_summary (
    profile_id      TEXT PRIMARY KEY NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    status          TEXT NOT NULL DEFAULT 'absent' CHECK (status IN ('absent','syncing','ready','error')),
    summary_json    TEXT,
    error_message   TEXT,
    updated_at      TEXT NOT NULL
);

-- Addition: small key/value settings stored inside the vault (never PHI-free settings outside it).
CREATE TABLE app_settings (
    key             TEXT PRIMARY KEY NOT NULL,
    value           TEXT
);
