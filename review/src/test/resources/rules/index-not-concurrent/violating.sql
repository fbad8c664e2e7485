-- An index on a table that already exists, built with writes blocked.
CREATE INDEX orders_created_at_idx ON orders (created_at); -- expect

CREATE UNIQUE INDEX IF NOT EXISTS users_email_key -- expect
    ON public.users USING btree (lower(email));
