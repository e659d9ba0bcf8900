package com.acme.shop.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An event stored in the same transaction as the change it announces; the relay publishes it. */
@Entity
public class OutboxEvent {

    @Id
    @GeneratedValue
    private Long id;

    private String destination;

    private String payload;

    protected OutboxEvent() {
    }

    private OutboxEvent(String destination, String payload) {
        this.destination = destination;
        this.payload = payload;
    }

    public static OutboxEvent of(String destination, String payload) {
        return new OutboxEvent(destination, payload);
    }

    public String getDestination() {
        return destination;
    }

    public String getPayload() {
        return payload;
    }
}
