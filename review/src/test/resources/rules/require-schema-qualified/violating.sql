CREATE TABLE audit_log ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry text NOT NULL
);

ALTER TABLE orders ADD COLUMN audit_id bigint; -- expect

CREATE INDEX orders_audit_id_idx ON orders (audit_id); -- expect

CREATE VIEW recent_orders AS -- expect
    SELECT id, placed_at FROM public.orders WHERE placed_at > now() - interval '7 days';

DROP INDEX orders_legacy_status_idx; -- expect
