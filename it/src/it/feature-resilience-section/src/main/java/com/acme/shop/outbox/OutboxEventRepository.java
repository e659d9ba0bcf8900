package com.acme.shop.outbox;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

public interface OutboxEventRepository extends CrudRepository<OutboxEvent, Long> {

    Optional<OutboxEvent> findFirstByOrderByIdAsc();
}
