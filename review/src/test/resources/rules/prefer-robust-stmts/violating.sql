-- sluice:transaction off
-- Without a transaction, a failure halfway leaves the earlier statements applied.
CREATE TABLE public.audit_log ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry text NOT NULL
);

ALTER TABLE public.orders ADD COLUMN audit_id bigint; -- expect

CREATE INDEX audit_log_entry_idx ON public.audit_log (entry); -- expect

ALTER TABLE public.users DROP COLUMN legacy_flag; -- expect

DROP VIEW public.legacy_order_summary; -- expect
