-- An order keeps the merchant's own code for it (seed 002's "code") and the customer who pays it
-- (seed 002's customer_id or customer object), so that every read of the order echoes them. The
-- customer is a row of customers (issue 10); a card that this customer pays with successfully is
-- saved to them as a vault token (charges.card_vaulted), never in a second card store.
ALTER TABLE orders ADD COLUMN code TEXT;
ALTER TABLE orders ADD COLUMN customer_id TEXT REFERENCES customers (id);
