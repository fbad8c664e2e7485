-- Build the index without blocking writes (Sluice runs this file statement by statement),
-- then attach it: the constraint takes over the finished index at once.
CREATE UNIQUE INDEX CONCURRENTLY memberships_organization_id_user_id_key
    ON memberships (organization_id, user_id);
ALTER TABLE memberships ADD CONSTRAINT memberships_organization_id_user_id_key
    UNIQUE USING INDEX memberships_organization_id_user_id_key;

-- Index built CONCURRENTLY by the previous migration.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;

-- A table created by the migrations is empty: building the index costs nothing.
CREATE TABLE api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id bigint NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL UNIQUE
);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_owner_id_name_key UNIQUE (owner_id, name);
ALTER TABLE api_keys ADD COLUMN prefix text UNIQUE;
