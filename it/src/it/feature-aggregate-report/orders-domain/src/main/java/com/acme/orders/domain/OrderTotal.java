package com.acme.orders.domain;

import java.util.List;

/** The total of an order's lines, in cents. */
public record OrderTotal(long cents) {

    public record Line(long unitPriceInCents, int quantity) {
    }

    public static OrderTotal of(List<Line> lines) {
        long cents = 0;
        for (Line line : lines) {
            cents = Math.addExact(cents, Math.multiplyExact(line.unitPriceInCents(), line.quantity()));
        }
        return new OrderTotal(cents);
    }
}
