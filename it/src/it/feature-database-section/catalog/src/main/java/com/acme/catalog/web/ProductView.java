package com.acme.catalog.web;

import com.acme.catalog.product.Product;

public record ProductView(String slug, String name, long priceCents, String currency) {

    static ProductView of(Product product) {
        return new ProductView(product.getSlug(), product.getName(), product.getPrice().amountCents(),
                product.getPrice().currency());
    }
}
