CREATE TABLE public.order_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL,
    quantity integer NOT NULL
);
-- An index in the same file that leads with the key's column.
CREATE INDEX order_items_order_id_idx ON public.order_items (order_id);
CREATE INDEX order_items_product_id_quantity_idx ON public.order_items (product_id, quantity);
ALTER TABLE public.order_items
    ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products (id);

-- One-to-one: the key column is the primary key.
CREATE TABLE public.user_profiles (
    user_id bigint PRIMARY KEY REFERENCES public.users (id),
    bio text
);

-- A UNIQUE column has its own index.
ALTER TABLE public.accounts ADD COLUMN owner_id bigint UNIQUE REFERENCES public.users (id);

-- The composite primary key leads with user_id, a unique constraint with role_id.
CREATE TABLE public.user_roles (
    user_id bigint NOT NULL REFERENCES public.users (id),
    role_id bigint NOT NULL REFERENCES public.roles (id),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role_id),
    UNIQUE (role_id, user_id)
);

-- A two-column key backed by an index on the same columns in another order.
CREATE TABLE public.shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    warehouse_id bigint NOT NULL,
    FOREIGN KEY (warehouse_id, order_id) REFERENCES public.warehouse_orders (warehouse_id, order_id)
);
CREATE INDEX shipments_order_id_warehouse_id_idx ON public.shipments (order_id, warehouse_id);
