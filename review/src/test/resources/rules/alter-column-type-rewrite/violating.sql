-- integer -> bigint is not binary-coercible: every row is rewritten.
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect

ALTER TABLE events
    ALTER COLUMN payload TYPE jsonb USING payload::jsonb, -- expect
    ALTER COLUMN source SET DATA TYPE smallint USING source::smallint; -- expect

-- A USING expression computes a new value for each row, whatever the target type.
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,2) USING round(amount, 2); -- expect
