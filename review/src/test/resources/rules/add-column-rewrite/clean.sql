-- Since PostgreSQL 11 a non-volatile default is stored once in the catalog: no rewrite.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';
ALTER TABLE orders ADD COLUMN priority smallint DEFAULT 0;
ALTER TABLE customers ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}'::jsonb;
-- now() is STABLE: evaluated once for the statement, not per row.
ALTER TABLE customers ADD COLUMN migrated_at timestamptz DEFAULT now();
ALTER TABLE customers ADD COLUMN nickname text;

-- The safe path to a volatile default: add the column bare, then give new rows the default.
ALTER TABLE orders ADD COLUMN public_id uuid;
ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();

-- A table created by the migrations is empty: nothing to rewrite.
CREATE TABLE shipments (
    order_id bigint NOT NULL,
    carrier text NOT NULL
);
ALTER TABLE shipments ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE shipments ADD COLUMN tracking_token uuid NOT NULL DEFAULT gen_random_uuid();
