CREATE DOMAIN public.email_address AS text -- expect
    CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+$');

CREATE DOMAIN public.positive_amount AS numeric(12, 2) NOT NULL CHECK (VALUE > 0); -- expect

-- Checks every column of every table that uses the domain, under lock.
ALTER DOMAIN public.email_address ADD CONSTRAINT email_address_length CHECK (length(VALUE) <= 254); -- expect

-- NOT VALID skips the scan now, but VALIDATE CONSTRAINT later still checks every using table.
ALTER DOMAIN public.positive_amount ADD CONSTRAINT positive_amount_cap CHECK (VALUE < 1000000) NOT VALID; -- expect
