-- Binary-coercible changes: PostgreSQL updates the catalog and keeps the rows as they are.
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE users ALTER COLUMN display_name TYPE varchar(255);
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2);
ALTER TABLE devices ALTER COLUMN last_seen_network TYPE inet;

-- A table created by the migrations is empty: any type change is free.
CREATE TABLE coupons (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,
    percent_off smallint NOT NULL
);
ALTER TABLE coupons ALTER COLUMN id TYPE bigint;
ALTER TABLE coupons ALTER COLUMN percent_off TYPE numeric(5,2) USING percent_off::numeric;
