-- The charge engine: orders (with their items), charges (with the payment options, the masked card
-- and the merchant's metadata), the transactions of each charge, spent network-token cryptograms
-- (only their keyed hash), and the leases that keep two servers from reconciling one transaction
-- at the same time. Ids are the API's random ids (or_..., ch_..., tran_...), never sequences;
-- rows of one parent are ordered by their position in it.

CREATE TABLE orders (
    id          TEXT        NOT NULL PRIMARY KEY,
    merchant_id UUID        NOT NULL REFERENCES merchants (id),
    amount      BIGINT      NOT NULL CHECK (amount > 0),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE order_items (
    order_id    TEXT    NOT NULL REFERENCES orders (id),
    position    INTEGER NOT NULL,
    description TEXT    NOT NULL,
    amount      BIGINT  NOT NULL CHECK (amount >= 0),
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE charges (
    id                    TEXT        NOT NULL PRIMARY KEY,
    merchant_id           UUID        NOT NULL REFERENCES merchants (id),
    order_id              TEXT        NOT NULL REFERENCES orders (id),
    operation_type        TEXT        NOT NULL,
    installments          INTEGER     NOT NULL,
    statement_descriptor  TEXT,
    recurrence_cycle      TEXT,
    recurrence_model      TEXT,
    initiated_type        TEXT,
    funding_source        TEXT        NOT NULL,
    tds_mpi               TEXT,
    tds_eci               TEXT,
    tds_cavv              TEXT,
    tds_transaction_id    TEXT,
    tds_ds_transaction_id TEXT,
    tds_version           TEXT,
    tds_liability_shifted BOOLEAN,
    card_source           TEXT        NOT NULL,
    card_bin              TEXT        NOT NULL,
    card_last_four        TEXT        NOT NULL,
    card_length           INTEGER     NOT NULL,
    card_brand            TEXT        NOT NULL,
    card_holder           TEXT        NOT NULL,
    card_expiry_year      INTEGER     NOT NULL,
    card_expiry_month     INTEGER     NOT NULL,
    card_vaulted          UUID,
    in_doubt              BOOLEAN     NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE INDEX charges_in_doubt ON charges (id) WHERE in_doubt;

CREATE TABLE charge_metadata (
    charge_id TEXT    NOT NULL REFERENCES charges (id),
    position  INTEGER NOT NULL,
    key       TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    PRIMARY KEY (charge_id, position)
);

CREATE TABLE charge_transactions (
    id                   TEXT        NOT NULL PRIMARY KEY,
    charge_id            TEXT        NOT NULL REFERENCES charges (id),
    position             INTEGER     NOT NULL,
    move                 TEXT        NOT NULL,
    amount               BIGINT      NOT NULL CHECK (amount >= 0),
    status               TEXT        NOT NULL,
    before_status        TEXT,
    answer               TEXT,
    rejection            TEXT,
    acquirer_name        TEXT,
    acquirer_tid         TEXT,
    acquirer_nsu         TEXT,
    acquirer_auth_code   TEXT,
    acquirer_return_code TEXT,
    acquirer_message     TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (charge_id, position)
);

CREATE TABLE spent_cryptograms (
    digest   TEXT        NOT NULL PRIMARY KEY,
    spent_at TIMESTAMPTZ NOT NULL
);

-- Who is asking the acquirer about a transaction in doubt, until when. A row, not an advisory
-- lock, so that it works on PostgreSQL-compatible distributed engines too.
CREATE TABLE reconcile_leases (
    transaction_id TEXT        NOT NULL PRIMARY KEY,
    holder         TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);

-- The orders API's secret keys (sk_...), by SHA-256 digest; the key itself is shown once.
CREATE TABLE secret_keys (
    key_hash    TEXT   NOT NULL PRIMARY KEY,
    merchant_id UUID   NOT NULL REFERENCES merchants (id),
    created_at  TIMESTAMPTZ NOT NULL
);
