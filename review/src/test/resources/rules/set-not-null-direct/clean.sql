-- sluice:transaction off
-- Each statement commits on its own, so the validated CHECK is in place before SET NOT NULL,
-- which then skips the table scan (PostgreSQL 12+).
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;

-- A table created by the migrations is empty: nothing to scan.
CREATE TABLE api_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint,
    token_hash text
);
ALTER TABLE api_tokens ALTER COLUMN user_id SET NOT NULL, ALTER COLUMN token_hash SET NOT NULL;
