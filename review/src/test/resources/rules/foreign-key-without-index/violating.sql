CREATE TABLE public.order_items ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL,
    quantity integer NOT NULL
);

ALTER TABLE public.payments
    ADD CONSTRAINT payments_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES public.invoices (id) NOT VALID; -- expect

ALTER TABLE public.comments ADD COLUMN parent_id bigint REFERENCES public.comments (id); -- expect

-- A partial index cannot serve the check for rows that reference a deleted user.
ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id); -- expect
CREATE INDEX sessions_active_user_id_idx ON public.sessions (user_id) WHERE revoked_at IS NULL;

-- The index exists, but customer_id is its second column: it cannot serve lookups by customer_id alone.
CREATE TABLE public.subscriptions ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    started_at timestamptz NOT NULL,
    CONSTRAINT subscriptions_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id)
);
CREATE INDEX subscriptions_started_at_customer_id_idx ON public.subscriptions (started_at, customer_id);
