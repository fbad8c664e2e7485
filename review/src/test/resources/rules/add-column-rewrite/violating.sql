-- Volatile defaults are evaluated for every existing row.
ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid(); -- expect
ALTER TABLE events
    ADD COLUMN received_at timestamptz DEFAULT clock_timestamp(), -- expect
    ADD COLUMN seq bigserial; -- expect

-- Identity and stored generated columns get a value computed for each row.
ALTER TABLE invoices ADD COLUMN invoice_number bigint GENERATED ALWAYS AS IDENTITY; -- expect
ALTER TABLE line_items
    ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_price_cents) STORED; -- expect
