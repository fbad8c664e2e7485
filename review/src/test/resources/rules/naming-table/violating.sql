CREATE TABLE public."UserAccounts" ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE public."order items" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY); -- expect

-- "user" is a reserved word: unquoted it is a syntax error, so every query must quote it.
CREATE TABLE public."user" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text); -- expect

ALTER TABLE public.legacy_orders
    RENAME TO "LegacyOrders"; -- expect
