package com.acme.orders;

public record Order(long id) {}
