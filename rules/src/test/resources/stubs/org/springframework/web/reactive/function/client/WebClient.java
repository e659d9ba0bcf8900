package org.springframework.web.reactive.function.client;

public interface WebClient { static WebClient create() { return null; } static WebClient create(String url) { return null; } }
