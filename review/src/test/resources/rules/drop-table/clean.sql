-- A staging table created, used and dropped by the migrations: nothing existed before.
CREATE TABLE order_import_staging (
    order_id bigint NOT NULL,
    total_cents bigint NOT NULL
);
INSERT INTO order_import_staging (order_id, total_cents) SELECT id, total_cents FROM orders;
DROP TABLE order_import_staging;

CREATE TABLE IF NOT EXISTS reports.tmp_monthly (month date PRIMARY KEY, revenue numeric(12, 2));
DROP TABLE IF EXISTS reports.tmp_monthly;

-- Dropping other kinds of objects is not a table drop.
DROP VIEW IF EXISTS active_users;
DROP MATERIALIZED VIEW IF EXISTS daily_revenue;
DROP INDEX IF EXISTS orders_legacy_status_idx;
DROP SEQUENCE IF EXISTS invoice_number_seq;
ALTER TABLE orders DROP COLUMN IF EXISTS legacy_status;
