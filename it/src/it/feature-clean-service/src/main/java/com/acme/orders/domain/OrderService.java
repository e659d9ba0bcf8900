package com.acme.orders.domain;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places orders; a retried request with the same idempotency key gets the order the first one created. */
@Service
public class OrderService {

    private final OrderRepository orders;

    public OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional
    public Order place(String idempotencyKey, long customerId, long totalInCents) {
        return orders.findByIdempotencyKey(idempotencyKey)
                .orElseGet(() -> orders.save(new Order(idempotencyKey, customerId, totalInCents)));
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(long id) {
        return orders.findById(id);
    }
}
