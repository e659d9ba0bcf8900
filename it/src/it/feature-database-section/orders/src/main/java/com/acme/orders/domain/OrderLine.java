package com.acme.orders.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_lines")
public class OrderLine {

    @Id
    @GeneratedValue
    private Long id;

    // To-one associations are EAGER by default in JPA; only to-many ones are reported.
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    private String sku;

    private int quantity;

    private long priceCents;

    protected OrderLine() {
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return order.getId();
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public long getPriceCents() {
        return priceCents;
    }
}
