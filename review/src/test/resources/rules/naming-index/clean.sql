CREATE TABLE public.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    -- Constraints get their index named after the constraint.
    number text NOT NULL CONSTRAINT invoices_number_key UNIQUE,
    issued_at timestamptz NOT NULL
);
CREATE INDEX invoices_customer_id_idx ON public.invoices (customer_id);
CREATE INDEX IF NOT EXISTS invoices_issued_at_brin ON public.invoices USING brin (issued_at);
CREATE UNIQUE INDEX "invoices_lower_number_key" ON public.invoices (lower(number));
