-- Rebuild bloated indexes after the big cleanup.
REINDEX INDEX orders_created_at_idx; -- expect
REINDEX TABLE payments; -- expect
REINDEX (VERBOSE) TABLE public.invoices; -- expect

-- Archive 2022: the partition leaves the partitioned table.
ALTER TABLE measurements
    DETACH PARTITION measurements_2022; -- expect
