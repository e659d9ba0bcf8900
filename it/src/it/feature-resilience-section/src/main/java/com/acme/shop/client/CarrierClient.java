package com.acme.shop.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Books shipments with the carrier. */
@Component
public class CarrierClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public CarrierClient(@Value("${carrier.url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String book(String orderReference) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/shipments"))
                .POST(HttpRequest.BodyPublishers.ofString(orderReference))
                .build();
        IOException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                failure = e;
            }
        }
        throw failure;
    }
}
