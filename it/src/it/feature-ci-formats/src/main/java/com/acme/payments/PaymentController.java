package com.acme.payments;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Takes payments: reads and writes the repository itself, and takes a retried POST as a new payment. */
@RestController
public class PaymentController {

    private final PaymentRepository payments;

    public PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    @PostMapping("/payments")
    public ResponseEntity<Payment> create(@jakarta.validation.Valid @RequestBody PaymentRequest request) {
        Payment saved = payments.save(new Payment(request.orderId(), request.amountInCents()));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping("/payments/{id}")
    public ResponseEntity<Payment> find(@PathVariable long id) {
        return ResponseEntity.of(payments.findById(id));
    }
}
