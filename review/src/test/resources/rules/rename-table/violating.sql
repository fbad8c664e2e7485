-- fixture: tx-model=psql
SET lock_timeout = '5s';

-- psql runs each statement on its own: nothing keeps the old name working.
ALTER TABLE customers RENAME TO accounts; -- expect

-- The view comes in a separate, autocommitted statement: between the two, "line_items" does not exist.
ALTER TABLE line_items RENAME TO order_lines; -- expect
CREATE VIEW line_items AS SELECT * FROM order_lines;

BEGIN;
ALTER TABLE IF EXISTS billing.invoice RENAME TO invoices; -- expect
-- A materialized view is a read-only snapshot: writes to the old name still fail.
CREATE MATERIALIZED VIEW billing.invoice AS SELECT * FROM billing.invoices;
-- A view with another name does not help code that uses the old one.
ALTER TABLE billing.payment RENAME TO payments; -- expect
CREATE VIEW billing.payment_compat AS SELECT * FROM billing.payments;
COMMIT;
