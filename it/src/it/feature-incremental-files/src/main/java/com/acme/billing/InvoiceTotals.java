package com.acme.billing;

import java.math.BigDecimal;
import java.util.List;

public class InvoiceTotals {

    public BigDecimal sum(List<Invoice> invoices) {
        BigDecimal total = BigDecimal.ZERO;
        for (Invoice invoice : invoices) {
            total = total.add(invoice.amount());
        }
        return total;
    }
}
