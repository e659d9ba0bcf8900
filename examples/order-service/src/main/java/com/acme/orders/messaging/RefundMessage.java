package com.acme.orders.messaging;

import java.math.BigDecimal;

public record RefundMessage(String messageId, long orderId, BigDecimal amount) {
}
