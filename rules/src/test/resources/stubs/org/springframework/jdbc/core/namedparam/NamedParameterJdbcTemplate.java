package org.springframework.jdbc.core.namedparam;

public class NamedParameterJdbcTemplate { public int update(String sql, java.util.Map<String, ?> args) { return 0; } }
