-- The unique index was built CONCURRENTLY by the previous migration, and the column
-- was made NOT NULL behind a validated CHECK: attaching the index is quick.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY USING INDEX audit_log_id_key;

-- Tables created by the migrations are empty: building the index costs nothing.
CREATE TABLE webhooks (
    id bigint GENERATED ALWAYS AS IDENTITY,
    url text NOT NULL
);
ALTER TABLE webhooks ADD PRIMARY KEY (id);

CREATE TABLE webhook_deliveries (
    webhook_id bigint NOT NULL,
    delivered_at timestamptz NOT NULL
);
ALTER TABLE webhook_deliveries ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
