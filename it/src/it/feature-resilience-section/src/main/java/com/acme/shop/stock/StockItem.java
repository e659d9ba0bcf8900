package com.acme.shop.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** No @Version: two deliveries booked at once lose one of them. */
@Entity
public class StockItem {

    @Id
    private String sku;

    private int available;

    protected StockItem() {
    }

    public StockItem(String sku) {
        this.sku = sku;
    }

    public void add(int quantity) {
        available += quantity;
    }

    public String getSku() {
        return sku;
    }

    public int getAvailable() {
        return available;
    }
}
