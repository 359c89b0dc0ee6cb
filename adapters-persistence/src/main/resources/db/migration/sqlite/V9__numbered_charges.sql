-- SQLite spelling of the PostgreSQL migration: UUIDs as text, instants as microseconds.
-- Charges known by a 64-bit number (Mercado Pago's payment ids), with what that API keeps beside the
-- charge: the payer and the merchant's reference. Numbers are random, never a sequence; the primary key
-- and the unique charge make one number per charge.

CREATE TABLE numbered_charges (
    number             BIGINT NOT NULL PRIMARY KEY CHECK (number > 0),
    merchant_id        TEXT   NOT NULL REFERENCES merchants (id),
    charge_id          TEXT   NOT NULL UNIQUE REFERENCES charges (id),
    payer_type         TEXT,
    payer_customer_id  TEXT,
    payer_email        TEXT,
    external_reference TEXT,
    payment_method     TEXT,
    created_at         BIGINT NOT NULL
);
