-- fixture: rule-set=relaxed
DROP SCHEMA reporting CASCADE; -- expect

DROP SCHEMA IF EXISTS staging_2023, staging_2024; -- expect

DROP DATABASE IF EXISTS analytics_scratch; -- expect
