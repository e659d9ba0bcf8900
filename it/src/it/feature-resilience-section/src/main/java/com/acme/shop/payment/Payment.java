package com.acme.shop.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Payment {

    @Id
    @GeneratedValue
    private Long id;

    private String orderReference;

    private long amountInCents;

    protected Payment() {
    }

    public Payment(String orderReference, long amountInCents) {
        this.orderReference = orderReference;
        this.amountInCents = amountInCents;
    }

    public Long getId() {
        return id;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public long getAmountInCents() {
        return amountInCents;
    }
}
