package com.acme.catalog.product;

/** Embedded in its product. */
public record Variant(String sku, String colour, String size) {
}
