ALTER TABLE users RENAME COLUMN email_address TO email; -- expect

-- COLUMN is optional in PostgreSQL.
ALTER TABLE public.orders RENAME total TO total_cents; -- expect

ALTER TABLE IF EXISTS ONLY products
    RENAME COLUMN sku TO stock_keeping_unit; -- expect
