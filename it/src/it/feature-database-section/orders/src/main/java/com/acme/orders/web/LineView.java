package com.acme.orders.web;

public record LineView(String sku, int quantity) {
}
