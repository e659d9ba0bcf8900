package com.acme.orders.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/** Counts order page views; one pooled client for the bean's lifetime. */
@Component
public class ViewCounter {

    private final JedisPooled redis;

    public ViewCounter(@Value("${orders.redis.host}") String host, @Value("${orders.redis.port}") int port) {
        this.redis = new JedisPooled(host, port);
    }

    public long viewed(String orderNumber) {
        return redis.incr("views:" + orderNumber);
    }
}
