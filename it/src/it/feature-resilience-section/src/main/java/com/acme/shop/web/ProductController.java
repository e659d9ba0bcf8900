package com.acme.shop.web;

import com.acme.shop.catalog.Product;
import com.acme.shop.catalog.ProductCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/products")
public class ProductController {

    private final ProductCatalog catalog;

    public ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{sku}")
    public ResponseEntity<Product> product(@PathVariable String sku) {
        return ResponseEntity.of(catalog.product(sku));
    }

    @GetMapping("/{sku}/price")
    public long price(@PathVariable String sku) {
        return catalog.priceInCents(sku);
    }
}
