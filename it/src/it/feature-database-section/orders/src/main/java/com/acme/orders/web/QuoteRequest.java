package com.acme.orders.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;

public record QuoteRequest(@NotEmpty List<Line> lines) {

    public record Line(String sku, @Positive int quantity, @Positive long unitPriceCents) {
    }
}
