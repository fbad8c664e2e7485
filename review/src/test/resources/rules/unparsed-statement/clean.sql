CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status public.order_status NOT NULL DEFAULT 'pending',
    token uuid NOT NULL DEFAULT gen_random_uuid()
);
COMMENT ON TABLE public.orders IS 'Customer orders';
GRANT SELECT ON public.orders TO reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting;
INSERT INTO public.orders (status) VALUES ('paid') ON CONFLICT DO NOTHING;
WITH stale AS (SELECT id FROM public.orders WHERE status = 'pending')
UPDATE public.orders SET status = 'shipped' WHERE id IN (SELECT id FROM stale);
SET search_path TO public;
SELECT set_config('app.migrating', 'on', true);
CREATE FUNCTION public.orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END;
$$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.orders_touch();
CREATE POLICY orders_owner ON public.orders USING (true);
DO $$ BEGIN PERFORM 1; END $$;
