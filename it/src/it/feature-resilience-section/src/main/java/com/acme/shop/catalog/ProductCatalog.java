package com.acme.shop.catalog;

import com.acme.shop.client.PricingClient;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

@Service
public class ProductCatalog {

    private final ProductRepository products;
    private final PricingClient pricing;

    public ProductCatalog(ProductRepository products, PricingClient pricing) {
        this.products = products;
        this.pricing = pricing;
    }

    // When the entry expires, every concurrent request reads the database at once.
    @Cacheable("products")
    public Optional<Product> product(String sku) {
        return products.findById(sku);
    }

    // One caller loads an expired price; the others wait for it.
    @Cacheable(cacheNames = "prices", sync = true)
    public long priceInCents(String sku) {
        return pricing.priceInCents(sku);
    }
}
