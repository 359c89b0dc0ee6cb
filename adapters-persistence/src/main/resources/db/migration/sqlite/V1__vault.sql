-- Cofre's vault on SQLite. Ids are UUID text, instants are microseconds since the epoch.
-- Card numbers are never stored in clear: only BIN, last four, length and brand, and the
-- sealed number (kek_version, wrapped_key, ciphertext), which removal sets to NULL.

CREATE TABLE merchants (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
    name                TEXT    NOT NULL,
    profile             TEXT    NOT NULL,
    allowed_ips         TEXT    NOT NULL,
    pre_auth_enabled    INTEGER NOT NULL,
    cvv_less_recurrence INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    client_id           TEXT    NOT NULL UNIQUE,
    client_secret_hash  TEXT    NOT NULL,
    just_click_key_hash TEXT    NOT NULL UNIQUE
);

CREATE TABLE tokens (
    seq                     INTEGER PRIMARY KEY,
    reference               TEXT    NOT NULL UNIQUE,
    merchant_id             TEXT    NOT NULL REFERENCES merchants (id),
    alias                   TEXT,
    customer_name           TEXT,
    customer_identification TEXT,
    bin                     TEXT    NOT NULL,
    last_four               TEXT    NOT NULL,
    pan_length              INTEGER NOT NULL,
    brand                   TEXT    NOT NULL,
    holder                  TEXT    NOT NULL,
    expiry_year             INTEGER NOT NULL,
    expiry_month            INTEGER NOT NULL,
    fingerprint             TEXT    NOT NULL,
    status                  TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REMOVED')),
    changed_to              TEXT,
    changed_by              TEXT,
    change_reason           TEXT,
    changed_at              INTEGER,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    version                 INTEGER NOT NULL,
    kek_version             INTEGER,
    wrapped_key             BLOB,
    ciphertext              BLOB,
    CHECK ((kek_version IS NULL) = (wrapped_key IS NULL) AND (wrapped_key IS NULL) = (ciphertext IS NULL)),
    CHECK (status <> 'REMOVED' OR ciphertext IS NULL)
);

-- At most one non-removed token per (merchant, alias); a removed token frees its alias.
CREATE UNIQUE INDEX tokens_alias_held ON tokens (merchant_id, alias)
    WHERE status <> 'REMOVED' AND alias IS NOT NULL;
CREATE INDEX tokens_alias_history ON tokens (merchant_id, alias, seq) WHERE alias IS NOT NULL;
CREATE INDEX tokens_kek_version ON tokens (kek_version) WHERE kek_version IS NOT NULL;

CREATE TABLE save_requests (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    request_id      TEXT    NOT NULL,
    token_reference TEXT    NOT NULL,
    PRIMARY KEY (merchant_id, request_id)
);

CREATE TABLE key_recoveries (
    merchant_id          TEXT    NOT NULL PRIMARY KEY REFERENCES merchants (id),
    consecutive_failures INTEGER NOT NULL,
    locked               INTEGER NOT NULL
);

CREATE TABLE access_tokens (
    hash        TEXT    NOT NULL PRIMARY KEY,
    merchant_id TEXT    NOT NULL REFERENCES merchants (id),
    expires_at  INTEGER NOT NULL
);
CREATE INDEX access_tokens_expiry ON access_tokens (expires_at);

CREATE TABLE idempotency_keys (
    merchant_id  TEXT NOT NULL REFERENCES merchants (id),
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    PRIMARY KEY (merchant_id, scope, key)
);

-- Append-only: no row is ever changed or deleted. Merchant is not a foreign key on purpose, so
-- that recording an event can never fail on it.
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    merchant_id TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT,
    outcome     TEXT    NOT NULL,
    source_ip   TEXT,
    detail      TEXT    NOT NULL
);
CREATE INDEX audit_events_by_merchant ON audit_events (merchant_id, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
