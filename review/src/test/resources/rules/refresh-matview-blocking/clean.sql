-- Readers keep the old contents until the refresh completes (needs a unique index on the view).
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.customer_lifetime_value;

-- A view created by the migrations has no readers yet.
CREATE MATERIALIZED VIEW monthly_signups AS
SELECT date_trunc('month', created_at) AS month, count(*) AS signups
FROM users
GROUP BY 1
WITH NO DATA;
CREATE UNIQUE INDEX monthly_signups_month_key ON monthly_signups (month);
REFRESH MATERIALIZED VIEW monthly_signups;
