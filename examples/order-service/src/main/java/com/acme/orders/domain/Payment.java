package com.acme.orders.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.math.BigDecimal;

@Entity
public class Payment {

    @Id
    @GeneratedValue
    private Long id;

    private long orderId;

    private BigDecimal amount;

    private String gatewayReference;

    protected Payment() {
    }

    public Payment(long orderId, BigDecimal amount, String gatewayReference) {
        this.orderId = orderId;
        this.amount = amount;
        this.gatewayReference = gatewayReference;
    }

    public Long getId() {
        return id;
    }

    public long getOrderId() {
        return orderId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getGatewayReference() {
        return gatewayReference;
    }
}
