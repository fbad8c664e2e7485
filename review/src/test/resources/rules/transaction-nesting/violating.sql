-- Written for psql; Sluice already runs this file in one transaction.
BEGIN; -- expect
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD CONSTRAINT orders_note_length CHECK (char_length(note) <= 500) NOT VALID;
-- Ends Sluice's transaction: what follows runs on its own.
COMMIT; -- expect

BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_length;
START TRANSACTION; -- expect
COMMIT;
-- Nothing is open any more.
END; -- expect
