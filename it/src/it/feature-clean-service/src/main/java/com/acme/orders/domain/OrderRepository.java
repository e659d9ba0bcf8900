package com.acme.orders.domain;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

public interface OrderRepository extends CrudRepository<Order, Long> {

    Optional<Order> findByIdempotencyKey(String idempotencyKey);
}
