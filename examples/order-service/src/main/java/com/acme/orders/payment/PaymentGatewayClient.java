package com.acme.orders.payment;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** Calls the payment provider's HTTP API. */
@Component
public class PaymentGatewayClient {

    private final String baseUrl;

    public PaymentGatewayClient(@Value("${payments.gateway.url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ChargeReceipt charge(long orderId, BigDecimal amount) {
        // Pitfall: a new client, with its own connection pool, for every charge (connection-per-call).
        RestTemplate rest = new RestTemplate();
        return rest.postForObject(baseUrl + "/charges", new ChargeRequest("order-" + orderId, amount),
                ChargeReceipt.class);
    }
}
