package com.acme.catalog.product;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.DBRef;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.DocumentReference;

@Document("products")
public class Product {

    @Id
    private String id;

    @Indexed(unique = true)
    private String slug;

    private String sku;

    private String name;

    @DBRef
    private Category category;

    @DocumentReference
    private Supplier supplier;

    @DocumentReference(lazy = true)
    private List<Product> relatedProducts;

    private Price price;

    private List<Variant> variants;

    public String getSlug() {
        return slug;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public Category getCategory() {
        return category;
    }

    public Price getPrice() {
        return price;
    }
}
