package io.archlint.engine.migrations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema after every migration has run: tables, columns and indexes (primary keys and unique
 * constraints included). Names are looked up case-insensitively, with quotes and schema prefix
 * ignored.
 *
 * <p>Built while the migrations are read, read-only afterwards.
 */
public final class Schema {

    /** One column while the migrations are applied. */
    static final class Column {
        String type;
        boolean notNull;
        boolean hasDefault;

        Column(String type, boolean notNull, boolean hasDefault) {
            this.type = type;
            this.notNull = notNull;
            this.hasDefault = hasDefault;
        }
    }

    private static final class Table {
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<Index> indexes = new ArrayList<>();
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    Schema() {}

    /** Every table, in the order the migrations created them. */
    public Set<String> tables() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tables.keySet()));
    }

    /** The table's columns in order; empty for an unknown table. */
    public List<String> columns(String table) {
        Table t = tables.get(Names.normalize(table));
        return t == null ? List.of() : List.copyOf(t.columns.keySet());
    }

    /** The table's indexes, primary key and unique constraints; empty for an unknown table. */
    public List<Index> indexes(String table) {
        Table t = tables.get(Names.normalize(table));
        return t == null ? List.of() : List.copyOf(t.indexes);
    }

    /** Whether the column leads some index, primary key or unique constraint of the table. */
    public boolean isIndexed(String table, String column) {
        String wanted = Names.normalize(column);
        return indexes(table).stream().anyMatch(i -> !i.columns().isEmpty() && i.columns().get(0).equals(wanted));
    }

    /** The column's declared type as written in the last migration that set it, if known. */
    public Optional<String> columnType(String table, String column) {
        return column(Names.normalize(table), Names.normalize(column)).map(c -> c.type);
    }

    // ---- building, package-private ----

    boolean hasTable(String table) {
        return tables.containsKey(table);
    }

    Optional<Column> column(String table, String column) {
        Table t = tables.get(table);
        return t == null ? Optional.empty() : Optional.ofNullable(t.columns.get(column));
    }

    void createTable(String table) {
        tables.put(table, new Table());
    }

    void dropTable(String table) {
        tables.remove(table);
    }

    void renameTable(String table, String newName) {
        Table t = tables.remove(table);
        if (t == null) {
            t = new Table();
        }
        List<Index> renamed = t.indexes.stream()
                .map(i -> new Index(i.name(), newName, i.columns(), i.unique(), i.primaryKey())).toList();
        t.indexes.clear();
        t.indexes.addAll(renamed);
        tables.put(newName, t);
    }

    void addColumn(String table, String column, String type, boolean notNull, boolean hasDefault) {
        tables.computeIfAbsent(table, k -> new Table()).columns.put(column, new Column(type, notNull, hasDefault));
    }

    void dropColumn(String table, String column) {
        Table t = tables.get(table);
        if (t != null) {
            t.columns.remove(column);
            // The database drops the indexes and constraints over a dropped column with it.
            t.indexes.removeIf(i -> i.columns().contains(column));
        }
    }

    void renameColumn(String table, String column, String newName) {
        Table t = tables.get(table);
        if (t == null) {
            addColumn(table, newName, null, false, false);
            return;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        t.columns.forEach((name, value) -> columns.put(name.equals(column) ? newName : name, value));
        if (!columns.containsKey(newName)) {
            columns.put(newName, new Column(null, false, false));
        }
        t.columns.clear();
        t.columns.putAll(columns);
        List<Index> renamed = t.indexes.stream().map(i -> new Index(i.name(), i.table(),
                i.columns().stream().map(c -> c.equals(column) ? newName : c).toList(), i.unique(), i.primaryKey()))
                .toList();
        t.indexes.clear();
        t.indexes.addAll(renamed);
    }

    Column columnForUpdate(String table, String column) {
        return tables.computeIfAbsent(table, k -> new Table()).columns
                .computeIfAbsent(column, k -> new Column(null, false, false));
    }

    void addIndex(Index index) {
        Table t = tables.computeIfAbsent(index.table(), k -> new Table());
        if (index.primaryKey()) {
            t.indexes.removeIf(Index::primaryKey);
        }
        if (index.name() != null) {
            t.indexes.removeIf(i -> index.name().equals(i.name()));
        }
        t.indexes.add(index);
    }

    /** Removes a named index or constraint; returns its table, or empty when none had the name. */
    String dropIndex(String table, String name) {
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            if ((table == null || table.isEmpty() || entry.getKey().equals(table))
                    && entry.getValue().indexes.removeIf(i -> name.equals(i.name()))) {
                return entry.getKey();
            }
        }
        return table == null ? "" : table;
    }

    void renameIndex(String table, String name, String newName) {
        Table t = tables.get(table);
        if (t != null) {
            t.indexes.replaceAll(i -> name.equals(i.name())
                    ? new Index(newName, i.table(), i.columns(), i.unique(), i.primaryKey()) : i);
        }
    }

    void dropPrimaryKey(String table) {
        Table t = tables.get(table);
        if (t != null) {
            t.indexes.removeIf(Index::primaryKey);
        }
    }

    /** A copy of another table's columns and indexes, for {@code CREATE TABLE x (LIKE y)}. */
    void copyColumns(String from, String to) {
        Table source = tables.get(from);
        Table target = tables.computeIfAbsent(to, k -> new Table());
        if (source != null) {
            source.columns.forEach((name, c) -> target.columns.put(name, new Column(c.type, c.notNull, c.hasDefault)));
        }
    }
}
