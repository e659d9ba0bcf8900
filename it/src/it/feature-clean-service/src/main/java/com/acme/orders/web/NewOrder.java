package com.acme.orders.web;

import jakarta.validation.constraints.Positive;

public record NewOrder(@Positive long customerId, @Positive long totalInCents) {
}
