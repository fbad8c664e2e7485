-- fixture: rule-set=relaxed
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL; -- expect

ALTER TABLE orders
    ADD COLUMN note text,
    ADD COLUMN currency char(3) NOT NULL REFERENCES currencies (code); -- expect

-- DEFAULT NULL is no default at all.
ALTER TABLE invoices ADD due_date date NOT NULL DEFAULT NULL; -- expect

ALTER TABLE IF EXISTS public.products
    ADD COLUMN IF NOT EXISTS weight_grams integer CONSTRAINT products_weight_grams_not_null NOT NULL; -- expect
