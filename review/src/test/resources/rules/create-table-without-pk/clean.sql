CREATE TABLE public.page_views (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    viewed_at timestamptz NOT NULL DEFAULT now(),
    path text NOT NULL
);

CREATE TABLE public.user_roles (
    user_id bigint NOT NULL,
    role_id bigint NOT NULL,
    CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role_id)
);

-- The key comes in a later statement of the same file.
CREATE TABLE public.exchange_rates (currency text NOT NULL, rate numeric(18, 8) NOT NULL);
ALTER TABLE public.exchange_rates ADD CONSTRAINT exchange_rates_pkey PRIMARY KEY (currency);

CREATE TABLE public.imports (source text NOT NULL, started_at timestamptz NOT NULL);
ALTER TABLE public.imports ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

-- Partitions take their key from the partitioned table.
CREATE TABLE public.measurements (
    id bigint GENERATED ALWAYS AS IDENTITY,
    logged_on date NOT NULL,
    value double precision,
    PRIMARY KEY (id, logged_on)
) PARTITION BY RANGE (logged_on);
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- INCLUDING ALL copies the source table's indexes, and with them its primary key.
CREATE TABLE public.orders_archive (LIKE public.orders INCLUDING ALL);

-- Session-local scratch space.
CREATE TEMP TABLE import_errors (line integer, message text);
