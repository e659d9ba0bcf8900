package com.acme.orders.ops;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Streams all orders as CSV for the finance team's nightly import. */
@Component
public class OrderCsvExport {

    private static final String ORDERS = "select order_number, total_cents from purchase_orders order by id";

    private final String url;
    private final String user;
    private final String password;

    public OrderCsvExport(@Value("${orders.db.url}") String url, @Value("${orders.db.user}") String user,
            @Value("${orders.db.password}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public void export(Writer out) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(ORDERS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.write(rows.getString(1) + ';' + rows.getLong(2) + '\n');
            }
        }
    }
}
