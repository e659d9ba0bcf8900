package io.archlint.engine.migrations;

import io.archlint.engine.migrations.ChangeRecorder.ColumnDef;
import io.archlint.engine.migrations.ChangeRecorder.IndexDef;
import io.archlint.engine.migrations.SchemaChange.Kind;
import io.archlint.engine.migrations.SqlTokens.Token;
import io.archlint.engine.migrations.SqlTokens.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recognises the DDL statements the facet reports from their tokens, for the dialect forms
 * JSqlParser does not parse: {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}, {@code SET DATA TYPE},
 * identity options, {@code PARTITION BY}, {@code DROP TABLE a, b}, H2's {@code ALTER COLUMN x RENAME TO},
 * {@code sp_rename}, and so on. A statement it cannot follow is not understood: it returns empty
 * rather than guess.
 */
final class DdlRecognizer {

    /** What a statement does, applied only once the whole statement is understood. */
    interface Action extends Consumer<ChangeRecorder> {}

    /** Words that end a column's type and start its constraints. */
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY",
            "COMMENT", "COLLATE", "ON", "AFTER", "FIRST", "USING", "AS", "CHARSET", "VISIBLE", "INVISIBLE",
            "STORED", "VIRTUAL", "ENCODE", "COMPRESSION", "KEY", "SPARSE", "ROWGUIDCOL", "WITH", "FOR");

    private DdlRecognizer() {}

    /** Whether the statement is one of the DDL kinds the facet reports. */
    static boolean isRelevant(List<Token> tokens) {
        Cursor c = new Cursor(tokens);
        if (c.accept("CREATE")) {
            c.accept("OR", "REPLACE");
            c.skipWords("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE", "FULLTEXT", "SPATIAL",
                    "CLUSTERED", "NONCLUSTERED", "BITMAP");
            return c.peek("TABLE") || c.peek("INDEX");
        }
        if (c.accept("ALTER")) {
            c.skipWords("ONLINE", "IGNORE");
            return c.peek("TABLE");
        }
        if (c.accept("DROP")) {
            c.skipWords("TEMPORARY");
            return c.peek("TABLE") || c.peek("INDEX");
        }
        if (c.accept("RENAME")) {
            return c.peek("TABLE");
        }
        if (c.accept("EXEC") || c.accept("EXECUTE")) {
            return c.peekName() && Names.normalize(c.tokens.get(c.pos).text()).equals("sp_rename");
        }
        return false;
    }

    /** The statement's changes, or empty when it is not understood. */
    static Optional<List<Action>> recognize(List<Token> tokens) {
        try {
            Cursor c = new Cursor(tokens);
            List<Action> actions = new ArrayList<>();
            boolean ok;
            if (c.accept("CREATE")) {
                c.accept("OR", "REPLACE");
                c.skipWords("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED");
                ok = c.peek("TABLE") ? createTable(c, actions) : createIndex(c, actions);
            } else if (c.accept("ALTER")) {
                c.skipWords("ONLINE", "IGNORE");
                ok = alterTable(c, actions);
            } else if (c.accept("DROP")) {
                c.skipWords("TEMPORARY");
                ok = c.peek("TABLE") ? dropTable(c, actions) : dropIndex(c, actions);
            } else if (c.accept("RENAME")) {
                ok = renameTable(c, actions);
            } else if (c.accept("EXEC") || c.accept("EXECUTE")) {
                ok = spRename(c, actions);
            } else {
                ok = false;
            }
            return ok ? Optional.of(actions) : Optional.empty();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    // ---- CREATE TABLE ----

    private static boolean createTable(Cursor c, List<Action> actions) {
        c.expect("TABLE");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String table = c.name();
        if (c.accept("LIKE")) {
            String source = c.name();
            actions.add(r -> r.createTableLike(table, source));
            return true;
        }
        if (c.accept("PARTITION", "OF")) {
            String parent = c.name();
            actions.add(r -> r.createTableLike(table, parent));
            return true;
        }
        if (!c.peekSymbol("(")) {
            if (c.peek("AS") || c.peek("SELECT") || c.peek("WITH")) {
                actions.add(r -> r.createTableLike(table, null));
                return true;
            }
            return false;
        }
        List<List<Token>> elements = splitTopLevel(c.parenthesized());
        List<ColumnDef> columns = new ArrayList<>();
        List<IndexDef> constraints = new ArrayList<>();
        String like = null;
        for (List<Token> element : elements) {
            if (element.isEmpty()) {
                continue;
            }
            Cursor e = new Cursor(element);
            if (e.accept("LIKE")) {
                like = e.name();
                continue;
            }
            Optional<Optional<IndexDef>> constraint = tableConstraint(e);
            if (constraint.isPresent()) {
                constraint.get().ifPresent(constraints::add);
                continue;
            }
            ColumnDef column = columnDef(new Cursor(element));
            if (column == null) {
                return false;
            }
            columns.add(column);
        }
        String source = like;
        actions.add(r -> {
            if (source != null) {
                r.createTableLike(table, source);
            }
            r.createTable(table, columns, constraints, ifNotExists);
        });
        return true;
    }

    /**
     * A table constraint or index element: present-and-empty for one the facet does not keep
     * (CHECK, EXCLUDE), empty when the element is a column.
     */
    private static Optional<Optional<IndexDef>> tableConstraint(Cursor e) {
        String name = null;
        if (e.accept("CONSTRAINT")) {
            name = e.name();
        }
        if (e.accept("PRIMARY", "KEY")) {
            e.skipWords("CLUSTERED", "NONCLUSTERED");
            return Optional.of(Optional.of(new IndexDef(Kind.ADD_PRIMARY_KEY, name, indexColumns(e), true)));
        }
        if (e.accept("UNIQUE")) {
            if (!e.accept("KEY")) {
                e.accept("INDEX");
            }
            e.skipWords("CLUSTERED", "NONCLUSTERED");
            if (e.peekName() && !e.peek("USING")) {
                name = e.name();
            }
            return Optional.of(Optional.of(new IndexDef(Kind.ADD_UNIQUE, name, indexColumns(e), true)));
        }
        if (e.accept("FOREIGN", "KEY")) {
            if (e.peekName()) {
                e.name();
            }
            return Optional.of(Optional.of(new IndexDef(Kind.ADD_FOREIGN_KEY, name, indexColumns(e), false)));
        }
        if (name != null || e.peek("CHECK") || e.peek("EXCLUDE") || e.peek("PERIOD")) {
            return Optional.of(Optional.empty());
        }
        boolean special = e.accept("FULLTEXT") || e.accept("SPATIAL");
        if (special || ((e.peek("KEY") || e.peek("INDEX")) && isIndexElement(e))) {
            if (!e.accept("KEY")) {
                e.accept("INDEX");
            }
            String indexName = e.peekName() && !e.peek("USING") ? e.name() : null;
            return Optional.of(Optional.of(new IndexDef(Kind.CREATE_INDEX, indexName, indexColumns(e), false)));
        }
        return Optional.empty();
    }

    /** {@code KEY idx (a)} or {@code INDEX (a)}, not a column called {@code key}. */
    private static boolean isIndexElement(Cursor e) {
        Token next = e.at(1);
        if (next == null) {
            return false;
        }
        if (next.isSymbol("(")) {
            return true;
        }
        Token after = e.at(2);
        return next.isName() && after != null && (after.isSymbol("(") || after.is("USING"));
    }

    private static List<String> indexColumns(Cursor e) {
        e.skipUsing();
        List<String> columns = new ArrayList<>();
        for (List<Token> item : splitTopLevel(e.parenthesized())) {
            columns.add(indexColumn(item));
        }
        return columns;
    }

    /** {@code a}, {@code "a" DESC}, {@code email(10)} (a prefix) are columns; anything else an expression. */
    private static String indexColumn(List<Token> item) {
        if (!item.isEmpty() && item.get(0).isName()) {
            boolean prefix = item.size() >= 4 && item.get(1).isSymbol("(") && item.get(2).type() == Type.NUMBER
                    && item.get(3).isSymbol(")");
            boolean call = item.size() > 1 && item.get(1).isSymbol("(") && !prefix;
            boolean qualified = item.size() > 1 && item.get(1).isSymbol(".");
            if (!call && !qualified) {
                return Names.normalize(item.get(0).text());
            }
        }
        return SqlTokens.render(item).toLowerCase(Locale.ROOT);
    }

    /** {@code name type [constraints]}; null when it does not look like a column. */
    private static ColumnDef columnDef(Cursor c) {
        if (!c.peekName()) {
            return null;
        }
        String name = Names.normalize(c.next().text());
        List<Token> type = new ArrayList<>();
        int depth = 0;
        while (c.more()) {
            Token t = c.tokens.get(c.pos);
            if (depth == 0 && t.type() == Type.WORD && COLUMN_CONSTRAINT_WORDS.contains(t.upper())
                    && !type.isEmpty() && !(t.is("WITH") && isTimeZone(c))) {
                break;
            }
            if (depth == 0 && t.is("CHARACTER") && c.at(1) != null && c.at(1).is("SET") && !type.isEmpty()) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            type.add(c.next());
        }
        if (type.isEmpty()) {
            return null;
        }
        List<String> specs = new ArrayList<>();
        while (c.more()) {
            specs.add(c.next().text());
        }
        return columnDef(name, SqlTokens.render(type), specs);
    }

    /** {@code timestamp WITH TIME ZONE}: part of the type, not a constraint. */
    private static boolean isTimeZone(Cursor c) {
        Token next = c.at(1);
        Token after = c.at(2);
        return next != null && next.is("TIME") && after != null && after.is("ZONE")
                || next != null && next.is("LOCAL");
    }

    /** A column from its name, type and the words after the type (JSqlParser's column specs alike). */
    static ColumnDef columnDef(String name, String type, List<String> specs) {
        List<String> words = specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        boolean notNull = false;
        boolean hasDefault = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean references = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            switch (w) {
                case "NOT" -> notNull |= next.equals("NULL");
                case "DEFAULT", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "GENERATED" -> hasDefault = true;
                case "AS" -> hasDefault |= next.startsWith("(");
                case "PRIMARY" -> primaryKey |= next.equals("KEY");
                case "UNIQUE" -> unique = true;
                case "REFERENCES" -> references = true;
                default -> { }
            }
        }
        String lowerType = type.toLowerCase(Locale.ROOT).strip();
        if (lowerType.matches("(small|big)?serial[248]?")) {
            hasDefault = true;
        }
        return new ColumnDef(name, type.strip(), notNull || primaryKey, hasDefault, primaryKey, unique, references);
    }

    // ---- CREATE INDEX ----

    private static boolean createIndex(Cursor c, List<Action> actions) {
        boolean unique = c.accept("UNIQUE");
        c.skipWords("FULLTEXT", "SPATIAL", "CLUSTERED", "NONCLUSTERED", "BITMAP");
        c.expect("INDEX");
        c.accept("CONCURRENTLY");
        c.accept("IF", "NOT", "EXISTS");
        String name = c.peek("ON") ? null : c.name();
        c.expect("ON");
        c.accept("ONLY");
        String table = c.name();
        List<String> columns = indexColumns(c);
        actions.add(r -> r.index(table, new IndexDef(Kind.CREATE_INDEX, name, columns, unique)));
        return true;
    }

    // ---- ALTER TABLE ----

    private static boolean alterTable(Cursor c, List<Action> actions) {
        c.expect("TABLE");
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        String table = c.name();
        c.acceptSymbol("*");
        List<List<Token>> parts = splitTopLevel(c.rest());
        for (List<Token> part : parts) {
            if (!alterAction(table, new Cursor(part), actions)) {
                return false;
            }
        }
        return true;
    }

    private static boolean alterAction(String table, Cursor a, List<Action> actions) {
        if (a.accept("ADD")) {
            return addAction(table, a, actions);
        }
        if (a.accept("DROP")) {
            return dropAction(table, a, actions);
        }
        if (a.accept("RENAME")) {
            return renameAction(table, a, actions);
        }
        if (a.accept("ALTER")) {
            return alterColumn(table, a, actions);
        }
        if (a.accept("MODIFY")) {
            a.accept("COLUMN");
            if (a.peekSymbol("(")) {
                for (List<Token> item : splitTopLevel(a.parenthesized())) {
                    if (!restate(table, null, new Cursor(item), actions)) {
                        return false;
                    }
                }
                return true;
            }
            return restate(table, null, a, actions);
        }
        if (a.accept("CHANGE")) {
            a.accept("COLUMN");
            String old = a.name();
            return restate(table, old, a, actions);
        }
        // OWNER TO, SET (...), ENGINE=, ENABLE TRIGGER ...: nothing the facet reports.
        return true;
    }

    private static boolean addAction(String table, Cursor a, List<Action> actions) {
        if (a.peekSymbol("(")) {
            for (List<Token> item : splitTopLevel(a.parenthesized())) {
                ColumnDef column = columnDef(new Cursor(item));
                if (column == null) {
                    return false;
                }
                actions.add(r -> r.addColumn(table, column));
            }
            return true;
        }
        if (a.peek("CONSTRAINT") && a.at(2) != null && a.at(2).is("UNIQUE") && a.at(3) != null
                && a.at(3).is("USING")) {
            a.expect("CONSTRAINT");
            String name = a.name();
            a.expect("UNIQUE");
            a.expect("USING");
            a.expect("INDEX");
            String index = a.name();
            actions.add(r -> r.schema().indexes(table).stream().filter(i -> index.equals(i.name())).findFirst()
                    .ifPresent(i -> r.index(table, new IndexDef(Kind.ADD_UNIQUE, name, i.columns(), true))));
            return true;
        }
        if (!a.peek("COLUMN") && !a.peek("IF")) {
            Optional<Optional<IndexDef>> constraint = tableConstraint(a);
            if (constraint.isPresent()) {
                constraint.get().ifPresent(def -> actions.add(r -> r.index(table, def)));
                return true;
            }
            if (a.peek("PARTITION")) {
                return true;
            }
        }
        a.accept("COLUMN");
        a.accept("IF", "NOT", "EXISTS");
        ColumnDef column = columnDef(a);
        if (column == null) {
            return false;
        }
        actions.add(r -> r.addColumn(table, column));
        return true;
    }

    private static boolean dropAction(String table, Cursor a, List<Action> actions) {
        if (a.accept("CONSTRAINT")) {
            a.accept("IF", "EXISTS");
            String name = a.name();
            actions.add(r -> r.dropConstraint(table, name));
            return true;
        }
        if (a.accept("PRIMARY", "KEY")) {
            actions.add(r -> r.dropPrimaryKey(table));
            return true;
        }
        if (a.accept("INDEX") || a.accept("KEY")) {
            a.accept("IF", "EXISTS");
            String name = a.name();
            actions.add(r -> r.dropIndex(table, name));
            return true;
        }
        if (a.accept("FOREIGN", "KEY") || a.accept("CHECK")) {
            String name = a.name();
            actions.add(r -> r.dropConstraint(table, name));
            return true;
        }
        if (a.peek("PARTITION") || a.peek("DEFAULT") || a.peek("PERIOD") || a.peek("SYSTEM")) {
            return true;
        }
        if (a.peekSymbol("(")) {
            for (List<Token> item : splitTopLevel(a.parenthesized())) {
                String column = Names.normalize(item.get(0).text());
                actions.add(r -> r.dropColumn(table, column));
            }
            return true;
        }
        a.accept("COLUMN");
        a.accept("IF", "EXISTS");
        String column = a.name();
        actions.add(r -> r.dropColumn(table, column));
        return true;
    }

    private static boolean renameAction(String table, Cursor a, List<Action> actions) {
        if (a.accept("TO") || a.accept("AS")) {
            String newName = a.name();
            actions.add(r -> r.renameTable(table, newName));
            return true;
        }
        if (a.accept("INDEX") || a.accept("KEY")) {
            String name = a.name();
            a.expect("TO");
            String newName = a.name();
            actions.add(r -> r.renameIndex(table, name, newName));
            return true;
        }
        if (a.accept("CONSTRAINT")) {
            return true;
        }
        a.accept("COLUMN");
        String column = a.name();
        a.expect("TO");
        String newName = a.name();
        actions.add(r -> r.renameColumn(table, column, newName));
        return true;
    }

    private static boolean alterColumn(String table, Cursor a, List<Action> actions) {
        a.accept("COLUMN");
        a.accept("IF", "EXISTS");
        String column = a.name();
        if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
            String type = typeUntil(a, "USING", "COLLATE");
            actions.add(r -> r.changeType(table, column, type, true));
            return true;
        }
        if (a.accept("SET", "NOT", "NULL")) {
            actions.add(r -> r.setNotNull(table, column, true));
            return true;
        }
        if (a.accept("DROP", "NOT", "NULL")) {
            actions.add(r -> r.dropNotNull(table, column));
            return true;
        }
        if (a.accept("SET", "DEFAULT")) {
            actions.add(r -> r.setDefault(table, column, true));
            return true;
        }
        if (a.accept("DROP", "DEFAULT")) {
            actions.add(r -> r.setDefault(table, column, false));
            return true;
        }
        if (a.accept("RENAME", "TO")) {
            String newName = a.name();
            actions.add(r -> r.renameColumn(table, column, newName));
            return true;
        }
        if (a.peek("SET") || a.peek("DROP") || a.peek("RESET") || a.peek("ADD") || a.peek("RESTART")
                || a.peek("OPTIONS")) {
            return true;
        }
        if (!a.more()) {
            return false;
        }
        // SQL Server: ALTER COLUMN c <type> [NULL | NOT NULL] restates the column.
        List<Token> rest = new ArrayList<>();
        rest.add(new Token(Type.QUOTED, "\"" + column + "\""));
        rest.addAll(a.rest());
        return restate(table, column, new Cursor(rest), actions);
    }

    /** MODIFY / CHANGE / SQL Server ALTER COLUMN: the column written again, perhaps renamed. */
    private static boolean restate(String table, String oldName, Cursor a, List<Action> actions) {
        ColumnDef column = columnDef(a);
        if (column == null) {
            return false;
        }
        actions.add(r -> {
            String name = column.name();
            if (oldName != null && !oldName.equals(name)) {
                r.renameColumn(table, oldName, name);
            }
            r.changeType(table, name, column.type(), false);
            if (column.notNull()) {
                r.setNotNull(table, name, false);
            } else {
                r.dropNotNull(table, name);
            }
            r.setDefault(table, name, column.hasDefault());
        });
        return true;
    }

    private static String typeUntil(Cursor a, String... stops) {
        List<Token> type = new ArrayList<>();
        int depth = 0;
        while (a.more()) {
            Token t = a.tokens.get(a.pos);
            if (depth == 0 && t.type() == Type.WORD && Set.of(stops).contains(t.upper())) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            type.add(a.next());
        }
        if (type.isEmpty()) {
            throw new IllegalStateException("no type");
        }
        return SqlTokens.render(type);
    }

    // ---- DROP, RENAME ----

    private static boolean dropTable(Cursor c, List<Action> actions) {
        c.expect("TABLE");
        c.accept("IF", "EXISTS");
        do {
            String table = c.name();
            actions.add(r -> r.dropTable(table));
        } while (c.acceptSymbol(","));
        return true;
    }

    private static boolean dropIndex(Cursor c, List<Action> actions) {
        c.expect("INDEX");
        c.accept("CONCURRENTLY");
        c.accept("IF", "EXISTS");
        List<String> names = new ArrayList<>();
        do {
            names.add(c.name());
        } while (c.acceptSymbol(","));
        String table = c.accept("ON") ? c.name() : null;
        names.forEach(name -> actions.add(r -> r.dropIndex(table, name)));
        return true;
    }

    private static boolean renameTable(Cursor c, List<Action> actions) {
        c.expect("TABLE");
        do {
            String table = c.name();
            c.expect("TO");
            String newName = c.name();
            actions.add(r -> r.renameTable(table, newName));
        } while (c.acceptSymbol(","));
        return true;
    }

    /** SQL Server: {@code EXEC sp_rename 'dbo.orders.status', 'state', 'COLUMN'}. */
    private static boolean spRename(Cursor c, List<Action> actions) {
        c.name();
        List<String> args = new ArrayList<>();
        for (List<Token> arg : splitTopLevel(c.rest())) {
            Token value = arg.stream().filter(t -> t.type() == Type.STRING).findFirst().orElse(null);
            if (value == null) {
                return false;
            }
            args.add(value.text().substring(1, value.text().length() - 1).replace("''", "'"));
        }
        if (args.size() < 2) {
            return false;
        }
        String kind = args.size() > 2 ? args.get(2).toUpperCase(Locale.ROOT) : "OBJECT";
        String[] from = args.get(0).split("\\.");
        String newName = Names.normalize(args.get(1));
        if (kind.equals("COLUMN") && from.length >= 2) {
            String table = Names.normalize(from[from.length - 2]);
            String column = Names.normalize(from[from.length - 1]);
            actions.add(r -> r.renameColumn(table, column, newName));
            return true;
        }
        if (kind.equals("OBJECT")) {
            String table = Names.normalize(args.get(0));
            actions.add(r -> r.renameTable(table, newName));
            return true;
        }
        return true;
    }

    // ---- helpers ----

    /** Splits at commas outside parentheses. */
    static List<List<Token>> splitTopLevel(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && t.isSymbol(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** A position in a token list. */
    static final class Cursor {
        final List<Token> tokens;
        int pos;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean more() {
            return pos < tokens.size();
        }

        Token at(int offset) {
            int i = pos + offset;
            return i < tokens.size() ? tokens.get(i) : null;
        }

        Token next() {
            return tokens.get(pos++);
        }

        boolean peek(String word) {
            return more() && tokens.get(pos).is(word);
        }

        boolean peekName() {
            return more() && tokens.get(pos).isName();
        }

        boolean peekSymbol(String symbol) {
            return more() && tokens.get(pos).isSymbol(symbol);
        }

        /** Consumes the words if all of them come next, in order. */
        boolean accept(String... words) {
            for (int i = 0; i < words.length; i++) {
                Token t = at(i);
                if (t == null || !t.is(words[i])) {
                    return false;
                }
            }
            pos += words.length;
            return true;
        }

        boolean acceptSymbol(String symbol) {
            if (peekSymbol(symbol)) {
                pos++;
                return true;
            }
            return false;
        }

        void skipWords(String... words) {
            boolean skipped = true;
            while (skipped) {
                skipped = false;
                for (String w : words) {
                    if (accept(w)) {
                        skipped = true;
                    }
                }
            }
        }

        void skipUsing() {
            if (accept("USING")) {
                next();
            }
        }

        void expect(String word) {
            if (!accept(word)) {
                throw new IllegalStateException("expected " + word);
            }
        }

        /** A possibly qualified name, normalised. */
        String name() {
            if (!peekName()) {
                throw new IllegalStateException("expected a name");
            }
            String last = next().text();
            while (peekSymbol(".") && at(1) != null && at(1).isName()) {
                pos++;
                last = next().text();
            }
            return Names.normalize(last);
        }

        /** The tokens inside the parentheses that come next, consumed with them. */
        List<Token> parenthesized() {
            if (!acceptSymbol("(")) {
                throw new IllegalStateException("expected (");
            }
            List<Token> inside = new ArrayList<>();
            int depth = 1;
            while (true) {
                Token t = next();
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")") && --depth == 0) {
                    return inside;
                }
                inside.add(t);
            }
        }

        List<Token> rest() {
            List<Token> rest = new ArrayList<>(tokens.subList(pos, tokens.size()));
            pos = tokens.size();
            return rest;
        }
    }
}
