-- 64-bit keys: identity and bigserial.
CREATE TABLE public.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE public.audit_events (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES public.accounts (id),
    -- Plain integer and smallint columns that are not keys are fine.
    attempt smallint NOT NULL DEFAULT 0,
    duration_ms integer
);

-- In a composite key the line number only counts lines within one order.
CREATE TABLE public.order_lines (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    amount numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- A scratch table that lives for one session.
CREATE TEMPORARY TABLE import_rows (line serial PRIMARY KEY, raw text);

ALTER TABLE public.accounts ADD COLUMN login_count integer NOT NULL DEFAULT 0;
