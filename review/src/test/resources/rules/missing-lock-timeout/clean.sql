-- fixture: tx-model=psql
-- A table the file creates is new: nothing else can hold a lock on it or its indexes.
CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    shipped_at timestamptz
);
CREATE INDEX shipments_order_id_idx ON shipments (order_id);
CREATE INDEX shipments_order_id_shipped_at_idx ON shipments (order_id, shipped_at);
DROP INDEX shipments_order_id_idx;
-- CREATE INDEX CONCURRENTLY does not block reads or writes while it waits.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN shipment_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_shipment_id_fkey
    FOREIGN KEY (shipment_id) REFERENCES shipments (id) NOT VALID;
TRUNCATE order_import_staging;
DROP TABLE IF EXISTS legacy_shipments;
DROP INDEX IF EXISTS orders_legacy_status_idx;
