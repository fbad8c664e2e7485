-- Plain VACUUM and ANALYZE never rewrite the table.
VACUUM (ANALYZE) orders;
-- Takes effect for new pages only: no rewrite.
ALTER TABLE orders SET (fillfactor = 90);
-- Only records the index for a future CLUSTER.
ALTER TABLE invoices CLUSTER ON invoices_customer_id_idx;

-- A lookup table created and loaded by this migration: nobody uses it yet.
CREATE UNLOGGED TABLE postal_regions (
    postal_code text PRIMARY KEY,
    region text NOT NULL
);
INSERT INTO postal_regions (postal_code, region)
SELECT DISTINCT postal_code, region FROM addresses WHERE region IS NOT NULL;
ALTER TABLE postal_regions SET LOGGED;
CLUSTER postal_regions USING postal_regions_pkey;
