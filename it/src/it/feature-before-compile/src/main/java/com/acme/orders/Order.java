package com.acme.orders;

public class Order {

    private Long id;

    public Long getId() {
        return id;
    }
}
