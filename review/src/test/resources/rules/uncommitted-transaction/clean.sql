-- fixture: tx-model=psql
SET lock_timeout = '5s';

BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;

START TRANSACTION ISOLATION LEVEL READ COMMITTED;
ALTER TABLE users ADD COLUMN display_name text;
END;

BEGIN;
UPDATE orders SET note = '' WHERE id = 42;
ROLLBACK;

-- Statements outside a transaction block autocommit.
ALTER TABLE users ADD COLUMN last_seen_at timestamptz;
