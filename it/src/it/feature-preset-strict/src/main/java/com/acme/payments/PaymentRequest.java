package com.acme.payments;

public record PaymentRequest(long orderId, long amountInCents) {
}
