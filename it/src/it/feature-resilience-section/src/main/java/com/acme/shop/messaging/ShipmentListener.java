package com.acme.shop.messaging;

import com.acme.shop.order.OrderService;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Skips a message it has processed before: redelivery is harmless. */
@Component
public class ShipmentListener {

    private final ProcessedMessageRepository processedMessages;
    private final OrderService orders;

    public ShipmentListener(ProcessedMessageRepository processedMessages, OrderService orders) {
        this.processedMessages = processedMessages;
        this.orders = orders;
    }

    @JmsListener(destination = "shipments.dispatched")
    @Transactional
    public void onDispatched(ShipmentDispatched event) {
        if (processedMessages.existsById(event.messageId())) {
            return;
        }
        orders.markShipped(event.orderId());
        processedMessages.save(new ProcessedMessage(event.messageId()));
    }
}
