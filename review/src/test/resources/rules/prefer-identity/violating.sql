CREATE TABLE public.tickets ( -- expect
    id bigserial PRIMARY KEY,
    subject text NOT NULL
);

CREATE TABLE public.ticket_tags (id serial8 PRIMARY KEY, tag text NOT NULL); -- expect

CREATE TABLE public.priorities (id smallserial PRIMARY KEY, label text NOT NULL); -- expect

ALTER TABLE public.legacy_comments
    ADD COLUMN id serial; -- expect
