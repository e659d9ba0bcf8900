package com.acme.orders.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderStatsController {

    private final JdbcTemplate jdbc;

    public OrderStatsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/orders/count")
    public Long count() {
        return jdbc.queryForObject("select count(*) from orders", Long.class);
    }
}
