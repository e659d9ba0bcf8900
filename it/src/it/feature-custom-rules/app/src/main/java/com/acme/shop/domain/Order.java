package com.acme.shop.domain;

import com.acme.shop.web.OrderView;
import java.util.Date;

/** An order; it leaks into the web layer and uses java.util.Date. */
public class Order {

    private final String id;
    private final Date placedAt;
    // archlint:ignore acme-no-java-util-date kept for the legacy export format
    private final Date exportedAt;

    public Order(String id, Date placedAt, Date exportedAt) {
        this.id = id;
        this.placedAt = placedAt;
        this.exportedAt = exportedAt;
    }

    public OrderView toView() {
        return new OrderView(id, "0.00");
    }
}
