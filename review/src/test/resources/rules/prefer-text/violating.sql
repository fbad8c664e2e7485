CREATE TABLE public.customers ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(255) NOT NULL,
    display_name character varying(64)
);

-- char(n) pads with spaces: 'DE' is stored as 'DE ' in a char(3).
CREATE TABLE public.currencies (code char(3) PRIMARY KEY, name text NOT NULL); -- expect

ALTER TABLE public.customers
    ADD COLUMN phone varchar(20), -- expect
    ADD COLUMN note text;
