-- No BEGIN: Sluice sees the CONCURRENTLY statements and runs this file statement by statement.
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx_old;
REINDEX INDEX CONCURRENTLY payments_created_at_idx;
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
VACUUM (ANALYZE) orders;

-- Ordinary DDL can still be grouped in an explicit transaction of its own.
BEGIN;
ALTER TABLE orders ADD COLUMN gift_note text;
COMMENT ON COLUMN orders.gift_note IS 'Message printed on the packing slip';
COMMIT;

-- PostgreSQL 12 and later accept ALTER TYPE ... ADD VALUE inside a transaction block.
BEGIN;
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
COMMIT;
