CREATE INDEX idx_orders_customer ON orders (customer_id);
ALTER TABLE orders ALTER COLUMN ;
