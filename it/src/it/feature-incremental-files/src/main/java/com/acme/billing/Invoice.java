package com.acme.billing;

import java.math.BigDecimal;

public record Invoice(String id, BigDecimal amount) {}
