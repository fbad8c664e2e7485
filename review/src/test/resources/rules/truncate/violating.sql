TRUNCATE audit_events; -- expect

TRUNCATE TABLE ONLY public.user_sessions RESTART IDENTITY; -- expect

-- One of the tables is new, the other is not.
CREATE TABLE order_events_staging (order_id bigint NOT NULL, payload jsonb NOT NULL);
TRUNCATE order_events_staging, order_events; -- expect
