package com.acme.orders.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue
    private Long id;

    private String idempotencyKey;

    private long customerId;

    private BigDecimal total;

    protected Order() {
    }

    public Order(String idempotencyKey, long customerId, BigDecimal total) {
        this.idempotencyKey = idempotencyKey;
        this.customerId = customerId;
        this.total = total;
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public long getCustomerId() {
        return customerId;
    }

    public BigDecimal getTotal() {
        return total;
    }
}
