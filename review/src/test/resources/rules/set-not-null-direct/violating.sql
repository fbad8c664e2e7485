ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect

ALTER TABLE orders
    ALTER COLUMN customer_id SET NOT NULL, -- expect
    ALTER COLUMN placed_at SET NOT NULL; -- expect

-- A CHECK added NOT VALID proves nothing until it is validated.
ALTER TABLE invoices ADD CONSTRAINT invoices_due_on_not_null CHECK (due_on IS NOT NULL) NOT VALID;
ALTER TABLE invoices ALTER COLUMN due_on SET NOT NULL; -- expect
