package org.springframework.kafka.core;

public interface KafkaOperations<K, V> { java.util.concurrent.CompletableFuture<Object> send(String topic, V data); java.util.concurrent.CompletableFuture<Object> send(String topic, K key, V data); java.util.concurrent.CompletableFuture<Object> sendDefault(V data); <T> T executeInTransaction(OperationsCallback<K, V, T> callback); interface OperationsCallback<K, V, T> { T doInOperations(KafkaOperations<K, V> operations); } }
