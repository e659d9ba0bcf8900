CREATE TABLE orders (
    id              BIGINT PRIMARY KEY,
    idempotency_key VARCHAR(64) NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL,
    total           NUMERIC(12, 2) NOT NULL
);

CREATE TABLE payment (
    id                BIGINT PRIMARY KEY,
    order_id          BIGINT NOT NULL REFERENCES orders (id),
    amount            NUMERIC(12, 2) NOT NULL,
    gateway_reference VARCHAR(64),
    card_fingerprint  VARCHAR(64)
);

CREATE TABLE refund (
    id       BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    amount   NUMERIC(12, 2) NOT NULL
);

CREATE INDEX idx_payment_order_id ON payment (order_id);
CREATE INDEX idx_refund_order_id ON refund (order_id);
