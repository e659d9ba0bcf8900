package com.acme.catalog.warehouse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "warehouses")
public class Warehouse {

    @Id
    private String code;

    @Column(nullable = false)
    private String city;

    protected Warehouse() {
    }

    public String getCode() {
        return code;
    }

    public String getCity() {
        return city;
    }
}
