-- Sample target databases for deploy/compose.yaml, created once when the `target` volume is new
-- (the postgres image runs /docker-entrypoint-initdb.d/*.sql as the superuser into its default database).
CREATE DATABASE app_dev;
CREATE DATABASE app_staging;
CREATE DATABASE app_prod;
CREATE DATABASE tenant_001;
CREATE DATABASE tenant_002;
CREATE DATABASE tenant_003;
CREATE DATABASE tenant_004;
CREATE DATABASE tenant_005;
