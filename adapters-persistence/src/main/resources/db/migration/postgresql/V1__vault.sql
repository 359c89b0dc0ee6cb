-- Cofre's vault on PostgreSQL, in the schema Flyway was given (search_path).
-- Card numbers are never stored in clear: only BIN, last four, length and brand, and the
-- sealed number (kek_version, wrapped_key, ciphertext), which removal sets to NULL.

CREATE TABLE merchants (
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                  UUID        NOT NULL UNIQUE,
    name                TEXT        NOT NULL,
    profile             TEXT        NOT NULL,
    allowed_ips         TEXT        NOT NULL,
    pre_auth_enabled    BOOLEAN     NOT NULL,
    cvv_less_recurrence BOOLEAN     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    client_id           TEXT        NOT NULL UNIQUE,
    client_secret_hash  TEXT        NOT NULL,
    just_click_key_hash TEXT        NOT NULL UNIQUE
);

CREATE TABLE tokens (
    seq                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference               UUID        NOT NULL UNIQUE,
    merchant_id             UUID        NOT NULL REFERENCES merchants (id),
    alias                   TEXT,
    customer_name           TEXT,
    customer_identification TEXT,
    bin                     TEXT        NOT NULL,
    last_four               TEXT        NOT NULL,
    pan_length              INTEGER     NOT NULL,
    brand                   TEXT        NOT NULL,
    holder                  TEXT        NOT NULL,
    expiry_year             INTEGER     NOT NULL,
    expiry_month            INTEGER     NOT NULL,
    fingerprint             TEXT        NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REMOVED')),
    changed_to              TEXT,
    changed_by              TEXT,
    change_reason           TEXT,
    changed_at              TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL,
    kek_version             INTEGER,
    wrapped_key             BYTEA,
    ciphertext              BYTEA,
    CHECK ((kek_version IS NULL) = (wrapped_key IS NULL) AND (wrapped_key IS NULL) = (ciphertext IS NULL)),
    CHECK (status <> 'REMOVED' OR ciphertext IS NULL)
);

-- At most one non-removed token per (merchant, alias), across every server sharing the database.
CREATE UNIQUE INDEX tokens_alias_held ON tokens (merchant_id, alias)
    WHERE status <> 'REMOVED' AND alias IS NOT NULL;
CREATE INDEX tokens_alias_history ON tokens (merchant_id, alias, seq) WHERE alias IS NOT NULL;
CREATE INDEX tokens_kek_version ON tokens (kek_version) WHERE kek_version IS NOT NULL;

CREATE TABLE save_requests (
    merchant_id     UUID NOT NULL REFERENCES merchants (id),
    request_id      UUID NOT NULL,
    token_reference UUID NOT NULL,
    PRIMARY KEY (merchant_id, request_id)
);

CREATE TABLE key_recoveries (
    merchant_id          UUID    NOT NULL PRIMARY KEY REFERENCES merchants (id),
    consecutive_failures INTEGER NOT NULL,
    locked               BOOLEAN NOT NULL
);

CREATE TABLE access_tokens (
    hash        TEXT        NOT NULL PRIMARY KEY,
    merchant_id UUID        NOT NULL REFERENCES merchants (id),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_tokens_expiry ON access_tokens (expires_at);

CREATE TABLE idempotency_keys (
    merchant_id  UUID NOT NULL REFERENCES merchants (id),
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    PRIMARY KEY (merchant_id, scope, key)
);

-- Append-only: no row is ever changed or deleted. Merchant is not a foreign key on purpose, so
-- that recording an event can never fail on it.
CREATE TABLE audit_events (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    merchant_id UUID        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT,
    outcome     TEXT        NOT NULL,
    source_ip   TEXT,
    detail      TEXT        NOT NULL
);
CREATE INDEX audit_events_by_merchant ON audit_events (merchant_id, seq);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;

CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
