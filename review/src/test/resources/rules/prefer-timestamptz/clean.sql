CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placed_at timestamptz NOT NULL DEFAULT now(),
    shipped_at timestamp(3) with time zone,
    delivery_date date,
    processing_time interval
);

ALTER TABLE public.orders ADD COLUMN cancelled_at timestamptz;

-- The column is named like a time but is not one.
ALTER TABLE public.orders ADD COLUMN "timestamp" bigint;
