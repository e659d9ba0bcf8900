package com.acme.orders.web;

public record QuoteView(long subtotalCents, long shippingCents, long totalCents) {
}
