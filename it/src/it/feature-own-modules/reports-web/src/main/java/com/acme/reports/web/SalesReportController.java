package com.acme.reports.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SalesReportController {

    @GetMapping("/reports/sales")
    public List<String> list() {
        return List.of("2026-11");
    }
}
