-- sluice:transaction off
-- Each statement commits on its own: the ADD's lock is released before the scan starts.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;

-- Added NOT VALID by an earlier migration.
ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_positive;

-- An explicit transaction that commits before the validation.
BEGIN;
ALTER TABLE shipments ADD CONSTRAINT shipments_weight_positive CHECK (weight_grams > 0) NOT VALID;
COMMIT;
ALTER TABLE shipments VALIDATE CONSTRAINT shipments_weight_positive;
