-- What the vault's keys must be: a check value per key (never a key), so that a server started
-- with other keys refuses to serve instead of sealing cards no other server can open.
CREATE TABLE expected_keys (
    name        TEXT NOT NULL PRIMARY KEY,
    check_value TEXT NOT NULL
);

-- A disabled merchant cannot authenticate at all, on any server.
ALTER TABLE merchants ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

-- Failed client authentications per (client id, source address), and per client id over every
-- address (source '*'), in fixed windows from 'since': the OAuth throttle, shared by every server.
-- No foreign key: a client id that does not exist is throttled too.
CREATE TABLE login_failures (
    client_id TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    since     TIMESTAMPTZ NOT NULL,
    failures  INTEGER NOT NULL,
    PRIMARY KEY (client_id, source)
);
