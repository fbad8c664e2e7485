-- fixture: tx-model=psql
-- Run by psql statement by statement: every statement outside BEGIN ... COMMIT can run twice.
CREATE TABLE IF NOT EXISTS public.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry text NOT NULL
);

ALTER TABLE public.orders ADD COLUMN IF NOT EXISTS audit_id bigint;
ALTER TABLE public.users DROP COLUMN IF EXISTS legacy_flag;
CREATE INDEX IF NOT EXISTS audit_log_entry_idx ON public.audit_log (entry);
DROP INDEX IF EXISTS public.orders_legacy_status_idx;
DROP VIEW IF EXISTS public.legacy_order_summary;

-- Left alone: IF NOT EXISTS would keep an INVALID index from a failed build.
CREATE INDEX CONCURRENTLY orders_audit_id_idx ON public.orders (audit_id);

-- A temporary table disappears with the session that failed.
CREATE TEMP TABLE audit_import (entry text);

-- Inside a transaction block a failure rolls everything back.
BEGIN;
CREATE TABLE public.audit_archive (id bigint PRIMARY KEY, entry text NOT NULL);
ALTER TABLE public.orders ADD COLUMN archived_at timestamptz;
DROP TABLE public.audit_staging;
COMMIT;
