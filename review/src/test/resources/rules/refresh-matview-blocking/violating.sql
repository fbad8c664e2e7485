REFRESH MATERIALIZED VIEW daily_sales; -- expect

REFRESH MATERIALIZED VIEW reporting.customer_lifetime_value WITH DATA; -- expect
