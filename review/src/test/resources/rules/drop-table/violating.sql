-- Sessions moved to Redis two releases ago; the table still holds every old session.
DROP TABLE user_sessions; -- expect

DROP TABLE IF EXISTS public.audit_log_2019, audit_log_2020; -- expect

-- One new table and one existing table in the same statement: the existing one is lost.
CREATE TABLE import_batches (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, loaded_at timestamptz NOT NULL);
DROP TABLE import_batches, legacy_imports; -- expect

DROP FOREIGN TABLE IF EXISTS billing.remote_invoices; -- expect
