package com.acme.shop.messaging;

import com.acme.shop.ledger.LedgerService;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

/** A redelivered settlement books the payment a second time. */
@Component
public class PaymentSettledListener {

    private final LedgerService ledger;

    public PaymentSettledListener(LedgerService ledger) {
        this.ledger = ledger;
    }

    @JmsListener(destination = "payments.settled")
    public void onSettled(PaymentSettled event) {
        ledger.record(event.paymentId(), event.amountInCents());
    }
}
