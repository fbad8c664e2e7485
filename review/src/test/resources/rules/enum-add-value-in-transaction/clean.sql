-- fixture: pg-version=11
-- Outside a transaction block: Sluice sees ADD VALUE and runs this file statement by statement.
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'disputed' AFTER 'paid';

-- Other DDL may keep its own transaction.
BEGIN;
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
COMMENT ON COLUMN orders.refunded_at IS 'When the refund was issued';
COMMIT;
