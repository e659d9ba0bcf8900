package com.acme.shop.payment;

import com.acme.shop.outbox.OutboxEvent;
import com.acme.shop.outbox.OutboxEventRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PaymentService {

    private final PaymentRepository payments;
    private final OutboxEventRepository outbox;

    public PaymentService(PaymentRepository payments, OutboxEventRepository outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    /** The payment and its event commit together; OutboxRelay publishes the event. */
    @Transactional
    public Payment charge(String orderReference, long amountInCents) {
        Payment payment = payments.save(new Payment(orderReference, amountInCents));
        outbox.save(OutboxEvent.of("payments.charged", payment.getId() + ":" + amountInCents));
        return payment;
    }
}
