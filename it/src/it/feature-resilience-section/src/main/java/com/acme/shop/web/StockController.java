package com.acme.shop.web;

import com.acme.shop.client.InventoryClient;
import com.acme.shop.stock.StockService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/stock")
public class StockController {

    private final InventoryClient inventory;
    private final StockService stock;

    public StockController(InventoryClient inventory, StockService stock) {
        this.inventory = inventory;
        this.stock = stock;
    }

    @GetMapping
    public Map<String, Integer> availability(@RequestParam List<String> skus) {
        return inventory.availableAll(skus);
    }

    @PostMapping("/{sku}/deliveries")
    public int receive(@PathVariable String sku, @Valid @RequestBody Delivery delivery) {
        return stock.receive(sku, delivery.quantity()).getAvailable();
    }
}
