package com.acme.orders.web;

import com.acme.orders.domain.Order;

public record OrderView(long id, long customerId, long totalInCents) {

    static OrderView of(Order order) {
        return new OrderView(order.getId(), order.getCustomerId(), order.getTotalInCents());
    }
}
