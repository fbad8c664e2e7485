-- sluice:transaction off
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);

-- A table created by the migrations is new and empty: a plain index costs nothing.
CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX invoices_customer_id_idx ON invoices (customer_id);
