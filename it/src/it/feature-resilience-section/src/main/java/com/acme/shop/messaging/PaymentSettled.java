package com.acme.shop.messaging;

public record PaymentSettled(String messageId, long paymentId, long amountInCents) {
}
