package io.archlint.engine.migrations;

import java.util.List;

/**
 * One change a migration makes to the schema. Names are normalised: lower case, quotes and
 * backticks removed, schema prefix removed.
 *
 * <p>A {@code CREATE TABLE} is followed by the {@code ADD_PRIMARY_KEY}, {@code ADD_UNIQUE},
 * {@code CREATE_INDEX} and {@code ADD_FOREIGN_KEY} changes of its inline constraints, with the same
 * file, line and statement.
 *
 * @param table      the table; for {@code DROP_INDEX} of an index the migrations never created, empty
 * @param columns    the columns concerned: created, added, dropped, indexed, or the old name of a renamed one
 * @param newName    the new name of a renamed table or column, else null
 * @param columnType the type of an added column or the new type of a changed one, else null
 * @param notNull    an added column or a changed column is declared NOT NULL
 * @param hasDefault the column gets a value without the application: a DEFAULT, an identity or
 *                   auto-increment, a generated column; for {@code SET_NOT_NULL}, whether the
 *                   column has a default at that point
 * @param file       path relative to the module base directory
 * @param line       1-based line where the statement starts
 * @param statement  the statement text, trimmed
 */
public record SchemaChange(Kind kind, String table, List<String> columns, String newName, String columnType,
        boolean notNull, boolean hasDefault, String file, int line, String statement) {

    /** What the change does. */
    public enum Kind {
        CREATE_TABLE, DROP_TABLE, RENAME_TABLE, ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN_TYPE,
        SET_NOT_NULL, CREATE_INDEX, DROP_INDEX, ADD_PRIMARY_KEY, ADD_UNIQUE, ADD_FOREIGN_KEY
    }

    public SchemaChange {
        columns = List.copyOf(columns);
    }

    /** The first column, or null when the change names none. */
    public String column() {
        return columns.isEmpty() ? null : columns.get(0);
    }
}
