CREATE TABLE public.refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL)
); -- expect

CREATE INDEX refunds_order_id_idx ON public.refunds (order_id)); -- expect

-- E'' strings treat a backslash as an escape: \' is a quote inside the string, so this one never ends.
INSERT INTO public.import_paths (path) VALUES (E'C:\imports\'); -- expect
ALTER TABLE public.refunds ADD COLUMN reason text;
