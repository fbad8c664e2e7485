-- These commands cannot run in a transaction: Sluice runs this file statement by statement.
REINDEX INDEX CONCURRENTLY orders_created_at_idx;
REINDEX TABLE CONCURRENTLY payments;
REINDEX (VERBOSE, CONCURRENTLY) TABLE public.invoices;

ALTER TABLE measurements DETACH PARTITION measurements_2022 CONCURRENTLY;
-- Completes a concurrent detach that was interrupted by an earlier deployment.
ALTER TABLE measurements DETACH PARTITION measurements_2021 FINALIZE;

-- A partitioned table created by the migrations is new: detaching its partition blocks no one.
CREATE TABLE sensor_readings (
    sensor_id bigint NOT NULL,
    read_at timestamptz NOT NULL,
    value double precision NOT NULL
) PARTITION BY RANGE (read_at);
CREATE TABLE sensor_readings_2024 PARTITION OF sensor_readings
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE sensor_readings DETACH PARTITION sensor_readings_2024;
