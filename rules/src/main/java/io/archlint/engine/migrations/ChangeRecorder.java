package io.archlint.engine.migrations;

import io.archlint.engine.migrations.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the SQL and Liquibase readers recognise into {@link SchemaChange}s and applies them to
 * the {@link Schema}, one statement at a time. All names it receives are normalised already.
 */
final class ChangeRecorder {

    /** A column as a statement defines it. */
    record ColumnDef(String name, String type, boolean notNull, boolean hasDefault, boolean primaryKey,
            boolean unique, boolean references) {}

    /** An index or constraint as a statement defines it. */
    record IndexDef(Kind kind, String name, List<String> columns, boolean unique) {}

    private final Schema schema;
    private final Map<SchemaChange, String> typesBefore = new IdentityHashMap<>();
    private final List<SchemaChange> recorded = new ArrayList<>();
    private String file;
    private int line;
    private String statement;

    ChangeRecorder(Schema schema) {
        this.schema = schema;
    }

    Schema schema() {
        return schema;
    }

    Map<SchemaChange, String> typesBefore() {
        return typesBefore;
    }

    /** Where the next changes come from. */
    void at(String file, int line, String statement) {
        this.file = file;
        this.line = line;
        this.statement = statement.strip();
    }

    /** The changes recorded since the last call. */
    List<SchemaChange> drain() {
        List<SchemaChange> result = List.copyOf(recorded);
        recorded.clear();
        return result;
    }

    private SchemaChange emit(Kind kind, String table, List<String> columns, String newName, String type,
            boolean notNull, boolean hasDefault) {
        SchemaChange change = new SchemaChange(kind, table, columns, newName, type, notNull, hasDefault, file, line,
                statement);
        recorded.add(change);
        return change;
    }

    void createTable(String table, List<ColumnDef> columns, List<IndexDef> constraints, boolean ifNotExists) {
        emit(Kind.CREATE_TABLE, table, columns.stream().map(ColumnDef::name).toList(), null, null, false, false);
        if (ifNotExists && schema.hasTable(table)) {
            return;
        }
        schema.createTable(table);
        for (ColumnDef column : columns) {
            schema.addColumn(table, column.name(), column.type(), column.notNull() || column.primaryKey(),
                    column.hasDefault());
        }
        inlineConstraints(table, columns);
        constraints.forEach(c -> index(table, c));
    }

    /** {@code CREATE TABLE x (LIKE y)} and {@code CREATE TABLE x AS SELECT}: the columns come from elsewhere. */
    void createTableLike(String table, String source) {
        if (source != null) {
            schema.createTable(table);
            schema.copyColumns(source, table);
        } else {
            schema.createTable(table);
        }
        emit(Kind.CREATE_TABLE, table, schema.columns(table), null, null, false, false);
    }

    private void inlineConstraints(String table, List<ColumnDef> columns) {
        for (ColumnDef column : columns) {
            if (column.primaryKey()) {
                index(table, new IndexDef(Kind.ADD_PRIMARY_KEY, null, List.of(column.name()), true));
            }
            if (column.unique()) {
                index(table, new IndexDef(Kind.ADD_UNIQUE, null, List.of(column.name()), true));
            }
            if (column.references()) {
                index(table, new IndexDef(Kind.ADD_FOREIGN_KEY, null, List.of(column.name()), false));
            }
        }
    }

    void index(String table, IndexDef index) {
        emit(index.kind(), table, index.columns(), null, null, false, false);
        switch (index.kind()) {
            case ADD_PRIMARY_KEY -> schema.addIndex(new Index(index.name(), table, index.columns(), true, true));
            case ADD_UNIQUE -> schema.addIndex(new Index(index.name(), table, index.columns(), true, false));
            case CREATE_INDEX -> schema.addIndex(new Index(index.name(), table, index.columns(), index.unique(), false));
            default -> { }
        }
    }

    void dropTable(String table) {
        emit(Kind.DROP_TABLE, table, List.of(), null, null, false, false);
        schema.dropTable(table);
    }

    void renameTable(String table, String newName) {
        emit(Kind.RENAME_TABLE, table, List.of(), newName, null, false, false);
        schema.renameTable(table, newName);
    }

    void addColumn(String table, ColumnDef column) {
        emit(Kind.ADD_COLUMN, table, List.of(column.name()), null, column.type(), column.notNull(),
                column.hasDefault());
        schema.addColumn(table, column.name(), column.type(), column.notNull() || column.primaryKey(),
                column.hasDefault());
        inlineConstraints(table, List.of(column));
    }

    void dropColumn(String table, String column) {
        emit(Kind.DROP_COLUMN, table, List.of(column), null, null, false, false);
        schema.dropColumn(table, column);
    }

    void renameColumn(String table, String column, String newName) {
        if (column.equals(newName)) {
            return;
        }
        emit(Kind.RENAME_COLUMN, table, List.of(column), newName, null, false, false);
        schema.renameColumn(table, column, newName);
    }

    /**
     * A column gets a type.
     *
     * @param explicit the statement asks for a type change ({@code ALTER COLUMN x TYPE ..},
     *                 {@code modifyDataType}); otherwise it restates the column ({@code MODIFY},
     *                 {@code CHANGE}) and counts as a change only when the type known before differs
     */
    void changeType(String table, String column, String type, boolean explicit) {
        Optional<Schema.Column> known = schema.column(table, column);
        String before = known.map(c -> c.type).orElse(null);
        boolean same = before != null && Names.normalizeType(before).equals(Names.normalizeType(type));
        if (!same && (explicit || before != null)) {
            SchemaChange change = emit(Kind.ALTER_COLUMN_TYPE, table, List.of(column), null, type, false, false);
            if (before != null) {
                typesBefore.put(change, before);
            }
        }
        schema.columnForUpdate(table, column).type = type;
    }

    /**
     * A column becomes NOT NULL.
     *
     * @param explicit the statement asks for it ({@code SET NOT NULL}, {@code addNotNullConstraint});
     *                 otherwise it restates the column and counts only when it was known to be nullable
     */
    void setNotNull(String table, String column, boolean explicit) {
        Optional<Schema.Column> known = schema.column(table, column);
        boolean already = known.map(c -> c.notNull).orElse(false);
        if (!already && (explicit || known.isPresent())) {
            emit(Kind.SET_NOT_NULL, table, List.of(column), null, null, true,
                    known.map(c -> c.hasDefault).orElse(false));
        }
        schema.columnForUpdate(table, column).notNull = true;
    }

    void dropNotNull(String table, String column) {
        schema.columnForUpdate(table, column).notNull = false;
    }

    void setDefault(String table, String column, boolean hasDefault) {
        schema.columnForUpdate(table, column).hasDefault = hasDefault;
    }

    void dropIndex(String table, String name) {
        String owner = schema.dropIndex(table, name);
        emit(Kind.DROP_INDEX, owner, List.of(), null, null, false, false);
    }

    /** {@code DROP CONSTRAINT}: a unique constraint or primary key goes away with its index. */
    void dropConstraint(String table, String name) {
        schema.dropIndex(table, name);
    }

    void dropPrimaryKey(String table) {
        schema.dropPrimaryKey(table);
    }

    void renameIndex(String table, String name, String newName) {
        schema.renameIndex(table, name, newName);
    }
}
