package com.acme.catalog.product;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ProductRepository extends MongoRepository<Product, String> {

    // @Indexed(unique = true)
    Optional<Product> findBySlug(String slug);

    // No @Indexed on sku.
    Optional<Product> findBySku(String sku);
}
