package io.archlint.engine.migrations;

import java.util.List;

/**
 * An index, primary key or unique constraint of a table.
 *
 * @param name    its name, or null when the migration did not name it
 * @param columns the indexed columns in order; an expression is kept as its text
 */
public record Index(String name, String table, List<String> columns, boolean unique, boolean primaryKey) {

    public Index {
        columns = List.copyOf(columns);
    }
}
