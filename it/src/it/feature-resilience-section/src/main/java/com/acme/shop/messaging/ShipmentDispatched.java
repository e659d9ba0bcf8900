package com.acme.shop.messaging;

public record ShipmentDispatched(String messageId, long orderId) {
}
