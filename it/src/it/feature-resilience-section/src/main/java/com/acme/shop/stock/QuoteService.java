package com.acme.shop.stock;

import com.acme.shop.catalog.ProductCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

@Service
public class QuoteService {

    private final ProductCatalog catalog;
    private final Map<String, Long> lastQuoteByCustomer = new HashMap<>();
    private final Map<String, Long> quotesBySku = new ConcurrentHashMap<>();
    private final AtomicLong quotesServed = new AtomicLong();
    private volatile long minimumOrderInCents;

    public QuoteService(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    public long quote(String customerId, String sku, int quantity) {
        long total = catalog.priceInCents(sku) * quantity;
        lastQuoteByCustomer.put(customerId, total);
        quotesBySku.merge(sku, 1L, Long::sum);
        quotesServed.incrementAndGet();
        return total;
    }

    public Long lastQuote(String customerId) {
        return lastQuoteByCustomer.get(customerId);
    }

    /** A setting that is only ever replaced: volatile makes the new value visible to every request. */
    public void changeMinimumOrder(long cents) {
        minimumOrderInCents = cents;
    }

    public boolean acceptable(long totalInCents) {
        return totalInCents >= minimumOrderInCents;
    }

    public long quotesServed() {
        return quotesServed.get();
    }
}
