package com.acme.catalog.product;

/** Embedded in its product: read with it, never on its own. */
public record Price(long amountCents, String currency) {
}
