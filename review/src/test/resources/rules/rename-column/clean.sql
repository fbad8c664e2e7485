-- A table created by the migrations: no code uses its columns yet.
CREATE TABLE coupons (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code_text text NOT NULL);
ALTER TABLE coupons RENAME COLUMN code_text TO code;

-- Expand step of a column rename: add the new column; the old one stays until no code uses it.
ALTER TABLE users ADD COLUMN email text;
UPDATE users SET email = email_address WHERE email IS NULL AND id BETWEEN 1 AND 10000;

-- Other renames.
ALTER TABLE orders RENAME CONSTRAINT orders_total_check TO orders_total_positive;
ALTER INDEX users_email_address_idx RENAME TO users_email_idx;
