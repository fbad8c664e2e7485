-- Wrapped in BEGIN ... COMMIT out of habit: every one of these fails with SQLSTATE 25001.
BEGIN;
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id); -- expect
DROP INDEX CONCURRENTLY orders_customer_idx_old; -- expect
COMMIT;

BEGIN;
DELETE FROM audit_log WHERE created_at < now() - interval '2 years';
VACUUM (ANALYZE) audit_log; -- expect
COMMIT;

BEGIN;
REINDEX INDEX CONCURRENTLY payments_created_at_idx; -- expect
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY; -- expect
COMMIT;
