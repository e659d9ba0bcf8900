package org.springframework.web.client;

public class RestTemplate { public <T> T getForObject(String url, Class<T> type, Object... vars) { return null; } }
