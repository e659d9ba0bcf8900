package com.acme.shop.web;

import jakarta.validation.constraints.Positive;

public record Delivery(@Positive int quantity) {
}
