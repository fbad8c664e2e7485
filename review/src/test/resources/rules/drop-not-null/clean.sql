-- A table created by the migrations: no reader exists yet.
CREATE TABLE refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    reason text NOT NULL
);
ALTER TABLE refunds ALTER COLUMN reason DROP NOT NULL;

-- Other column changes on existing tables.
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'EUR';
ALTER TABLE orders ADD CONSTRAINT orders_shipped_at_not_null CHECK (shipped_at IS NOT NULL) NOT VALID;
