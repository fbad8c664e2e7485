-- Domains without CHECK constraints.
CREATE DOMAIN public.email_address AS text COLLATE "C";
CREATE DOMAIN public.check_number AS text DEFAULT '';

ALTER DOMAIN public.email_address SET DEFAULT '';
ALTER DOMAIN public.legacy_code DROP CONSTRAINT IF EXISTS legacy_code_check;

-- The check lives on the table, where NOT VALID and VALIDATE work per table.
CREATE TABLE public.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email public.email_address NOT NULL,
    CONSTRAINT customers_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
