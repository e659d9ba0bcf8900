package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts orders, opening a new physical connection for every call. */
public class OrderCounter {

    private final String url;

    public OrderCounter(String url) {
        this.url = url;
    }

    public long countOrders() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement statement = connection.prepareStatement("select count(*) from orders");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
