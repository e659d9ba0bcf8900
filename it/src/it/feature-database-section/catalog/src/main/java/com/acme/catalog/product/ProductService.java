package com.acme.catalog.product;

import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

@Service
public class ProductService {

    private final ProductRepository products;

    public ProductService(ProductRepository products) {
        this.products = products;
    }

    @Cacheable(cacheNames = "products", sync = true)
    public Optional<Product> bySlug(String slug) {
        return products.findBySlug(slug);
    }

    public Optional<Product> bySku(String sku) {
        return products.findBySku(sku);
    }
}
