package com.acme.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true, nullable = false)
    private String idempotencyKey;

    private long customerId;

    private long totalInCents;

    protected Order() {
    }

    public Order(String idempotencyKey, long customerId, long totalInCents) {
        this.idempotencyKey = idempotencyKey;
        this.customerId = customerId;
        this.totalInCents = totalInCents;
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

    public long getTotalInCents() {
        return totalInCents;
    }
}
