-- A constant default: existing rows get it, and on PostgreSQL 11+ without a table rewrite.
ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- Nullable columns.
ALTER TABLE users ADD COLUMN tenant_id bigint;
ALTER TABLE invoices ADD COLUMN due_date date NULL;

-- Columns PostgreSQL fills for every existing row.
ALTER TABLE audit_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE legacy_imports ADD COLUMN row_id bigserial NOT NULL;
ALTER TABLE products ADD COLUMN weight_kg numeric GENERATED ALWAYS AS (weight_grams / 1000.0) STORED NOT NULL;

-- A table created by the migrations is empty.
CREATE TABLE coupons (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL);
ALTER TABLE coupons ADD COLUMN discount_percent integer NOT NULL;
