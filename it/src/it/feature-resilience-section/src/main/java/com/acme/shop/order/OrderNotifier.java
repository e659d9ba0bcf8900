package com.acme.shop.order;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Sends mail on the task executor: the request that places an order does not wait for the mail server. */
@Component
public class OrderNotifier {

    private final JavaMailSender mailSender;

    public OrderNotifier(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    @Async
    public void orderPlaced(Order order) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(order.getCustomerEmail());
        message.setSubject("We received your order");
        message.setText("Order " + order.getId() + " is placed.");
        mailSender.send(message);
    }
}
