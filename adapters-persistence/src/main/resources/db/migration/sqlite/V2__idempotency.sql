-- One idempotency mechanism for every API (tokenize, charges, ...): a request claims its key,
-- does its work and records its outcome in one transaction. The outcome is NULL only inside that
-- transaction. request_hash was already a fingerprint of the request (SHA-256 of its parts).
-- SQLite cannot drop a NOT NULL constraint: the table is rebuilt.
CREATE TABLE idempotency_keys_v2 (
    merchant_id  TEXT NOT NULL REFERENCES merchants (id),
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    outcome      TEXT,
    PRIMARY KEY (merchant_id, scope, key)
);
INSERT INTO idempotency_keys_v2 (merchant_id, scope, key, fingerprint, outcome)
    SELECT merchant_id, scope, key, request_hash, outcome FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_v2 RENAME TO idempotency_keys;
