package org.springframework.amqp.rabbit.core;

public class RabbitTemplate implements org.springframework.amqp.core.AmqpTemplate { public void convertAndSend(String routingKey, Object message) {} public void convertAndSend(String exchange, String routingKey, Object message) {} public Object convertSendAndReceive(String exchange, String routingKey, Object message) { return null; } }
