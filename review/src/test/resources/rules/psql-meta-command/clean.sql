-- Backslashes inside strings, comments and function bodies are not psql commands: \i, \set.
CREATE TABLE public.import_paths (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path text NOT NULL CHECK (path !~ E'\\.\\.')
);
INSERT INTO public.import_paths (path) VALUES ('C:\imports\daily'), (E'\\\\server\\share');
/* \connect other_database would be a psql command outside this comment */
CREATE FUNCTION public.unix_path(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(p, '\', '/');
$$;
