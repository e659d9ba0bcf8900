package org.springframework.web.client;

public class RestTemplate { public <T> T getForObject(String url, Class<T> type, Object... vars) { return null; } public <T> T postForObject(String url, Object request, Class<T> type, Object... vars) { return null; } }
