package com.acme.payments;

import jakarta.validation.constraints.Positive;

public record PaymentRequest(@Positive long orderId, @Positive long amountInCents) {
}
