package com.acme.shop.client;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/** Bounded waits and exponential backoff with jitter. */
@Component
public class PricingClient {

    private final RestTemplate rest;
    private final String baseUrl;

    public PricingClient(@Value("${pricing.url}") String baseUrl) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.rest = new RestTemplate(factory);
        this.baseUrl = baseUrl;
    }

    @Retryable(retryFor = RestClientException.class, maxAttempts = 3,
            backoff = @Backoff(delay = 200, multiplier = 2, maxDelay = 2000, random = true))
    public long priceInCents(String sku) {
        Long price = rest.getForObject(baseUrl + "/prices/{sku}", Long.class, sku);
        return price == null ? 0 : price;
    }
}
