-- The old name stays usable through a view created in the same transaction (the whole file is one).
ALTER TABLE customers RENAME TO accounts;
CREATE VIEW customers AS SELECT * FROM accounts;

ALTER TABLE billing.invoice RENAME TO invoices;
CREATE OR REPLACE VIEW billing.invoice AS SELECT * FROM billing.invoices;

-- A table created by the migrations: no code uses its name yet.
CREATE TABLE product_tags_tmp (product_id bigint NOT NULL, tag text NOT NULL);
ALTER TABLE product_tags_tmp RENAME TO product_tags;

-- Renaming a constraint or an index is not renaming the table.
ALTER TABLE orders RENAME CONSTRAINT orders_total_check TO orders_total_positive;
ALTER INDEX orders_created_idx RENAME TO orders_created_at_idx;
