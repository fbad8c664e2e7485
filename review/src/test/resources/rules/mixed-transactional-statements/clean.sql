-- Only statements that cannot run in a transaction, plus settings, comments and statistics.
SET maintenance_work_mem = '1GB';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
CREATE UNIQUE INDEX CONCURRENTLY users_email_lower_key ON users (lower(email));
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
COMMENT ON INDEX orders_created_at_idx IS 'orders listed by date in the admin';
ANALYZE orders;
