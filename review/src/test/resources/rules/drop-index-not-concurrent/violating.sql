-- Replaced by the composite index orders_customer_id_created_at_idx.
DROP INDEX orders_customer_id_idx; -- expect

DROP INDEX IF EXISTS public.users_lower_email_idx; -- expect

-- Two indexes at once, and CASCADE: neither is possible with CONCURRENTLY.
DROP INDEX invoices_due_on_idx, invoices_status_idx CASCADE; -- expect
