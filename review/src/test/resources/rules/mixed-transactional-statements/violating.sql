-- fixture: rule-set=default
ALTER TABLE orders ADD COLUMN status_changed_at timestamptz;
-- This statement forces the whole file to run statement by statement.
CREATE INDEX CONCURRENTLY orders_status_changed_at_idx ON orders (status_changed_at); -- expect
UPDATE orders SET status_changed_at = updated_at WHERE status_changed_at IS NULL AND id < 50000;
