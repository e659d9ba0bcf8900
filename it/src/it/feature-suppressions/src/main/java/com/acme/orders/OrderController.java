package com.acme.orders;

import com.acme.payments.Payment;
import com.acme.payments.PaymentRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Orders: one suppression expired, one no longer needed. */
@RestController
public class OrderController {

    // archlint:ignore controller-data-access until=2020-01-31 moved into OrderService in January
    private final PaymentRepository payments;

    public OrderController(PaymentRepository payments) {
        this.payments = payments;
    }

    // archlint:ignore missing-idempotency-key this used to be a POST; a GET needs no key
    @GetMapping("/orders/{id}/payment")
    public Payment payment(@PathVariable long id) {
        return payments.findById(id).orElseThrow();
    }
}
