CREATE TABLE public.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    number text NOT NULL,
    issued_at timestamptz NOT NULL
);
CREATE INDEX ON public.invoices (customer_id); -- expect
CREATE UNIQUE INDEX ON public.invoices (number); -- expect
CREATE INDEX -- expect
    ON public.invoices USING brin (issued_at);
