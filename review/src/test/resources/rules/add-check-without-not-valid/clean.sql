-- New rows are checked at once; existing rows are validated by the next migration.
ALTER TABLE orders ADD CONSTRAINT orders_total_non_negative CHECK (total_cents >= 0) NOT VALID;

-- Added NOT VALID by the previous migration: validating takes only SHARE UPDATE EXCLUSIVE.
ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_positive;

-- A table created by the migrations is empty: a plain CHECK costs nothing.
CREATE TABLE refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id bigint NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    reason text
);
ALTER TABLE refunds ADD CONSTRAINT refunds_reason_length CHECK (char_length(reason) <= 500);
