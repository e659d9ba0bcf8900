package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts orders, opening a new physical connection for every call.
 *
 * <p>Lines were added above the accepted finding since the baseline was recorded.
 */
public class OrderCounter {

    private static final String COUNT = "select count(*) from orders";

    private final String url;

    public OrderCounter(String url) { this.url = url; }

    public String describe() {
        return "orders at " + url;
    }

    public long countOrders() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement statement = connection.prepareStatement(COUNT);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
