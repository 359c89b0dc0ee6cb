-- What the vault's keys must be: a check value per key (never a key), so that a server started
-- with other keys refuses to serve instead of sealing cards no other server can open.
CREATE TABLE expected_keys (
    name        TEXT NOT NULL PRIMARY KEY,
    check_value TEXT NOT NULL
);

-- A disabled merchant cannot authenticate at all, on any server.
ALTER TABLE merchants ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
