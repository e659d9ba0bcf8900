package io.archlint.rules.database;

import io.archlint.rules.database.QueryConditions.Comparison;
import io.archlint.rules.database.QueryConditions.Condition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the filter of a query written by hand: a JPQL or plain SQL {@code WHERE} clause over
 * one root, or a Mongo JSON query.
 *
 * <p>Deliberately small: anything it does not follow (subqueries, several roots, set
 * operations, unbalanced text) gives no result, and a condition it does not understand (a
 * function, arithmetic, two columns compared, a joined alias) becomes an unknown condition,
 * which keeps its branch from being reported.
 */
final class QueryTexts {

    /** A parsed JPQL or SQL statement: the root it selects from and its filter. */
    record Statement(String root, QueryConditions where) {}

    private enum Kind { IDENT, PARAM, STRING, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, OTHER }

    private record Token(Kind kind, String text) {
        boolean is(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }
    }

    /** Words that end the root clause: after them comes no alias. */
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "join", "left", "right", "inner", "outer", "cross",
            "full", "order", "group", "having", "set", "fetch", "limit", "offset", "for", "union", "natural", "on");

    /** Words that end the {@code WHERE} clause. */
    private static final Set<String> WHERE_END = Set.of("group", "order", "having", "limit", "offset", "fetch", "for",
            "returning", "window");

    private static final Set<String> SET_OPERATIONS = Set.of("union", "intersect", "except", "minus");

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "^=");

    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "||", "%");

    private QueryTexts() {}

    /** A JPQL (or HQL) statement's root entity name and filter. */
    static Optional<Statement> jpql(String text) {
        return statement(text, false);
    }

    /** A native SQL statement's root table and filter; statements with joins or several tables give none. */
    static Optional<Statement> sql(String text) {
        return statement(text, true);
    }

    private static Optional<Statement> statement(String text, boolean sql) {
        List<Token> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        int depth = 0;
        for (Token token : tokens) {
            depth += token.kind() == Kind.OPEN ? 1 : token.kind() == Kind.CLOSE ? -1 : 0;
            if (depth < 0 || token.is("select") && depth > 0 || token.kind() == Kind.IDENT
                    && SET_OPERATIONS.contains(token.text().toLowerCase(Locale.ROOT))) {
                return Optional.empty(); // subquery, set operation or unbalanced text
            }
        }
        if (depth != 0 || tokens.get(0).is("with") || tokens.get(0).is("insert")) {
            return Optional.empty();
        }
        int rootAt;
        if (tokens.get(0).is("update") || tokens.get(0).is("delete") && tokens.size() > 1 && !tokens.get(1).is("from")) {
            rootAt = 1; // update Order o set .., and HQL's delete Order o where ..
        } else {
            rootAt = -1;
            int level = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                level += token.kind() == Kind.OPEN ? 1 : token.kind() == Kind.CLOSE ? -1 : 0;
                if (level == 0 && token.is("from")) {
                    rootAt = i + 1;
                    break;
                }
            }
        }
        if (rootAt < 0 || rootAt >= tokens.size() || tokens.get(rootAt).kind() != Kind.IDENT) {
            return Optional.empty();
        }
        String root = tokens.get(rootAt).text();
        int i = rootAt + 1;
        if (i < tokens.size() && tokens.get(i).is("as")) {
            i++;
        }
        String alias = null;
        if (i < tokens.size() && tokens.get(i).kind() == Kind.IDENT
                && !CLAUSE_WORDS.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
            alias = tokens.get(i).text();
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Kind.COMMA) {
            return Optional.empty(); // several roots: a join written in the WHERE clause
        }
        Set<String> joined = new HashSet<>();
        int where = -1;
        for (int j = i; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.is("join")) {
                if (sql) {
                    return Optional.empty();
                }
                int k = j + 1;
                if (k < tokens.size() && tokens.get(k).is("fetch")) {
                    k++;
                }
                k++; // the joined path
                if (k < tokens.size() && tokens.get(k).is("as")) {
                    k++;
                }
                if (k < tokens.size() && tokens.get(k).kind() == Kind.IDENT) {
                    joined.add(tokens.get(k).text());
                }
            } else if (token.is("where")) {
                where = j;
                break;
            }
        }
        if (where < 0) {
            return Optional.of(new Statement(root, QueryConditions.none()));
        }
        int end = where + 1;
        int level = 0;
        for (; end < tokens.size(); end++) {
            Token token = tokens.get(end);
            level += token.kind() == Kind.OPEN ? 1 : token.kind() == Kind.CLOSE ? -1 : 0;
            if (level == 0 && endsWhere(tokens, end)) {
                break;
            }
        }
        Parser parser = new Parser(tokens.subList(where + 1, end), alias, joined, sql);
        try {
            QueryConditions conditions = parser.expression();
            if (!parser.atEnd()) {
                return Optional.empty();
            }
            return Optional.of(new Statement(root, conditions));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** {@code ORDER BY}, {@code GROUP BY}, {@code LIMIT}...: the end of the filter. */
    private static boolean endsWhere(List<Token> tokens, int at) {
        Token token = tokens.get(at);
        if (token.kind() != Kind.IDENT) {
            return false;
        }
        if (token.is("order") || token.is("group")) {
            return at + 1 < tokens.size() && tokens.get(at + 1).is("by");
        }
        return WHERE_END.contains(token.text().toLowerCase(Locale.ROOT));
    }

    /** Recursive descent over a {@code WHERE} clause, building its disjunctive normal form. */
    private static final class Parser {
        private final List<Token> tokens;
        private final String alias;
        private final Set<String> joined;
        private final boolean sql;
        private int at;

        Parser(List<Token> tokens, String alias, Set<String> joined, boolean sql) {
            this.tokens = tokens;
            this.alias = alias;
            this.joined = joined;
            this.sql = sql;
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        private Token peek() {
            return at < tokens.size() ? tokens.get(at) : new Token(Kind.OTHER, "");
        }

        private Token next() {
            if (atEnd()) {
                throw new IllegalStateException("unexpected end");
            }
            return tokens.get(at++);
        }

        QueryConditions expression() {
            QueryConditions result = term();
            while (peek().is("or")) {
                next();
                result = result.or(term());
            }
            return result;
        }

        private QueryConditions term() {
            QueryConditions result = factor();
            while (peek().is("and")) {
                next();
                result = result.and(factor());
            }
            return result;
        }

        private QueryConditions factor() {
            if (peek().is("not")) {
                next();
                factor();
                return QueryConditions.of(Condition.unknown());
            }
            if (peek().is("exists")) {
                next();
                operand();
                return QueryConditions.of(Condition.unknown());
            }
            if (peek().kind() == Kind.OPEN) {
                int start = at;
                next();
                QueryConditions inner = expression();
                if (next().kind() != Kind.CLOSE) {
                    throw new IllegalStateException("unbalanced");
                }
                if (!startsPredicate(peek()) && !ARITHMETIC.contains(peek().text())) {
                    return inner;
                }
                at = start; // (a + b) > c: a parenthesised operand, not a condition
            }
            return QueryConditions.of(atom());
        }

        private boolean startsPredicate(Token token) {
            return token.kind() == Kind.OPERATOR && COMPARISONS.contains(token.text())
                    || token.is("between") || token.is("in") || token.is("like") || token.is("ilike")
                    || token.is("is") || token.is("member");
        }

        private Condition atom() {
            Operand left = operand();
            boolean negated = false;
            if (peek().is("not")) {
                next();
                negated = true;
            }
            Token operator = next();
            Operand right;
            Comparison comparison;
            if (operator.is("between")) {
                operand();
                if (!next().is("and")) {
                    throw new IllegalStateException("between without and");
                }
                right = operand();
                comparison = negated ? Comparison.OTHER : Comparison.RANGE;
            } else if (operator.is("in")) {
                if (peek().kind() == Kind.OPEN) {
                    next();
                    skipBalanced(); // a list of values; subqueries were refused before parsing
                    right = new Operand(OperandKind.VALUE, "");
                } else {
                    right = operand();
                }
                comparison = negated ? Comparison.OTHER : Comparison.EQUAL;
            } else if (operator.is("like") || operator.is("ilike")) {
                right = operand();
                if (peek().is("escape")) {
                    next();
                    operand();
                }
                comparison = Comparison.OTHER;
            } else if (operator.is("is")) {
                if (peek().is("not")) {
                    next();
                }
                Token what = next();
                if (what.is("distinct")) {
                    next(); // is [not] distinct from x
                    operand();
                    return Condition.unknown();
                }
                return left.kind() == OperandKind.PATH ? new Condition(left.text(), Comparison.OTHER) : Condition.unknown();
            } else if (operator.is("member")) {
                if (peek().is("of")) {
                    next();
                }
                operand();
                return Condition.unknown();
            } else if (operator.kind() == Kind.OPERATOR && COMPARISONS.contains(operator.text()) && !negated) {
                right = operand();
                comparison = operator.text().equals("=") ? Comparison.EQUAL
                        : operator.text().equals("<>") || operator.text().equals("!=") || operator.text().equals("^=")
                                ? Comparison.OTHER : Comparison.RANGE;
            } else {
                throw new IllegalStateException("not a predicate: " + operator.text());
            }
            Operand path = left.kind() == OperandKind.PATH ? left : right.kind() == OperandKind.PATH ? right : null;
            Operand value = path == left ? right : left;
            if (path == null || value.kind() == OperandKind.PATH || value.kind() == OperandKind.COMPLEX) {
                return Condition.unknown();
            }
            if (value.kind() == OperandKind.BOOLEAN && comparison == Comparison.EQUAL) {
                comparison = Comparison.FLAG;
            }
            return new Condition(path.text(), comparison);
        }

        private enum OperandKind { PATH, VALUE, BOOLEAN, COMPLEX }

        private record Operand(OperandKind kind, String text) {}

        private Operand operand() {
            Operand primary = primary();
            while (peek().kind() == Kind.OPERATOR && ARITHMETIC.contains(peek().text())) {
                next();
                primary();
                primary = new Operand(OperandKind.COMPLEX, "");
            }
            return primary;
        }

        private Operand primary() {
            Token token = next();
            switch (token.kind()) {
                case PARAM, STRING, NUMBER:
                    return new Operand(OperandKind.VALUE, token.text());
                case OPEN:
                    skipBalanced();
                    return new Operand(OperandKind.COMPLEX, "");
                case OPERATOR:
                    if (token.text().equals("-") || token.text().equals("+")) {
                        return primary(); // a signed number
                    }
                    throw new IllegalStateException("operator where an operand belongs");
                case IDENT:
                    break;
                default:
                    throw new IllegalStateException("not an operand: " + token.text());
            }
            if (peek().kind() == Kind.OPEN) {
                next();
                skipBalanced();
                return new Operand(OperandKind.COMPLEX, ""); // a function call
            }
            String text = token.text();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Operand(OperandKind.BOOLEAN, lower);
            }
            if (lower.equals("null") || lower.startsWith("current_") || lower.startsWith("local")) {
                return new Operand(OperandKind.VALUE, text);
            }
            if (lower.equals("case") || lower.equals("cast") || lower.equals("treat") || lower.equals("type")) {
                throw new IllegalStateException("expression the rule does not follow");
            }
            int dot = text.indexOf('.');
            String head = dot < 0 ? text : text.substring(0, dot);
            if (alias != null && head.equals(alias)) {
                return dot < 0 ? new Operand(OperandKind.COMPLEX, "") : new Operand(OperandKind.PATH, text.substring(dot + 1));
            }
            if (joined.contains(head)) {
                return new Operand(OperandKind.COMPLEX, "");
            }
            if (dot >= 0) {
                // Com.acme.Status.NEW or Status.NEW: an enum constant or static field in JPQL;
                // in SQL a column of another table.
                return new Operand(sql ? OperandKind.COMPLEX : OperandKind.VALUE, text);
            }
            return alias == null || sql ? new Operand(OperandKind.PATH, text) : new Operand(OperandKind.COMPLEX, "");
        }

        /** Skips to the parenthesis that closes the one just read. */
        private void skipBalanced() {
            int level = 1;
            while (level > 0) {
                Token token = next();
                level += token.kind() == Kind.OPEN ? 1 : token.kind() == Kind.CLOSE ? -1 : 0;
            }
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= n) {
                        return null;
                    }
                    if (text.charAt(end) == '\'') {
                        if (end + 1 < n && text.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                tokens.add(new Token(Kind.STRING, text.substring(i, end + 1)));
                i = end + 1;
            } else if ((c == ':' || c == '?') && i + 1 < n && text.charAt(i + 1) == '#') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                tokens.add(new Token(Kind.PARAM, text.substring(i, close + 1)));
                i = close + 1;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.PARAM, text.substring(i, end)));
                i = end;
            } else if (c == '?') {
                int end = i + 1;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.PARAM, text.substring(i, end)));
                i = end;
            } else if (Character.isJavaIdentifierStart(c) || c == '"' || c == '`') {
                int end = i;
                while (end < n) {
                    char d = text.charAt(end);
                    if (d == '"' || d == '`') {
                        int close = text.indexOf(d, end + 1);
                        if (close < 0) {
                            return null;
                        }
                        end = close + 1;
                    } else if (Character.isJavaIdentifierPart(d) || d == '.' && end + 1 < n
                            && (Character.isJavaIdentifierStart(text.charAt(end + 1)) || text.charAt(end + 1) == '"')) {
                        end++;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(Kind.IDENT, text.substring(i, end).replace("\"", "").replace("`", "")));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end)));
                i = end;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ","));
                i++;
            } else {
                String two = i + 1 < n ? text.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("||")
                        || two.equals("^=")) {
                    tokens.add(new Token(Kind.OPERATOR, two));
                    i += 2;
                } else if ("=<>+-*/%".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                    i++;
                } else {
                    tokens.add(new Token(Kind.OTHER, two.equals("::") ? two : String.valueOf(c)));
                    i += two.equals("::") ? 2 : 1;
                }
            }
        }
        return tokens;
    }

    /**
     * A Mongo JSON query's conditions ({@code { 'email' : ?0, 'total' : { $gt : ?1 } }}): one
     * AND-branch; top-level operators such as {@code $or} or {@code $where} make it unknown.
     */
    static Optional<QueryConditions> mongo(String json) {
        String text = json.strip();
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return Optional.empty();
        }
        List<String> members = splitTopLevel(text.substring(1, text.length() - 1));
        if (members == null) {
            return Optional.empty();
        }
        List<Condition> conditions = new ArrayList<>();
        for (String member : members) {
            if (member.isBlank()) {
                continue;
            }
            int colon = topLevelColon(member);
            if (colon < 0) {
                return Optional.empty();
            }
            String key = unquote(member.substring(0, colon).strip());
            String value = member.substring(colon + 1).strip();
            if (key.isEmpty() || key.startsWith("$") || key.startsWith("?") || key.startsWith(":")) {
                conditions.add(Condition.unknown());
                continue;
            }
            conditions.add(new Condition(key, mongoComparison(value)));
        }
        return Optional.of(conditions.isEmpty() ? QueryConditions.none() : new QueryConditions(List.of(conditions)));
    }

    private static Comparison mongoComparison(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Comparison.FLAG;
        }
        if (value.startsWith("/")) {
            return Comparison.OTHER;
        }
        if (!value.startsWith("{")) {
            return Comparison.EQUAL;
        }
        List<String> inner = splitTopLevel(value.substring(1, Math.max(1, value.length() - 1)));
        if (inner == null || inner.isEmpty()) {
            return Comparison.OTHER;
        }
        Comparison result = null;
        for (String member : inner) {
            int colon = topLevelColon(member);
            String operator = colon < 0 ? "" : unquote(member.substring(0, colon).strip());
            Comparison comparison = switch (operator) {
                case "$eq", "$in", "$all" -> Comparison.EQUAL;
                case "$gt", "$gte", "$lt", "$lte" -> Comparison.RANGE;
                default -> Comparison.OTHER;
            };
            if (comparison == Comparison.OTHER) {
                return Comparison.OTHER;
            }
            result = result == null || comparison == Comparison.EQUAL ? comparison : result;
        }
        return result;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0 || quote != 0) {
            return null;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int topLevelColon(String member) {
        char quote = 0;
        for (int i = 0; i < member.length(); i++) {
            char c = member.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ':') {
                return i;
            } else if (c == '{' || c == '[') {
                return -1;
            }
        }
        return -1;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("'") && key.endsWith("'") || key.startsWith("\"") && key.endsWith("\""))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}
