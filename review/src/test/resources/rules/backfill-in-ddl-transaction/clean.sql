-- fixture: tx-model=psql
SET lock_timeout = '5s';

-- psql autocommits each statement: the ALTER's lock is released before the backfill starts.
ALTER TABLE orders ADD COLUMN currency char(3);
UPDATE orders SET currency = 'EUR' WHERE currency IS NULL AND id < 100000;

-- The schema change is committed first.
BEGIN;
ALTER TABLE users ADD COLUMN display_name text;
COMMIT;
UPDATE users SET display_name = first_name || ' ' || last_name WHERE display_name IS NULL;

-- A table created in the same transaction is new and empty: nobody waits for it.
BEGIN;
CREATE TABLE currencies (code char(3) PRIMARY KEY, name text NOT NULL);
INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar');
ALTER TABLE currencies ADD COLUMN symbol text;
UPDATE currencies SET symbol = '€' WHERE code = 'EUR';
COMMIT;

-- Updating a table this transaction did not alter.
BEGIN;
ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
UPDATE invoice_settings SET last_migration = now() WHERE id = 1;
COMMIT;
