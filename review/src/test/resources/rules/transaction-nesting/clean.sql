-- CREATE INDEX CONCURRENTLY cannot run in a transaction block, so Sluice runs this file statement
-- by statement: the explicit transactions below are the only ones.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);

BEGIN;
ALTER TABLE orders ADD COLUMN note text;
SAVEPOINT before_constraint;
ALTER TABLE orders ADD CONSTRAINT orders_note_length CHECK (char_length(note) <= 500) NOT VALID;
RELEASE SAVEPOINT before_constraint;
COMMIT;

START TRANSACTION;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_length;
END;

BEGIN;
UPDATE orders SET note = '' WHERE note IS NULL AND id < 10000;
ROLLBACK;
