ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect

ALTER TABLE order_items
    ADD FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE, -- expect
    ADD CONSTRAINT order_items_product_id_fkey -- expect
        FOREIGN KEY (product_id) REFERENCES catalog.products (id);
