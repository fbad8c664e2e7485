-- Sluice runs this file in one transaction: each ALTER's lock is held until the UPDATEs finish.
ALTER TABLE orders ADD COLUMN currency char(3);
UPDATE orders SET currency = 'EUR' WHERE currency IS NULL; -- expect

ALTER TABLE users ADD COLUMN display_name text;
UPDATE public.users -- expect
   SET display_name = first_name || ' ' || last_name
 WHERE display_name IS NULL;

ALTER TABLE products ALTER COLUMN weight_grams SET DEFAULT 0;
WITH missing AS (SELECT id FROM products WHERE weight_grams IS NULL) -- expect
UPDATE products SET weight_grams = 0 WHERE id IN (SELECT id FROM missing);
