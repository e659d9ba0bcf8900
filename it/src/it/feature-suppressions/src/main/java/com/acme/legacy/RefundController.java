package com.acme.legacy;

import com.acme.payments.Payment;
import com.acme.payments.PaymentRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Legacy refunds: excluded by package in the pom until its rewrite. */
@RestController
public class RefundController {

    private final PaymentRepository payments;

    public RefundController(PaymentRepository payments) {
        this.payments = payments;
    }

    @PostMapping("/refunds")
    public Payment refund(@RequestBody Payment payment) {
        return payments.save(payment);
    }
}
