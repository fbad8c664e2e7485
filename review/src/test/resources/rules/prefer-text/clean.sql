CREATE TABLE public.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL CHECK (length(email) <= 255),
    display_name text,
    -- varchar without a length is the same as text.
    locale varchar NOT NULL DEFAULT 'en'
);

ALTER TABLE public.customers
    ADD COLUMN phone text,
    ADD CONSTRAINT customers_phone_length CHECK (length(phone) <= 20) NOT VALID;

CREATE TEMPORARY TABLE staged_customers (email varchar(255));
