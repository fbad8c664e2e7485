CREATE TABLE public.webhook_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL,
    filter jsonpath,
    -- a column called json that holds text
    json text
);

ALTER TABLE public.users ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE INDEX webhook_deliveries_payload_idx ON public.webhook_deliveries USING gin (payload jsonb_path_ops);
