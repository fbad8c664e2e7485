-- Reclaim the space left by the purge.
VACUUM FULL orders; -- expect
CLUSTER invoices USING invoices_customer_id_idx; -- expect

ALTER TABLE session_events SET LOGGED; -- expect

ALTER TABLE attachments
    SET TABLESPACE archive_disks; -- expect
