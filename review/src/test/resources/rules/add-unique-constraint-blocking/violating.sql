ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect

ALTER TABLE memberships ADD UNIQUE (organization_id, user_id); -- expect

ALTER TABLE products
    ADD COLUMN sku text UNIQUE; -- expect
