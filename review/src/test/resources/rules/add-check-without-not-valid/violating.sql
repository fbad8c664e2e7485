ALTER TABLE orders ADD CONSTRAINT orders_total_non_negative CHECK (total_cents >= 0); -- expect

ALTER TABLE users
    ADD CONSTRAINT users_email_lowercase CHECK (email = lower(email)), -- expect
    ADD CHECK (char_length(display_name) <= 80); -- expect
