package com.acme.orders.web;

public record NewOrder(long customerId, long totalInCents) {
}
