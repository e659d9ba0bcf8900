package org.springframework.web.client;

public interface RestClient { static RestClient create() { return null; } static RestClient create(String url) { return null; } }
