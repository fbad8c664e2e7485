ALTER TABLE orders ALTER COLUMN shipped_at DROP NOT NULL; -- expect

ALTER TABLE users
    ALTER COLUMN country SET DEFAULT 'US',
    ALTER phone DROP NOT NULL; -- expect

ALTER TABLE ONLY public.invoices
    ALTER COLUMN due_date DROP NOT NULL, -- expect
    ALTER COLUMN issued_at DROP NOT NULL; -- expect
