-- New rows are checked at once; existing rows are validated by the next migration.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;

-- Added NOT VALID by the previous migration: validating does not block writes.
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_order_id_fkey;

-- A new column without a default is all NULL, so PostgreSQL skips checking existing rows.
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);

-- A table created by the migrations is empty: a plain foreign key costs nothing.
CREATE TABLE order_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    body text NOT NULL
);
ALTER TABLE order_notes ADD CONSTRAINT order_notes_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
