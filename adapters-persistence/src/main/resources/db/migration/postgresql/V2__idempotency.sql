-- One idempotency mechanism for every API (tokenize, charges, ...): a request claims its key,
-- does its work and records its outcome in one transaction. The outcome is NULL only inside that
-- transaction. request_hash was already a fingerprint of the request (SHA-256 of its parts).
ALTER TABLE idempotency_keys RENAME COLUMN request_hash TO fingerprint;
ALTER TABLE idempotency_keys ALTER COLUMN outcome DROP NOT NULL;
