package com.acme.orders.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record NewOrder(@NotBlank String orderNumber, @NotBlank String customerEmail, @NotBlank String currency,
        @Positive long totalCents) {
}
