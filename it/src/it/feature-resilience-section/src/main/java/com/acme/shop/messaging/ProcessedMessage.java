package com.acme.shop.messaging;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The id of a message already handled; the primary key rejects a second insert. */
@Entity
public class ProcessedMessage {

    @Id
    private String messageId;

    protected ProcessedMessage() {
    }

    public ProcessedMessage(String messageId) {
        this.messageId = messageId;
    }

    public String getMessageId() {
        return messageId;
    }
}
