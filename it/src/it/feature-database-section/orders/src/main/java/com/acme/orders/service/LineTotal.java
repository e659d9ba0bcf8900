package com.acme.orders.service;

public record LineTotal(long orderId, int items, long totalCents) {
}
