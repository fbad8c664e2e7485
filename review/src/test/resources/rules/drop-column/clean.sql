-- Columns of a table created by the migrations: nothing reads them yet, and the table is empty.
CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    carrier text,
    tracking_url text
);
ALTER TABLE shipments DROP COLUMN tracking_url;

-- Other DROP sub-commands on existing tables.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_coupon_code_check;
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
ALTER TABLE users ADD COLUMN display_name text;
