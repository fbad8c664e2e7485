-- Sluice runs this whole file in one transaction: each VALIDATE still holds the ADD's lock.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey; -- expect

ALTER TABLE shipments
    ADD CONSTRAINT shipments_weight_positive CHECK (weight_grams > 0) NOT VALID,
    ADD CONSTRAINT shipments_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE shipments
    VALIDATE CONSTRAINT shipments_weight_positive, -- expect
    VALIDATE CONSTRAINT shipments_order_id_fkey; -- expect
