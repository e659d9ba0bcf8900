package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Written after the baseline was recorded: its connection per call is a new finding. */
public class RefundCounter {

    private final String url;

    public RefundCounter(String url) {
        this.url = url;
    }

    public boolean reachable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.isValid(2);
        }
    }
}
