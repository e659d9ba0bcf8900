package com.acme.orders.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reports")
@Transactional(readOnly = true)
public class ReportController {

    private static final String DAILY_REVENUE = "select cast(placed_at as date) as day, sum(total_cents) as cents "
            + "from purchase_orders where placed_at >= ? and placed_at < ? group by 1 order by 1";

    private final JdbcTemplate jdbc;

    public ReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/daily-revenue")
    public List<DailyRevenue> dailyRevenue(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return jdbc.query(DAILY_REVENUE,
                (row, number) -> new DailyRevenue(row.getDate("day").toLocalDate(), row.getLong("cents")), from, to);
    }
}
