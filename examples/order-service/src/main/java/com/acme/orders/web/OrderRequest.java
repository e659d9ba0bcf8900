package com.acme.orders.web;

import java.math.BigDecimal;
import java.util.List;

public record OrderRequest(long customerId, List<Line> lines) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }
}
