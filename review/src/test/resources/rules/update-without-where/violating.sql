UPDATE users SET marketing_opt_in = false; -- expect

UPDATE ONLY public.products -- expect
   SET price_cents = price_cents * 100,
       updated_at = now();

-- The WHERE belongs to the subquery: every account is updated.
UPDATE accounts SET balance_cents = ( -- expect
    SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE ledger_entries.account_id = accounts.id);

WITH rates AS (SELECT currency, rate FROM exchange_rates) -- expect
UPDATE orders SET total_eur = total * rates.rate FROM rates;
