package com.acme.orders.payment;

import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentRepository;
import java.math.BigDecimal;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;

@Service
public class PaymentService {

    private final PaymentGatewayClient gateway;
    private final PaymentRepository payments;
    private final JmsTemplate jms;

    public PaymentService(PaymentGatewayClient gateway, PaymentRepository payments, JmsTemplate jms) {
        this.gateway = gateway;
        this.payments = payments;
        this.jms = jms;
    }

    // Pitfall: the payment is saved and the event published in two separate systems (dual-write):
    // a crash between the two loses the event or announces a payment that was rolled back.
    public Payment charge(long orderId, BigDecimal amount) {
        ChargeReceipt receipt = gateway.charge(orderId, amount);
        Payment payment = payments.save(new Payment(orderId, amount, receipt.gatewayReference()));
        announce(payment);
        return payment;
    }

    private void announce(Payment payment) {
        jms.convertAndSend("payments.charged", payment.getId());
    }
}
