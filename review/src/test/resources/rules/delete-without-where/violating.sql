DELETE FROM user_sessions; -- expect

DELETE FROM ONLY public.audit_log -- expect
RETURNING id;

-- USING without a WHERE joins every cart to every user: all carts go.
DELETE FROM carts USING users; -- expect

WITH archived AS (SELECT id FROM orders WHERE archived_at IS NOT NULL) -- expect
DELETE FROM order_events;
