package com.acme.orders.domain;

import org.springframework.data.repository.CrudRepository;

public interface RefundRepository extends CrudRepository<Refund, Long> {
}
