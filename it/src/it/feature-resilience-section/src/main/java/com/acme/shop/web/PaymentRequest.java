package com.acme.shop.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record PaymentRequest(@NotBlank String orderReference, @Positive long amountInCents) {
}
