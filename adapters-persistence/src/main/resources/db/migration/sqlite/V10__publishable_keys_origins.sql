-- Publishable keys (APP_USR-<uuid> for Mercado Pago's ?public_key=, pk_... for Pagar.me's ?appId=): they
-- can only create card tokens, and are printed in the merchant's web pages, so they are kept in the
-- clear, for `merchants list` to show them again. A different table from secret_keys, so a public key
-- can never be found where a secret key or an access token is looked up.
CREATE TABLE publishable_keys (
    public_key  TEXT   NOT NULL PRIMARY KEY,
    merchant_id TEXT   NOT NULL REFERENCES merchants (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX publishable_keys_by_merchant ON publishable_keys (merchant_id);

-- The web origins (scheme://host[:port]) whose pages may create card tokens with a merchant's public key.
CREATE TABLE merchant_origins (
    merchant_id TEXT NOT NULL REFERENCES merchants (id),
    origin      TEXT NOT NULL,
    PRIMARY KEY (merchant_id, origin)
);
