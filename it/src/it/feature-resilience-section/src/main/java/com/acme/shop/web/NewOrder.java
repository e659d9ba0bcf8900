package com.acme.shop.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Positive;

public record NewOrder(@Email String customerEmail, @Positive long totalInCents) {
}
