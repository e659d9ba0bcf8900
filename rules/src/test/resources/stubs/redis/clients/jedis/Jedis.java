package redis.clients.jedis;

public class Jedis implements AutoCloseable { public Jedis() {} public Jedis(String host, int port) {} public String get(String key) { return null; } public void close() {} }
