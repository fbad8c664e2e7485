-- Quoted, but already lower-case snake_case: works with or without the quotes.
CREATE TABLE public."user_accounts" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL
);

-- Unquoted names fold to lower case: this table is orderitems, and any spelling finds it.
CREATE TABLE public.OrderItems (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

-- Non-ASCII letters need no quotes either, and are not case-folded.
CREATE TABLE public."straße_abschnitte" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

-- Non-reserved key words are fine as table names.
CREATE TABLE public.comments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
CREATE TABLE public.events_2025 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

ALTER TABLE public.legacy_orders RENAME TO archived_orders;
