-- The first schema: nothing runs against it yet, so V1 may create and drop freely.
DROP TABLE IF EXISTS purchase_orders;

CREATE TABLE customers (
    id           BIGINT PRIMARY KEY,
    email        VARCHAR(255) NOT NULL UNIQUE,
    full_name    VARCHAR(200)
);

CREATE TABLE purchase_orders (
    id             BIGINT PRIMARY KEY,
    order_number   VARCHAR(40) NOT NULL UNIQUE,
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    customer_email VARCHAR(255),
    legacy_ref     VARCHAR(40),
    status         VARCHAR(20) NOT NULL,
    placed_at      TIMESTAMP NOT NULL,
    total_cents    BIGINT NOT NULL
);

CREATE INDEX idx_purchase_orders_customer_placed ON purchase_orders (customer_id, placed_at);

CREATE TABLE order_lines (
    id          BIGINT PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES purchase_orders (id),
    sku         VARCHAR(40) NOT NULL,
    quantity    INT NOT NULL,
    price_cents BIGINT NOT NULL
);
