package com.acme.catalog.warehouse;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
public class WarehouseDirectory {

    private final EntityManager entityManager;

    public WarehouseDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Warehouse> byCode(String code) {
        return Optional.ofNullable(entityManager.find(Warehouse.class, code));
    }
}
