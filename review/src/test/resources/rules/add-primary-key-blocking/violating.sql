ALTER TABLE audit_log ADD PRIMARY KEY (id); -- expect

ALTER TABLE order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no); -- expect

ALTER TABLE legacy_imports ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY; -- expect
