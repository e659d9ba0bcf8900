package org.springframework.jms.core;

public class JmsTemplate { public void convertAndSend(String destinationName, Object message) {} public Object receiveAndConvert(String destinationName) { return null; } }
