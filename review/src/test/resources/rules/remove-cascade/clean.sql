-- ON DELETE CASCADE in a foreign key is a different thing: it is named where the key is declared.
CREATE TABLE order_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE,
    body text NOT NULL
);
ALTER TABLE order_items
    ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE NOT VALID;

-- Dependent objects dropped one by one, by name.
DROP VIEW IF EXISTS monthly_revenue_by_region;
DROP VIEW IF EXISTS monthly_revenue RESTRICT;
ALTER TABLE products DROP COLUMN legacy_sku;
DROP INDEX IF EXISTS products_legacy_sku_idx;
TRUNCATE order_notes;
DROP TRIGGER IF EXISTS orders_total_trigger ON orders;
DROP FUNCTION IF EXISTS order_total(bigint);
