CREATE TABLE public.webhook_deliveries ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload json NOT NULL,
    delivered_at timestamptz
);

ALTER TABLE public.users ADD COLUMN preferences json NOT NULL DEFAULT '{}'; -- expect

ALTER TABLE public.events
    ADD COLUMN tags json[]; -- expect
