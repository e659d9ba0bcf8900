-- Safe while the previous version still runs: nullable, or NOT NULL with a DEFAULT.
ALTER TABLE purchase_orders ADD COLUMN tracking_code VARCHAR(40);
ALTER TABLE purchase_orders ADD COLUMN channel VARCHAR(20) NOT NULL DEFAULT 'web';

-- Widening keeps every value the running version writes valid.
ALTER TABLE customers ALTER COLUMN email TYPE VARCHAR(320);

-- A table created and dropped in the same migration: nothing ran against it.
CREATE TABLE order_import_staging (order_number VARCHAR(40));
DROP TABLE order_import_staging;

-- Breaks the version still running during the deployment.
ALTER TABLE purchase_orders ADD COLUMN currency CHAR(3) NOT NULL;
ALTER TABLE purchase_orders DROP COLUMN legacy_ref;
ALTER TABLE customers RENAME COLUMN full_name TO display_name;
