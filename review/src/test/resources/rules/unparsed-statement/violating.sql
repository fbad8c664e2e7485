-- Typos and other dialects: nothing reads them, so no rule checked them.
CRAETE INDEX orders_customer_id_idx ON public.orders (customer_id); -- expect

ALTR TABLE public.orders ADD COLUMN note text; -- expect

ALTER TABLE public.orders ADD COLUMN status text;

PRAGMA foreign_keys = ON; -- expect
