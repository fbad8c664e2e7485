-- DROP INDEX CONCURRENTLY cannot run in a transaction: Sluice runs this file statement by statement.
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_id_idx;
DROP INDEX CONCURRENTLY public.users_lower_email_idx;

-- A staging table and its index, both created by this migration: dropping the index blocks no one.
CREATE TABLE legacy_customer_import (
    legacy_id bigint NOT NULL,
    email text NOT NULL
);
CREATE INDEX legacy_customer_import_email_idx ON legacy_customer_import (email);
UPDATE customers c
SET legacy_id = i.legacy_id
FROM legacy_customer_import i
WHERE i.email = c.email;
DROP INDEX legacy_customer_import_email_idx;
