package com.acme.shop.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Versioned: two requests that confirm and ship the same order cannot overwrite each other. */
@Entity
@Table(name = "orders")
public class Order {

    public enum Status { PLACED, CONFIRMED, SHIPPED }

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true, nullable = false)
    private String idempotencyKey;

    private String customerEmail;

    private long totalInCents;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PLACED;

    @Version
    private long version;

    protected Order() {
    }

    public Order(String idempotencyKey, String customerEmail, long totalInCents) {
        this.idempotencyKey = idempotencyKey;
        this.customerEmail = customerEmail;
        this.totalInCents = totalInCents;
    }

    public void confirm() {
        status = Status.CONFIRMED;
    }

    public void ship() {
        status = Status.SHIPPED;
    }

    public Long getId() {
        return id;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public long getTotalInCents() {
        return totalInCents;
    }

    public Status getStatus() {
        return status;
    }
}
