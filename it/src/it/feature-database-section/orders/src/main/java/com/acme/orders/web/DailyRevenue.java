package com.acme.orders.web;

import java.time.LocalDate;

public record DailyRevenue(LocalDate day, long totalCents) {
}
