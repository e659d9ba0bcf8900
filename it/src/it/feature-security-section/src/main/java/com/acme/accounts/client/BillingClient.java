package com.acme.accounts.client;

/** Calls the billing provider. */
public class BillingClient {

    private static final String API_KEY = "bk-acme-9fQ2mB7xR4tL8vN1cK6p";
    private final String baseUrl;

    public BillingClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String authorization() {
        return "Bearer " + API_KEY + " @" + baseUrl;
    }
}
