-- Also drops every view built on monthly_revenue.
DROP VIEW IF EXISTS monthly_revenue CASCADE; -- expect

-- Also drops every column of type order_status, in every table.
DROP TYPE order_status CASCADE; -- expect

-- Also empties every table with a foreign key to customers.
TRUNCATE customers CASCADE; -- expect

-- Also drops the foreign keys of other tables that reference this unique constraint.
ALTER TABLE users DROP CONSTRAINT users_email_key CASCADE; -- expect

ALTER TABLE products
    ADD COLUMN sku_v2 text,
    DROP COLUMN legacy_sku CASCADE; -- expect

-- Also drops the triggers and column defaults that call the function.
DROP FUNCTION IF EXISTS order_total(bigint) CASCADE; -- expect
