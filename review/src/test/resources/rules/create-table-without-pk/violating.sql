-- An append-only log still needs a key for logical replication of its deletes.
CREATE TABLE public.page_views ( -- expect
    viewed_at timestamptz NOT NULL DEFAULT now(),
    path text NOT NULL,
    user_id bigint
);

-- A UNIQUE constraint is not a primary key.
CREATE TABLE IF NOT EXISTS public.user_roles ( -- expect
    user_id bigint NOT NULL,
    role_id bigint NOT NULL,
    UNIQUE (user_id, role_id)
);

-- LIKE without INCLUDING INDEXES copies the columns but not the source's primary key.
CREATE TABLE public.orders_import (LIKE public.orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS); -- expect

CREATE TABLE public.exchange_rates (currency text NOT NULL, rate numeric(18, 8) NOT NULL); -- expect
-- The key added below belongs to another table.
ALTER TABLE public.legacy_rates ADD PRIMARY KEY (currency);
