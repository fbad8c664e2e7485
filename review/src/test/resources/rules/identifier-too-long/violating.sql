-- 65 bytes: PostgreSQL stores the first 63 and raises only a NOTICE.
CREATE TABLE public.customer_subscription_billing_cycle_adjustment_history_entries_v2 ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    stripe_webhook_event_processing_attempts_last_error_message_text text -- expect
);

CREATE INDEX subscription_billing_cycle_adjustments_customer_id_created_at_idx -- expect
    ON public.subscription_billing_cycle_adjustments (customer_id, created_at);

CREATE SEQUENCE public.customer_subscription_billing_cycle_adjustment_history_number_seq; -- expect

-- 34 characters, but 65 bytes in UTF-8: the limit counts bytes.
CREATE TABLE public."история_изменений_статусов_заказов" ( -- expect
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
