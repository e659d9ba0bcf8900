package com.acme.orders;

public record OrderNumber(String value) {
}
