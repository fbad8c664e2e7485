-- Tables created by the migrations: empty, and nothing else uses them yet.
CREATE TABLE price_import (sku text NOT NULL, price_cents bigint NOT NULL);
CREATE TABLE price_import_errors (sku text NOT NULL, error text NOT NULL);
INSERT INTO price_import (sku, price_cents) VALUES ('A-1', 1000), ('B-2', 2500);
TRUNCATE price_import;
TRUNCATE TABLE price_import, price_import_errors RESTART IDENTITY;

-- Removing some rows of an existing table.
DELETE FROM user_sessions WHERE expires_at < now() - interval '30 days';
