package com.acme.orders.payment;

import java.math.BigDecimal;

public record ChargeRequest(String reference, BigDecimal amount) {
}
