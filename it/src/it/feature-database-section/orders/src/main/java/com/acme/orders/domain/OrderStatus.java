package com.acme.orders.domain;

public enum OrderStatus {
    PLACED, PAID, SHIPPED, CANCELLED
}
