package com.acme.shop.outbox;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes stored events and deletes them: a publish next to an outbox write is the fix, not a dual write. */
@Component
public class OutboxRelay {

    private final OutboxEventRepository outbox;
    private final JmsTemplate jms;

    public OutboxRelay(OutboxEventRepository outbox, JmsTemplate jms) {
        this.outbox = outbox;
        this.jms = jms;
    }

    @Scheduled(fixedDelay = 1000)
    @Transactional
    public void relayNext() {
        outbox.findFirstByOrderByIdAsc().ifPresent(event -> {
            jms.convertAndSend(event.getDestination(), event.getPayload());
            outbox.delete(event);
        });
    }
}
