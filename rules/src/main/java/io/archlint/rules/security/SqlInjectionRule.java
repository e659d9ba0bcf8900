package io.archlint.rules.security;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import io.archlint.engine.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** See {@code sql-injection.md}. */
@RuleInfo(
        id = "sql-injection",
        title = "SQL is built from values instead of binding them",
        category = Category.SECURITY,
        severity = Severity.ERROR,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A value concatenated, formatted or interpolated into SQL can rewrite the query; the backend "
                + "article calls the backend the first line of defense against injection, and bind parameters are "
                + "that defense")
public final class SqlInjectionRule implements Rule {

    /**
     * Methods whose first argument (or every argument) is SQL text.
     *
     * @param label how the message names the sink's type
     */
    private record Sink(String label, List<String> owners, Set<String> methods, boolean everyArgument) {}

    private static final List<String> SPRING_JDBC = List.of(
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    private static final List<Sink> SINKS = List.of(
            new Sink("Statement", List.of("java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement"),
                    Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch"), false),
            new Sink("Connection", List.of("java.sql.Connection"),
                    Set.of("prepareStatement", "prepareCall", "nativeSQL"), false),
            new Sink("JdbcTemplate", SPRING_JDBC, Set.of("query", "queryForObject", "queryForList", "queryForMap",
                    "queryForRowSet", "queryForStream", "update", "execute"), false),
            new Sink("JdbcTemplate", SPRING_JDBC, Set.of("batchUpdate"), true),
            new Sink("JdbcClient", List.of("org.springframework.jdbc.core.simple.JdbcClient"), Set.of("sql"), false),
            new Sink("EntityManager", List.of("jakarta.persistence.EntityManager", "javax.persistence.EntityManager"),
                    Set.of("createQuery", "createNativeQuery"), false),
            new Sink("Session", List.of("org.hibernate.Session", "org.hibernate.StatelessSession",
                    "org.hibernate.SharedSessionContract", "org.hibernate.query.QueryProducer"),
                    Set.of("createQuery", "createNativeQuery", "createSQLQuery", "createSelectionQuery",
                            "createMutationQuery"), false),
            new Sink("DSLContext", List.of("org.jooq.DSLContext"), Set.of("fetch", "fetchOne", "fetchOptional",
                    "fetchSingle", "fetchValue", "fetchLazy", "fetchStream", "fetchMany", "fetchExists", "execute",
                    "query", "resultQuery"), false));

    /** jOOQ's static plain-SQL factories. */
    private static final String JOOQ_DSL = "org.jooq.impl.DSL";
    private static final Set<String> JOOQ_PLAIN_SQL = Set.of("condition", "field", "table", "sql", "query",
            "resultQuery");

    /** MyBatis statement annotations whose strings are SQL with {@code #{}} and {@code ${}} placeholders. */
    private static final List<String> MYBATIS_ANNOTATIONS = List.of(
            "org.apache.ibatis.annotations.Select", "org.apache.ibatis.annotations.Insert",
            "org.apache.ibatis.annotations.Update", "org.apache.ibatis.annotations.Delete");

    /** MyBatis Generator: {@code XExample.setOrderByClause}, substituted by its {@code selectByExample*} statements. */
    private static final String MBG_ORDER_BY_SETTER = "setOrderByClause";
    private static final Set<String> MBG_ORDER_BY = Set.of("orderByClause", "example.orderByClause");
    private static final String MBG_EXAMPLE_STATEMENT = "ByExample";
    private static final java.util.regex.Pattern MBG_COLUMN =
            java.util.regex.Pattern.compile("column\\.(aliasedEscapedColumnName|escapedColumnName|aliasedColumnName)");

    private static final String FIX = "pass values as bind parameters (`?` or `:name`) and map identifiers "
            + "through an allow-list";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        JavaTypes types = new JavaTypes(codebase.sources());
        for (SourceFile file : codebase.sources().files()) {
            SqlStrings strings = new SqlStrings(types, file);
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                sink(types, file, call).ifPresent(sink -> checkArguments(file, strings, call, sink, findings));
                if (isOrderByClause(call)) {
                    checkOrderByClause(file, strings, call, findings);
                }
            }
            checkMyBatisAnnotations(file, findings);
        }
        checkMapperXml(codebase, findings);
    }

    /** The sink a call is, when its receiver's declared type is one of the sinks' types. */
    private static Optional<Sink> sink(JavaTypes types, SourceFile file, MethodCallExpr call) {
        String method = call.getNameAsString();
        if (call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        if (JOOQ_PLAIN_SQL.contains(method) && isJooqDsl(types, file, call)) {
            return Optional.of(new Sink("DSL", List.of(JOOQ_DSL), Set.of(method), false));
        }
        if (call.getScope().isEmpty()) {
            return Optional.empty();
        }
        List<Sink> candidates = SINKS.stream().filter(s -> s.methods().contains(method)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Optional<JavaTypes.TypeName> receiver = types.typeOf(file, call.getScope().get());
        if (receiver.isEmpty()) {
            return Optional.empty(); // an unresolvable receiver is not a sink
        }
        for (Sink candidate : candidates) {
            for (String owner : candidate.owners()) {
                if (types.is(receiver.get(), owner)) {
                    String label = owner.substring(owner.lastIndexOf('.') + 1);
                    return Optional.of(new Sink(label, candidate.owners(), candidate.methods(), candidate.everyArgument()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code DSL.condition(..)}, or {@code condition(..)} statically imported from {@code DSL}. */
    private static boolean isJooqDsl(JavaTypes types, SourceFile file, MethodCallExpr call) {
        if (call.getScope().isPresent()) {
            return types.isTypeName(file, call.getScope().get(), JOOQ_DSL);
        }
        if (!types.ownMethods(call, call.getNameAsString(), call.getArguments().size()).isEmpty()) {
            return false;
        }
        for (ImportDeclaration imported : file.unit().getImports()) {
            String name = imported.getNameAsString();
            if (imported.isStatic() && (imported.isAsterisk() ? name.equals(JOOQ_DSL)
                    : name.equals(JOOQ_DSL + "." + call.getNameAsString()))) {
                return true;
            }
        }
        return false;
    }

    private static void checkArguments(SourceFile file, SqlStrings strings, MethodCallExpr call, Sink sink,
            FindingCollector findings) {
        List<Expression> sql = sink.everyArgument() ? call.getArguments() : List.of(call.getArgument(0));
        for (Expression argument : sql) {
            SqlStrings.Value value = strings.of(argument);
            if (value.kind() != SqlStrings.Kind.BUILT) {
                continue;
            }
            String parts = value.parts().stream().limit(4).map(p -> "`" + p + "`").collect(Collectors.joining(", "));
            findings.report(file, argument, symbol(file, call), "`" + sink.label() + "." + call.getNameAsString()
                    + "` runs SQL built with " + value.how() + " from " + parts + "; " + FIX);
        }
    }

    /**
     * {@code example.setOrderByClause(..)} of a MyBatis Generator {@code Example}: the generated
     * {@code selectByExample} statements substitute it with {@code ${orderByClause}}, so the risk is
     * where the clause is built, not in the generated XML.
     */
    private static boolean isOrderByClause(MethodCallExpr call) {
        // this.setOrderByClause(..) is the generated Example configuring itself (a plugin's orderBy(String...)).
        return call.getNameAsString().equals(MBG_ORDER_BY_SETTER) && call.getArguments().size() == 1
                && call.getScope().filter(scope -> !scope.isThisExpr()).isPresent();
    }

    private static void checkOrderByClause(SourceFile file, SqlStrings strings, MethodCallExpr call,
            FindingCollector findings) {
        Expression argument = call.getArgument(0);
        SqlStrings.Value value = strings.of(argument);
        if (value.kind() != SqlStrings.Kind.BUILT) {
            return;
        }
        String parts = value.parts().stream().limit(4).map(p -> "`" + p + "`").collect(Collectors.joining(", "));
        findings.report(file, argument, symbol(file, call), "`" + MBG_ORDER_BY_SETTER + "` builds the ORDER BY clause"
                + " with " + value.how() + " from " + parts + ", and MyBatis Generator's `selectByExample` substitutes"
                + " it into the SQL unescaped (`${orderByClause}`); map the sort column and direction through an"
                + " allow-list");
    }

    private static void checkMyBatisAnnotations(SourceFile file, FindingCollector findings) {
        for (AnnotationExpr annotation : file.findAll(AnnotationExpr.class)) {
            if (!file.refersToAny(annotation.getNameAsString(), MYBATIS_ANNOTATIONS)) {
                continue;
            }
            for (Expression text : annotation.findAll(Expression.class)) {
                String value = text instanceof StringLiteralExpr literal ? literal.getValue()
                        : text instanceof TextBlockLiteralExpr block ? block.getValue() : null;
                if (value == null || !value.contains("${")) {
                    continue;
                }
                String expression = interpolated(value);
                String method = annotation.getParentNode()
                        .filter(MethodDeclaration.class::isInstance)
                        .map(m -> ((MethodDeclaration) m).getNameAsString())
                        .orElse("");
                findings.report(file, text, symbol(file, annotation), "MyBatis `@" + annotation.getName().getIdentifier()
                        + "` on `" + method + "` substitutes `${" + expression + "}` into the SQL; bind it with `#{"
                        + expression + "}` and map identifiers through an allow-list");
            }
        }
    }

    private static String interpolated(String text) {
        int start = text.indexOf("${") + 2;
        int end = text.indexOf('}', start);
        String expression = end < 0 ? text.substring(start) : text.substring(start, end);
        expression = expression.strip();
        return expression.length() > 40 ? expression.substring(0, 37) + "..." : expression;
    }

    private static void checkMapperXml(Codebase codebase, FindingCollector findings) {
        Path resources = codebase.baseDir().resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return;
        }
        List<Path> xml;
        try (Stream<Path> walk = Files.walk(resources)) {
            xml = walk.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            codebase.skip(new Skipped(codebase.relativize(resources),
                    "could not be listed (" + e.getMessage() + "); MyBatis mapper XML was not checked"));
            return;
        }
        for (Path path : xml) {
            String relative = codebase.relativize(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                        .toString();
            } catch (CharacterCodingException e) {
                if (containsMapper(path)) {
                    codebase.skip(new Skipped(relative, "is not UTF-8; its MyBatis statements were not checked"));
                }
                continue;
            } catch (IOException e) {
                codebase.skip(new Skipped(relative, "could not be read (" + e.getMessage()
                        + "); its MyBatis statements were not checked"));
                continue;
            }
            if (!MyBatisMapperXml.looksLikeMapper(text)) {
                continue;
            }
            try {
                // MyBatis Generator's statements take the clause from setOrderByClause, checked in the Java code.
                MyBatisMapperXml.substitutions(text).ifPresent(found -> found.stream().filter(s -> !isGenerated(s))
                        .forEach(s -> findings.report(relative,
                        s.line(), s.column(), s.namespace().isEmpty() ? relative : s.namespace() + "#" + s.statement(),
                        "MyBatis statement `" + s.statement() + "` substitutes `${" + s.expression()
                                + "}` into the SQL; bind it with `#{" + s.expression()
                                + "}` and map identifiers through an allow-list",
                        s.statement() + " ${" + s.expression() + "}")));
            } catch (MyBatisMapperXml.Unreadable e) {
                codebase.skip(new Skipped(relative, e.getMessage() + "; its MyBatis statements were not checked"));
            }
        }
    }

    /**
     * What MyBatis Generator and its plugins substitute in the statements they generate: the order-by
     * clause of an {@code Example} ({@code ${orderByClause}}, {@code ${example.orderByClause}} in
     * {@code selectByExample}, {@code selectOneByExampleSelective}...), checked where the clause is
     * built, and the columns of a selective select, which are values of a generated column enum
     * ({@code ${column.aliasedEscapedColumnName}}).
     */
    private static boolean isGenerated(MyBatisMapperXml.Substitution substitution) {
        String expression = substitution.expression();
        return MBG_ORDER_BY.contains(expression) && substitution.statement().contains(MBG_EXAMPLE_STATEMENT)
                || MBG_COLUMN.matcher(expression).matches();
    }

    private static boolean containsMapper(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).contains("<mapper");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code com.acme.OrderDao#find} for a member, the type for anything else. */
    private static String symbol(SourceFile file, Node node) {
        String type = JavaTypes.enclosingType(node).map(t -> file.qualifiedName(t)).orElse(file.packageName());
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> callable) {
                return type + "#" + callable.getNameAsString();
            }
            if (n instanceof FieldDeclaration field) {
                return type + "#" + field.getVariable(0).getNameAsString();
            }
            if (n instanceof TypeDeclaration<?>) {
                break;
            }
        }
        return type;
    }
}
