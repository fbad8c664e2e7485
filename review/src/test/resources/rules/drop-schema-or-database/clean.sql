CREATE SCHEMA IF NOT EXISTS archive;
ALTER TABLE orders_2019 SET SCHEMA archive;
DROP VIEW IF EXISTS reporting.monthly_revenue;
DROP TABLE IF EXISTS reporting.monthly_revenue_tmp;
DROP SEQUENCE IF EXISTS reporting.report_id_seq;
DROP TYPE IF EXISTS reporting.report_kind;
DROP EXTENSION IF EXISTS pg_trgm;
REVOKE ALL ON SCHEMA reporting FROM analyst;
