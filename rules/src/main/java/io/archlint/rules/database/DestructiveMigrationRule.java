package io.archlint.rules.database;

import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.migrations.Migration;
import io.archlint.engine.migrations.MigrationsFacet;
import io.archlint.engine.migrations.SchemaChange;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@code destructive-migration.md}. */
@RuleInfo(
        id = "destructive-migration",
        title = "Schema migration breaks the application version that is still running",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = Facet.MIGRATIONS,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "During a rolling or blue-green deployment the old version runs against the migrated schema; "
                + "the backend challenges article names schema migration among the problems of production "
                + "and asks for backward-compatible migrations and blue-green deployments to minimise downtime")
public final class DestructiveMigrationRule implements Rule {

    /** {@code varchar(20)}, {@code character varying(20)}, {@code numeric(10,2)}: a sized type. */
    private static final Pattern SIZED = Pattern.compile("(varchar|varchar2|nvarchar|character varying|numeric|decimal)"
            + "\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private static final String EXPAND_CONTRACT = "add the new column, backfill it and write both, switch readers "
            + "to it, and drop the old one in a later release";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        MigrationsFacet facet = codebase.migrations();
        List<Migration> migrations = facet.migrations();
        Set<Migration> initial = initialSchema(migrations);
        for (Migration migration : migrations) {
            if (initial.contains(migration)) {
                continue;
            }
            // Tables and columns this migration creates: nothing running uses them yet.
            Set<String> createdTables = new HashSet<>();
            Set<String> addedColumns = new HashSet<>();
            for (SchemaChange change : migration.changes()) {
                String column = change.column();
                boolean newTable = createdTables.contains(change.table());
                boolean newColumn = column != null && addedColumns.contains(change.table() + "." + column);
                switch (change.kind()) {
                    case CREATE_TABLE -> createdTables.add(change.table());
                    case ADD_COLUMN -> {
                        addedColumns.add(change.table() + "." + column);
                        if (!newTable && change.notNull() && !change.hasDefault()) {
                            report(findings, change, column, "`ADD COLUMN` `" + qualified(change) + "` NOT NULL without "
                                    + "a DEFAULT in `" + fileName(change) + "` makes the running version's inserts "
                                    + "fail; add it nullable or with a DEFAULT, backfill it, and set NOT NULL in a "
                                    + "later release");
                        }
                    }
                    case DROP_TABLE -> {
                        if (!newTable) {
                            report(findings, change, null, "`DROP TABLE` of `" + change.table() + "` in `"
                                    + fileName(change) + "` breaks the version still running during the deployment; "
                                    + "expand and contract: stop using the table in one release and drop it in a "
                                    + "later one");
                        }
                        createdTables.remove(change.table());
                    }
                    case DROP_COLUMN -> {
                        if (!newTable && !newColumn) {
                            report(findings, change, column, "`DROP COLUMN` of `" + qualified(change) + "` in `"
                                    + fileName(change) + "` breaks the version still running during the deployment; "
                                    + "expand and contract: stop reading and writing the column in one release and "
                                    + "drop it in a later one");
                        }
                    }
                    case RENAME_TABLE -> {
                        if (newTable) {
                            createdTables.add(change.newName());
                        } else {
                            report(findings, change, null, "`RENAME TO` of table `" + change.table() + "` to `"
                                    + change.newName() + "` in `" + fileName(change) + "` breaks the version still "
                                    + "running during the deployment; expand and contract: create the new table (or "
                                    + "a view under the old name), copy and write both, switch readers to it, and "
                                    + "drop the old one in a later release");
                        }
                    }
                    case RENAME_COLUMN -> {
                        if (newColumn) {
                            addedColumns.add(change.table() + "." + change.newName());
                        } else if (!newTable) {
                            report(findings, change, column, "`RENAME COLUMN` of `" + qualified(change) + "` to `"
                                    + change.newName() + "` in `" + fileName(change) + "` breaks the version still "
                                    + "running during the deployment; expand and contract: " + EXPAND_CONTRACT);
                        }
                    }
                    case ALTER_COLUMN_TYPE -> {
                        if (!newTable && !newColumn && !widens(facet.typeBefore(change), change.columnType())) {
                            report(findings, change, column, "column type change of `" + qualified(change) + "` to `"
                                    + change.columnType() + "` in `" + fileName(change) + "` breaks the version still "
                                    + "running during the deployment; expand and contract: " + EXPAND_CONTRACT);
                        }
                    }
                    case SET_NOT_NULL -> {
                        if (!newTable && !change.hasDefault()) {
                            report(findings, change, column, "`SET NOT NULL` on `" + qualified(change) + "` without a "
                                    + "DEFAULT in `" + fileName(change) + "` makes the running version's inserts "
                                    + "that leave it empty fail; give the column a DEFAULT, or set NOT NULL in a "
                                    + "later release once every writer fills it");
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    /**
     * The migrations that build the first schema, which no running version depends on yet: Flyway's
     * first versioned script; Liquibase's first changelog file when the changelog spans several
     * files, else its first changeSet.
     */
    private static Set<Migration> initialSchema(List<Migration> migrations) {
        Set<Migration> initial = new HashSet<>();
        migrations.stream().filter(m -> m.tool() == Migration.Tool.FLYWAY && m.version() != null).findFirst()
                .ifPresent(initial::add);
        List<Migration> liquibase = migrations.stream().filter(m -> m.tool() == Migration.Tool.LIQUIBASE).toList();
        if (!liquibase.isEmpty()) {
            String firstFile = liquibase.get(0).file();
            boolean severalFiles = liquibase.stream().anyMatch(m -> !m.file().equals(firstFile));
            if (severalFiles) {
                liquibase.stream().filter(m -> m.file().equals(firstFile)).forEach(initial::add);
            } else {
                initial.add(liquibase.get(0));
            }
        }
        return initial;
    }

    /** Widening a text or decimal column keeps every value the running version writes or reads valid. */
    private static boolean widens(Optional<String> before, String after) {
        if (before.isEmpty() || after == null) {
            return false;
        }
        String from = before.get().toLowerCase(Locale.ROOT).strip();
        String to = after.toLowerCase(Locale.ROOT).strip();
        Matcher old = SIZED.matcher(from);
        if (!old.matches()) {
            return false;
        }
        boolean text = !old.group(1).equals("numeric") && !old.group(1).equals("decimal");
        if (text && to.equals("text")) {
            return true;
        }
        Matcher wider = SIZED.matcher(to);
        if (!wider.matches() || text != !(wider.group(1).equals("numeric") || wider.group(1).equals("decimal"))) {
            return false;
        }
        boolean longer = Long.parseLong(wider.group(2)) >= Long.parseLong(old.group(2));
        return longer && java.util.Objects.equals(old.group(3), wider.group(3));
    }

    private static String qualified(SchemaChange change) {
        return change.table() + "." + change.column();
    }

    private static String fileName(SchemaChange change) {
        int slash = change.file().lastIndexOf('/');
        return change.file().substring(slash + 1);
    }

    private static void report(FindingCollector findings, SchemaChange change, String column, String message) {
        String symbol = column == null ? change.table() : change.table() + "." + column;
        findings.report(change.file(), change.line(), 1, symbol, message,
                change.kind() + " " + symbol + " " + change.statement());
    }
}
