-- fixture: pg-version=11
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'disputed' AFTER 'paid'; -- expect
COMMIT;

BEGIN;
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
ALTER TYPE payment_method ADD VALUE 'sepa_debit' BEFORE 'wire'; -- expect
COMMIT;
