package com.acme.shop.web;

import com.acme.shop.order.Order;

public record OrderView(long id, String status, long totalInCents) {

    static OrderView of(Order order) {
        return new OrderView(order.getId(), order.getStatus().name(), order.getTotalInCents());
    }
}
