/* Block comments nest in PostgreSQL:
   /* this inner comment ( with an unbalanced parenthesis */
   is still inside the outer one; a stray ' quote here is harmless. */
CREATE TABLE public.import_paths (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path text NOT NULL,
    "Label ""quoted"" (sic" text
);

-- Doubled quotes, E'' escapes and parentheses inside strings.
INSERT INTO public.import_paths (path, "Label ""quoted"" (sic")
VALUES ('it''s (here', E'C:\\imports\\ and a \' quote'),
       (U&'d\0061t\+000061', 'a -- is not a comment; nor is /* this');

-- Semicolons, backslashes and quotes inside a dollar-quoted body.
CREATE OR REPLACE FUNCTION public.normalize_path(raw text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $fn$
BEGIN
    -- replace backslashes with slashes; an unbalanced ( in a comment
    RETURN replace(raw, E'\\', '/');
END;
$fn$;

-- A SQL-standard body: semicolons inside BEGIN ATOMIC ... END.
CREATE FUNCTION public.path_depth(p text) RETURNS integer
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN p = '' THEN 0 ELSE array_length(string_to_array(p, '/'), 1) END;
END;

DO $$ BEGIN RAISE NOTICE 'done (%)', now(); END $$;
