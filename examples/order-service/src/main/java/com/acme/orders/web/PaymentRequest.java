package com.acme.orders.web;

import java.math.BigDecimal;

public record PaymentRequest(long orderId, BigDecimal amount) {
}
