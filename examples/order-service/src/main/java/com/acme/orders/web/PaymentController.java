package com.acme.orders.web;

import com.acme.orders.domain.Payment;
import com.acme.orders.payment.PaymentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    // Pitfall: a client that retries after a timeout pays twice (missing-idempotency-key).
    @PostMapping("/payments")
    public ResponseEntity<Payment> pay(@RequestBody PaymentRequest request) {
        Payment payment = payments.charge(request.orderId(), request.amount());
        return ResponseEntity.status(HttpStatus.CREATED).body(payment);
    }
}
