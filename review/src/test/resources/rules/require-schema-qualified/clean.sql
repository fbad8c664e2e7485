CREATE TABLE public.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry text NOT NULL
);

ALTER TABLE billing.orders ADD COLUMN audit_id bigint;

-- An index lives in its table's schema; only the table needs qualifying.
CREATE INDEX orders_audit_id_idx ON billing.orders (audit_id);

CREATE OR REPLACE VIEW reporting.recent_orders AS
    SELECT id, placed_at FROM billing.orders WHERE placed_at > now() - interval '7 days';

DROP TABLE IF EXISTS public.legacy_audit_log;
DROP INDEX IF EXISTS billing.orders_legacy_status_idx;

-- Extensions, roles and schemas are not objects inside a schema.
DROP EXTENSION IF EXISTS hstore;

-- Temporary tables live in pg_temp, whatever the search_path says.
CREATE TEMP TABLE order_ids (id bigint);

DROP SCHEMA IF EXISTS staging CASCADE;
