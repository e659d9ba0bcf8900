package com.acme.orders.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A command-line check run by the deployment job before the rollout: one connection, once. */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException("database not reachable");
            }
        }
    }
}
