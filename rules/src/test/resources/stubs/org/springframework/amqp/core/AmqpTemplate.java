package org.springframework.amqp.core;

public interface AmqpTemplate { void convertAndSend(String routingKey, Object message); void convertAndSend(String exchange, String routingKey, Object message); Object convertSendAndReceive(String exchange, String routingKey, Object message); }
