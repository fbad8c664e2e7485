-- fixture: tx-model=psql
SET lock_timeout = '5s';

BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;

-- No COMMIT follows: psql exits, the server rolls all of this back, and psql still exits 0.
BEGIN; -- expect
ALTER TABLE users ADD COLUMN display_name text;
CREATE INDEX users_display_name_idx ON users (display_name);
