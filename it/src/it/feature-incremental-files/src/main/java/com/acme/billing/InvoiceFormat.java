package com.acme.billing;

public class InvoiceFormat {

    public String format(Invoice invoice) {
        try {
            return invoice.id() + ": " + invoice.amount().toPlainString();
        } catch (ArithmeticException e) {
            e.printStackTrace();
            return invoice.id();
        }
    }
}
