package com.acme.orders.ops;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;

/** The orders a customer looked at last, kept in a Redis list. */
@Component
public class RecentlyViewed {

    private final String host;
    private final int port;

    public RecentlyViewed(@Value("${orders.redis.host}") String host, @Value("${orders.redis.port}") int port) {
        this.host = host;
        this.port = port;
    }

    public List<String> of(long customerId) {
        try (Jedis jedis = new Jedis(host, port)) {
            return jedis.lrange("viewed:" + customerId, 0, 9);
        }
    }
}
