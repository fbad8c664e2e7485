-- sluice:ignore-file prefer-text
CREATE TABLE public.notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title varchar(100) NOT NULL
);

-- sluice:ignore prefer-timestamptz, prefer-jsonb
ALTER TABLE public.notes ADD COLUMN edited_at timestamp, ADD COLUMN meta json;

CREATE TABLE public.legacy_events (
    -- A directive inside a statement applies to that statement.
    -- sluice:ignore prefer-bigint
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload text
);
