package com.acme.accounts.data;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AccountQueries {

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> emailsByName(String name) {
        return jdbc.queryForList("select email from accounts where name = '" + name + "'", String.class);
    }

    public List<String> emailsByCity(String city) {
        return jdbc.queryForList("select email from accounts where city = ?", String.class, city);
    }
}
