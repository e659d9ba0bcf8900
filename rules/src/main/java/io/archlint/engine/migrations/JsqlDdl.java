package io.archlint.engine.migrations;

import io.archlint.engine.migrations.ChangeRecorder.ColumnDef;
import io.archlint.engine.migrations.ChangeRecorder.IndexDef;
import io.archlint.engine.migrations.DdlRecognizer.Action;
import io.archlint.engine.migrations.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ExcludeConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.schema.Table;

/**
 * Reads what a statement parsed by JSqlParser does. JSqlParser models some forms loosely
 * ({@code ALTER COLUMN x SET NOT NULL} comes back as a column of type {@code SET}, an expression
 * index column as the function's name): where its model loses information, this returns empty and
 * the token recogniser decides.
 */
final class JsqlDdl {

    private JsqlDdl() {}

    static Optional<List<Action>> read(Statement statement) {
        List<Action> actions = new ArrayList<>();
        boolean ok;
        if (statement instanceof CreateTable create) {
            ok = createTable(create, actions);
        } else if (statement instanceof Alter alter) {
            ok = alter(alter, actions);
        } else if (statement instanceof CreateIndex create) {
            ok = createIndex(create, actions);
        } else if (statement instanceof Drop drop) {
            ok = drop(drop, actions);
        } else if (statement instanceof RenameTableStatement rename) {
            for (Map.Entry<Table, Table> entry : rename.getTableNames()) {
                String table = name(entry.getKey());
                String newName = name(entry.getValue());
                actions.add(r -> r.renameTable(table, newName));
            }
            ok = true;
        } else {
            ok = false;
        }
        return ok ? Optional.of(actions) : Optional.empty();
    }

    private static String name(Table table) {
        return Names.normalize(table.getName());
    }

    private static boolean createTable(CreateTable create, List<Action> actions) {
        String table = name(create.getTable());
        if (create.getSelect() != null) {
            actions.add(r -> r.createTableLike(table, null));
            return true;
        }
        if (create.getLikeTable() != null) {
            String source = name(create.getLikeTable());
            actions.add(r -> r.createTableLike(table, source));
            return true;
        }
        if (create.getColumnDefinitions() == null) {
            return false;
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            columns.add(column(definition));
        }
        List<IndexDef> constraints = new ArrayList<>();
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                Optional<Optional<IndexDef>> def = indexDef(index);
                if (def.isEmpty()) {
                    return false;
                }
                def.get().ifPresent(constraints::add);
            }
        }
        boolean ifNotExists = create.isIfNotExists();
        actions.add(r -> r.createTable(table, columns, constraints, ifNotExists));
        return true;
    }

    private static ColumnDef column(ColumnDefinition definition) {
        List<String> specs = definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
        return DdlRecognizer.columnDef(Names.normalize(definition.getColumnName()),
                definition.getColDataType() == null ? ""
                        : SqlTokens.render(SqlTokens.of(definition.getColDataType().toString())), specs);
    }

    /** Present-and-empty for constraints the facet does not keep; empty when not understood. */
    private static Optional<Optional<IndexDef>> indexDef(Index index) {
        if (index instanceof CheckConstraint || index instanceof ExcludeConstraint) {
            return Optional.of(Optional.empty());
        }
        Optional<List<String>> columns = columns(index);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String name = index.getName() == null ? null : Names.normalize(index.getName());
        if (index instanceof ForeignKeyIndex) {
            return Optional.of(Optional.of(new IndexDef(Kind.ADD_FOREIGN_KEY, name, columns.get(), false)));
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT).strip();
        Kind kind = switch (type) {
            case "PRIMARY KEY" -> Kind.ADD_PRIMARY_KEY;
            case "UNIQUE", "UNIQUE KEY", "UNIQUE INDEX" -> Kind.ADD_UNIQUE;
            case "KEY", "INDEX", "FULLTEXT", "FULLTEXT KEY", "FULLTEXT INDEX", "SPATIAL", "SPATIAL KEY",
                    "SPATIAL INDEX", "" -> Kind.CREATE_INDEX;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new IndexDef(kind, name, columns.get(), kind != Kind.CREATE_INDEX)));
    }

    /** Plain column names only; a function or expression goes to the recogniser. */
    private static Optional<List<String>> columns(Index index) {
        if (index.getColumns() == null || index.getColumns().isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Index.ColumnParams column : index.getColumns()) {
            String name = column.getColumnName();
            boolean plainParams = column.getParams() == null || column.getParams().stream()
                    .allMatch(p -> p.matches("(?i)ASC|DESC|NULLS|FIRST|LAST"));
            if (name == null || !name.matches("[\\w$]+|\"[^\"]+\"|`[^`]+`|\\[[^]]+]") || !plainParams) {
                return Optional.empty();
            }
            names.add(Names.normalize(name));
        }
        return Optional.of(names);
    }

    private static boolean createIndex(CreateIndex create, List<Action> actions) {
        if (create.getTable() == null || create.getIndex() == null) {
            return false;
        }
        Optional<List<String>> columns = columns(create.getIndex());
        if (columns.isEmpty()) {
            return false;
        }
        String table = name(create.getTable());
        String name = create.getIndex().getName() == null ? null : Names.normalize(create.getIndex().getName());
        boolean unique = create.getIndex().getType() != null
                && create.getIndex().getType().toUpperCase(Locale.ROOT).contains("UNIQUE");
        List<String> cols = columns.get();
        actions.add(r -> r.index(table, new IndexDef(Kind.CREATE_INDEX, name, cols, unique)));
        return true;
    }

    private static boolean drop(Drop drop, List<Action> actions) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        String name = name(drop.getName());
        if (type.equals("TABLE")) {
            actions.add(r -> r.dropTable(name));
            return true;
        }
        if (type.equals("INDEX")) {
            List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
            int on = params.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList().indexOf("ON");
            String table = on >= 0 && on + 1 < params.size() ? Names.normalize(params.get(on + 1)) : null;
            actions.add(r -> r.dropIndex(table, name));
            return true;
        }
        return false;
    }

    private static boolean alter(Alter alter, List<Action> actions) {
        if (alter.getTable() == null || alter.getAlterExpressions() == null) {
            return false;
        }
        String table = name(alter.getTable());
        for (AlterExpression expression : alter.getAlterExpressions()) {
            if (!alterExpression(table, expression, actions)) {
                return false;
            }
        }
        return true;
    }

    private static boolean alterExpression(String table, AlterExpression e, List<Action> actions) {
        if (e.getOperation() == null) {
            return false;
        }
        List<AlterExpression.ColumnDataType> types = e.getColDataTypeList();
        switch (e.getOperation()) {
            case ADD -> {
                if (types != null) {
                    for (AlterExpression.ColumnDataType type : types) {
                        ColumnDef column = column(type);
                        actions.add(r -> r.addColumn(table, column));
                    }
                    return true;
                }
                if (e.getPkColumns() != null) {
                    List<String> columns = e.getPkColumns().stream().map(Names::normalize).toList();
                    actions.add(r -> r.index(table, new IndexDef(Kind.ADD_PRIMARY_KEY, null, columns, true)));
                    return true;
                }
                if (e.getUkColumns() != null) {
                    List<String> columns = e.getUkColumns().stream().map(Names::normalize).toList();
                    String name = e.getUkName() == null ? null : Names.normalize(e.getUkName());
                    actions.add(r -> r.index(table, new IndexDef(Kind.ADD_UNIQUE, name, columns, true)));
                    return true;
                }
                if (e.getFkColumns() != null) {
                    List<String> columns = e.getFkColumns().stream().map(Names::normalize).toList();
                    actions.add(r -> r.index(table, new IndexDef(Kind.ADD_FOREIGN_KEY, null, columns, false)));
                    return true;
                }
                if (e.getIndex() != null) {
                    Optional<Optional<IndexDef>> def = indexDef(e.getIndex());
                    if (def.isEmpty()) {
                        return false;
                    }
                    def.get().ifPresent(d -> actions.add(r -> r.index(table, d)));
                    return true;
                }
                return false;
            }
            case DROP -> {
                if (e.getColumnName() != null) {
                    String column = Names.normalize(e.getColumnName());
                    actions.add(r -> r.dropColumn(table, column));
                    return true;
                }
                if (e.getConstraintName() != null) {
                    String name = Names.normalize(e.getConstraintName());
                    actions.add(r -> r.dropConstraint(table, name));
                    return true;
                }
                if (e.getIndex() != null && e.getIndex().getName() != null) {
                    String name = Names.normalize(e.getIndex().getName());
                    actions.add(r -> r.dropIndex(table, name));
                    return true;
                }
                return false;
            }
            case DROP_PRIMARY_KEY -> {
                actions.add(r -> r.dropPrimaryKey(table));
                return true;
            }
            case RENAME -> {
                if (e.getColumnOldName() == null || e.getColumnName() == null) {
                    return false;
                }
                String column = Names.normalize(e.getColumnOldName());
                String newName = Names.normalize(e.getColumnName());
                actions.add(r -> r.renameColumn(table, column, newName));
                return true;
            }
            case RENAME_TABLE -> {
                if (e.getNewTableName() == null) {
                    return false;
                }
                String newName = Names.normalize(e.getNewTableName());
                actions.add(r -> r.renameTable(table, newName));
                return true;
            }
            case ALTER -> {
                // SET NOT NULL, DROP NOT NULL and TYPE come back loosely; the recogniser reads them exactly.
                return false;
            }
            case MODIFY, CHANGE -> {
                if (types == null || types.size() != 1 && e.getOperation() == net.sf.jsqlparser.statement.alter
                        .AlterOperation.CHANGE) {
                    return false;
                }
                String oldName = e.getColumnOldName() == null ? null : Names.normalize(e.getColumnOldName());
                for (AlterExpression.ColumnDataType type : types) {
                    ColumnDef column = column(type);
                    actions.add(r -> {
                        if (oldName != null && !oldName.equals(column.name())) {
                            r.renameColumn(table, oldName, column.name());
                        }
                        r.changeType(table, column.name(), column.type(), false);
                        if (column.notNull()) {
                            r.setNotNull(table, column.name(), false);
                        } else {
                            r.dropNotNull(table, column.name());
                        }
                        r.setDefault(table, column.name(), column.hasDefault());
                    });
                }
                return true;
            }
            case DROP_UNIQUE, DROP_FOREIGN_KEY, RENAME_INDEX, RENAME_KEY -> {
                return false;
            }
            default -> {
                // COMMENT, ENGINE, partitions, table options: nothing the facet reports.
                return true;
            }
        }
    }
}
