CREATE TABLE public.orders ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placed_at timestamp NOT NULL DEFAULT now(),
    shipped_at timestamp(3) without time zone
);

ALTER TABLE public.orders ADD COLUMN cancelled_at timestamp without time zone; -- expect

-- time without time zone: an opening hour with no zone.
CREATE TABLE public.store_hours (store_id bigint PRIMARY KEY, opens time NOT NULL); -- expect
