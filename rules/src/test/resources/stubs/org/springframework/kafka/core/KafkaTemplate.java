package org.springframework.kafka.core;

public class KafkaTemplate<K, V> implements KafkaOperations<K, V> { public java.util.concurrent.CompletableFuture<Object> send(String topic, V data) { return null; } public java.util.concurrent.CompletableFuture<Object> send(String topic, K key, V data) { return null; } public java.util.concurrent.CompletableFuture<Object> sendDefault(V data) { return null; } public <T> T executeInTransaction(OperationsCallback<K, V, T> callback) { return callback.doInOperations(this); } }
