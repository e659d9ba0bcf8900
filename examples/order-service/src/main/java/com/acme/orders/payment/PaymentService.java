package com.acme.orders.payment;

import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentRepository;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;

@Service
public class PaymentService {

    private final PaymentGatewayClient gateway;
    private final PaymentRepository payments;

    public PaymentService(PaymentGatewayClient gateway, PaymentRepository payments) {
        this.gateway = gateway;
        this.payments = payments;
    }

    public Payment charge(long orderId, BigDecimal amount) {
        ChargeReceipt receipt = gateway.charge(orderId, amount);
        return payments.save(new Payment(orderId, amount, receipt.gatewayReference()));
    }
}
