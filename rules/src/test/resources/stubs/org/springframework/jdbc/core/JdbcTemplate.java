package org.springframework.jdbc.core;

public class JdbcTemplate { public JdbcTemplate() {} public JdbcTemplate(javax.sql.DataSource ds) {} public int update(String sql, Object... args) { return 0; } public <T> java.util.List<T> queryForList(String sql, Class<T> type, Object... args) { return null; } public <T> T queryForObject(String sql, Class<T> type, Object... args) { return null; } }
