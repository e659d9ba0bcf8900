package com.acme.shop.stock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class StockService {

    private final StockItemRepository stock;

    public StockService(StockItemRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockItem receive(String sku, int quantity) {
        StockItem item = stock.findById(sku).orElseGet(() -> new StockItem(sku));
        item.add(quantity);
        return stock.save(item);
    }
}
