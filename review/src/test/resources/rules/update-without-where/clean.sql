UPDATE users SET marketing_opt_in = false WHERE country = 'DE';

UPDATE products
   SET price_cents = price_cents * 100
 WHERE id BETWEEN 1 AND 10000;

WITH rates AS (SELECT currency, rate FROM exchange_rates)
UPDATE orders SET total_eur = orders.total * rates.rate
  FROM rates
 WHERE rates.currency = orders.currency AND orders.total_eur IS NULL;

-- A table created by the migrations holds only what they put there.
CREATE TABLE plans (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, active boolean);
INSERT INTO plans (name) VALUES ('free'), ('pro');
UPDATE plans SET active = true;
