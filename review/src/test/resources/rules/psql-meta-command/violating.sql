\set ON_ERROR_STOP on -- expect
CREATE TABLE public.regions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
\i seed/regions.sql -- expect

-- A backslash command after a statement on the same line: psql sends the statement, then runs it.
SELECT count(*) AS region_count FROM public.regions \gset -- expect
\echo :region_count regions -- expect
