package com.acme.catalog.product;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("suppliers")
public record Supplier(@Id String id, String name, String country) {
}
