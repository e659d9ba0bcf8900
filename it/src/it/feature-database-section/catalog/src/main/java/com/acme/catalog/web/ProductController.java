package com.acme.catalog.web;

import com.acme.catalog.product.ProductService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/products")
public class ProductController {

    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping("/{slug}")
    public ResponseEntity<ProductView> bySlug(@PathVariable String slug) {
        return ResponseEntity.of(products.bySlug(slug).map(ProductView::of));
    }

    @GetMapping("/sku/{sku}")
    public ResponseEntity<ProductView> bySku(@PathVariable String sku) {
        return ResponseEntity.of(products.bySku(sku).map(ProductView::of));
    }
}
