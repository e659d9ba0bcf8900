package com.acme.orders.messaging;

import com.acme.orders.domain.Refund;
import com.acme.orders.domain.RefundRepository;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

@Component
public class RefundListener {

    private final RefundRepository refunds;

    public RefundListener(RefundRepository refunds) {
        this.refunds = refunds;
    }

    // Pitfall: the broker delivers at least once; a redelivered message refunds twice (non-idempotent-consumer).
    @JmsListener(destination = "refunds")
    public void onRefund(RefundMessage message) {
        refunds.save(new Refund(message.orderId(), message.amount()));
    }
}
