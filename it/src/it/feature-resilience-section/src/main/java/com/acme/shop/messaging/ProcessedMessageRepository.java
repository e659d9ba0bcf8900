package com.acme.shop.messaging;

import org.springframework.data.repository.CrudRepository;

public interface ProcessedMessageRepository extends CrudRepository<ProcessedMessage, String> {
}
