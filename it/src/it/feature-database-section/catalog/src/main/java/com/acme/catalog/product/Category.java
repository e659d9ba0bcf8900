package com.acme.catalog.product;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("categories")
public record Category(@Id String id, String name) {
}
