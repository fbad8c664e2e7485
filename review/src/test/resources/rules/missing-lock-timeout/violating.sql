-- fixture: tx-model=psql
-- lock_timeout = 0 means no timeout at all.
SET lock_timeout = 0;

-- Tables the file creates are new: nothing else can hold a lock on them.
CREATE TABLE shipments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL);
CREATE INDEX shipments_order_id_idx ON shipments (order_id);

-- The first statement that waits for a lock on an existing table is reported, once for the file.
ALTER TABLE orders ADD COLUMN shipment_id bigint; -- expect
CREATE INDEX orders_shipment_id_idx ON orders (shipment_id);
