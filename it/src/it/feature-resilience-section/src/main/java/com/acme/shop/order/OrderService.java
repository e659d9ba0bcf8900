package com.acme.shop.order;

import java.util.Optional;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {

    private final OrderRepository orders;
    private final JmsTemplate jms;
    private final JavaMailSender mailSender;
    private final OrderNotifier notifier;

    public OrderService(OrderRepository orders, JmsTemplate jms, JavaMailSender mailSender, OrderNotifier notifier) {
        this.orders = orders;
        this.jms = jms;
        this.mailSender = mailSender;
        this.notifier = notifier;
    }

    @Transactional
    public Order place(String idempotencyKey, String customerEmail, long totalInCents) {
        Optional<Order> existing = orders.findByIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Order order = orders.save(new Order(idempotencyKey, customerEmail, totalInCents));
        publishPlaced(order);
        notifier.orderPlaced(order);
        return order;
    }

    /** Loads, changes and saves a versioned order: a concurrent change fails instead of being lost. */
    @Transactional
    public Order confirm(long id) {
        Order order = orders.findById(id).orElseThrow(() -> new IllegalArgumentException("unknown order"));
        order.confirm();
        Order confirmed = orders.save(order);
        sendConfirmation(confirmed);
        return confirmed;
    }

    @Transactional
    public void markShipped(long id) {
        Order order = orders.findById(id).orElseThrow(() -> new IllegalArgumentException("unknown order"));
        order.ship();
        orders.save(order);
    }

    private void publishPlaced(Order order) {
        jms.convertAndSend("orders.placed", order.getId());
    }

    private void sendConfirmation(Order order) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(order.getCustomerEmail());
        message.setSubject("Your order is confirmed");
        message.setText("Order " + order.getId() + " is confirmed.");
        mailSender.send(message);
    }
}
