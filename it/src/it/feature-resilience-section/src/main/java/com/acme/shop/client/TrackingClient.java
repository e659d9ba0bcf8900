package com.acme.shop.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Bounded waits, and a hand-written retry that backs off exponentially with jitter. */
@Component
public class TrackingClient {

    private static final int MAX_ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    public TrackingClient(@Value("${tracking.url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String status(String trackingNumber) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/tracking/" + trackingNumber))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long backoffMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
            Thread.sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis));
            backoffMillis *= 2;
        }
    }
}
