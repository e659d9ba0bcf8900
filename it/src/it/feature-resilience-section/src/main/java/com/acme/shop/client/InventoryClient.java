package com.acme.shop.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

@Component
public class InventoryClient {

    private final RestTemplate rest;
    private final String baseUrl;

    public InventoryClient(@Value("${inventory.url}") String baseUrl) {
        this.rest = new RestTemplate();
        this.baseUrl = baseUrl;
    }

    @Retryable(retryFor = RestClientException.class, maxAttempts = 4)
    public int available(String sku) {
        Integer count = rest.getForObject(baseUrl + "/stock/{sku}", Integer.class, sku);
        return count == null ? 0 : count;
    }

    public Map<String, Integer> availableAll(List<String> skus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String sku : skus) {
            counts.put(sku, rest.getForObject(baseUrl + "/stock/{sku}", Integer.class, sku));
        }
        return counts;
    }
}
