package com.acme.orders.web;

import com.acme.orders.domain.PurchaseOrder;

public record OrderView(String orderNumber, String status, long totalCents) {

    static OrderView of(PurchaseOrder order) {
        return new OrderView(order.getOrderNumber(), order.getStatus().name(), order.getTotalCents());
    }
}
