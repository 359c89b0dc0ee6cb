-- Customers, their saved cards and single-use card tokens (seed 000) on SQLite.
-- A saved card is a vault token (tokens) linked to a customer: saved_cards holds no card data.
-- Card tokens keep their number and security code sealed under a data key of their own; spending
-- a token sets those columns to NULL in the same statement, and the sweeper deletes expired rows.

CREATE TABLE customers (
    seq                   INTEGER PRIMARY KEY,
    id                    TEXT    NOT NULL UNIQUE,
    merchant_id           TEXT    NOT NULL REFERENCES merchants (id),
    email                 TEXT    NOT NULL,
    email_key             TEXT    NOT NULL,
    first_name            TEXT,
    last_name             TEXT,
    phone_area_code       TEXT,
    phone_number          TEXT,
    identification_type   TEXT,
    identification_number TEXT,
    zip_code              TEXT,
    street_name           TEXT,
    street_number         INTEGER,
    description           TEXT,
    metadata              TEXT    NOT NULL,
    registered_at         INTEGER,
    default_card          TEXT,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    version               INTEGER NOT NULL,
    UNIQUE (merchant_id, email_key)
);
CREATE INDEX customers_by_merchant ON customers (merchant_id, seq);

CREATE TABLE saved_cards (
    seq                   INTEGER PRIMARY KEY,
    merchant_id           TEXT    NOT NULL REFERENCES merchants (id),
    card_id               TEXT    NOT NULL,
    customer_id           TEXT    NOT NULL REFERENCES customers (id),
    token_reference       TEXT    NOT NULL UNIQUE REFERENCES tokens (reference),
    fingerprint           TEXT    NOT NULL,
    identification_type   TEXT,
    identification_number TEXT,
    created_at            INTEGER NOT NULL,
    UNIQUE (merchant_id, card_id),
    UNIQUE (merchant_id, customer_id, fingerprint)
);
CREATE INDEX saved_cards_by_customer ON saved_cards (merchant_id, customer_id, seq);

CREATE TABLE card_tokens (
    seq                      INTEGER PRIMARY KEY,
    id                       TEXT    NOT NULL UNIQUE,
    merchant_id              TEXT    NOT NULL REFERENCES merchants (id),
    bin                      TEXT    NOT NULL,
    last_four                TEXT    NOT NULL,
    pan_length               INTEGER NOT NULL,
    brand                    TEXT    NOT NULL,
    holder                   TEXT    NOT NULL,
    identification_type      TEXT,
    identification_number    TEXT,
    expiry_year              INTEGER NOT NULL,
    expiry_month             INTEGER NOT NULL,
    security_code_length     INTEGER NOT NULL,
    card_id                  TEXT,
    created_at               INTEGER NOT NULL,
    expires_at               INTEGER NOT NULL,
    spent_at                 INTEGER,
    kek_version              INTEGER,
    wrapped_key              BLOB,
    pan_ciphertext           BLOB,
    security_code_ciphertext BLOB,
    CHECK ((kek_version IS NULL) = (wrapped_key IS NULL) AND (wrapped_key IS NULL) = (pan_ciphertext IS NULL)),
    CHECK (spent_at IS NULL OR (wrapped_key IS NULL AND security_code_ciphertext IS NULL))
);
CREATE INDEX card_tokens_expiry ON card_tokens (expires_at);
