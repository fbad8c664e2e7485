ALTER TABLE users DROP COLUMN legacy_password_hash; -- expect

ALTER TABLE orders
    DROP COLUMN IF EXISTS coupon_code, -- expect
    ADD COLUMN discount_code text,
    DROP COLUMN discount_cents; -- expect

-- COLUMN is optional in PostgreSQL.
ALTER TABLE ONLY public.invoices DROP pdf_blob; -- expect
