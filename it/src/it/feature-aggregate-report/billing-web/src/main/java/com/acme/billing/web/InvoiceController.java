package com.acme.billing.web;

import com.acme.orders.domain.OrderTotal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class InvoiceController {

    private final JdbcTemplate jdbc;

    public InvoiceController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/invoices/total")
    public long total() {
        Long cents = jdbc.queryForObject("select sum(amount_cents) from invoices", Long.class);
        return OrderTotal.of(List.of(new OrderTotal.Line(cents == null ? 0 : cents, 1))).cents();
    }
}
