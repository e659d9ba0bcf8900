package com.acme.orders.payment;

public record ChargeReceipt(String gatewayReference, String status) {
}
