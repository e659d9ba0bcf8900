package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code swallowed-exception.md}. */
@RuleInfo(
        id = "swallowed-exception",
        title = "Exception caught and silently dropped",
        category = Category.ERRORS,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A catch block that is empty or only returns a default hides the failure from logs, metrics and "
                + "callers: the inadequate error handling and logging of mistake #5 of the backend article, which "
                + "leads to longer resolution times and reduced observability")
public final class SwallowedExceptionRule implements Rule {

    /** Catch parameter names that declare the exception deliberately ignored (IntelliJ's and PMD's convention). */
    private static final Set<String> INTENTIONAL_NAMES = Set.of("ignored", "ignore", "expected", "_");

    /** Exceptions that are the answer of a parse: falling back to a default is the point of catching them. */
    private static final Set<String> PARSE_FAILURES = Set.of("NumberFormatException", "DateTimeParseException");

    /** Exceptions that are a parse answer only when the try block parses ({@code valueOf}, {@code fromString}). */
    private static final Set<String> PARSE_FAILURES_WHEN_PARSING = Set.of("IllegalArgumentException", "ParseException",
            "DateTimeException", "URISyntaxException", "MalformedURLException");

    /** Calls that parse or convert a value. */
    private static final Pattern PARSE_CALL = Pattern.compile("parse\\w*|valueOf|fromString|decode");

    /** Clean-up calls whose failure there is nothing left to do about ("close quietly"). */
    private static final Set<String> CLEAN_UP_CALLS = Set.of("close", "closeQuietly", "shutdown", "shutdownNow",
            "disconnect", "release", "destroy", "abort");

    /** Factories of empty values: {@code Optional.empty()}, {@code Collections.emptyList()}, {@code List.of()}. */
    private static final Set<String> EMPTY_OWNERS = Set.of("Optional", "OptionalInt", "OptionalLong", "OptionalDouble",
            "Collections", "List", "Set", "Map", "Stream", "IntStream", "LongStream", "Mono", "Flux",
            "ImmutableList", "ImmutableSet", "ImmutableMap");

    /** Constants that hold an empty or zero value. */
    private static final Set<String> EMPTY_CONSTANTS = Set.of("ZERO", "EMPTY", "EMPTY_LIST", "EMPTY_SET", "EMPTY_MAP");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            for (CatchClause clause : file.findAll(CatchClause.class)) {
                check(file, clause, findings);
            }
        }
    }

    private static void check(SourceFile file, CatchClause clause, FindingCollector findings) {
        if (INTENTIONAL_NAMES.contains(clause.getParameter().getNameAsString())) {
            return;
        }
        List<Statement> statements = clause.getBody().getStatements().stream()
                .filter(s -> !(s instanceof EmptyStmt))
                .toList();
        Optional<ReturnStmt> fallback = statements.size() == 1 && statements.get(0) instanceof ReturnStmt ret
                && ret.getExpression().map(SwallowedExceptionRule::isDefaultValue).orElse(true)
                ? Optional.of(ret) : Optional.empty();
        if (!statements.isEmpty() && fallback.isEmpty()) {
            return;
        }
        List<String> caught = caughtTypes(clause);
        TryStmt tryStmt = (TryStmt) clause.getParentNode().orElseThrow();
        if (isParseFallback(caught, tryStmt) || isQuietCleanUp(tryStmt) || isProbe(fallback, tryStmt)) {
            return;
        }
        String where = "`" + ErrorsSource.shortSymbol(clause) + "`";
        String type = "`" + String.join(" | ", caughtTypes(clause)) + "`";
        String message;
        if (caught.contains("InterruptedException")) {
            message = where + " swallows " + type + "; restore the interrupt flag with "
                    + "`Thread.currentThread().interrupt()` or rethrow it";
        } else if (fallback.isPresent()) {
            String returned = fallback.get().getExpression().map(e -> "return " + e).orElse("return");
            message = where + " turns " + type + " into `" + returned + "` without logging it; log it with context, "
                    + "or rethrow it wrapped in an exception that says what failed";
        } else {
            message = where + " swallows " + type + " in an empty catch block; log it with context, or rethrow it "
                    + "wrapped in an exception that says what failed";
        }
        findings.report(file, clause, ErrorsSource.symbol(file, clause), message);
    }

    private static List<String> caughtTypes(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<? extends Type> types = type instanceof UnionType union ? union.getElements() : List.of(type);
        return types.stream().map(t -> ErrorsSource.simpleName(t.asString())).toList();
    }

    /** {@code Integer.parseInt(..)} or {@code Enum.valueOf(..)} falling back to a default. */
    private static boolean isParseFallback(List<String> caught, TryStmt tryStmt) {
        if (PARSE_FAILURES.containsAll(caught)) {
            return true;
        }
        return caught.stream().allMatch(t -> PARSE_FAILURES.contains(t) || PARSE_FAILURES_WHEN_PARSING.contains(t))
                && tryStmt.getTryBlock().findAll(MethodCallExpr.class).stream()
                        .anyMatch(call -> PARSE_CALL.matcher(call.getNameAsString()).matches());
    }

    /** A try block that only releases resources: {@code try { in.close(); } catch (IOException e) { }}. */
    private static boolean isQuietCleanUp(TryStmt tryStmt) {
        List<Statement> statements = tryStmt.getTryBlock().getStatements();
        return !statements.isEmpty() && statements.stream().allMatch(s -> s instanceof ExpressionStmt expression
                && expression.getExpression() instanceof MethodCallExpr call
                && CLEAN_UP_CALLS.contains(call.getNameAsString()));
    }

    /** A predicate whose answer is the exception: {@code try { ..; return true; } catch (..) { return false; }}. */
    private static boolean isProbe(Optional<ReturnStmt> fallback, TryStmt tryStmt) {
        return fallback.flatMap(ReturnStmt::getExpression)
                .filter(e -> e instanceof BooleanLiteralExpr literal && !literal.getValue())
                .isPresent()
                && tryStmt.getTryBlock().findAll(ReturnStmt.class).stream()
                        .filter(ret -> ret.findAncestor(LambdaExpr.class).filter(tryStmt::isAncestorOf).isEmpty())
                        .anyMatch(ret -> ret.getExpression().filter(e -> e instanceof BooleanLiteralExpr literal
                                && literal.getValue()).isPresent());
    }

    /** {@code null}, {@code false}, {@code 0}, {@code -1}, {@code ""}, an empty collection or optional. */
    private static boolean isDefaultValue(Expression expression) {
        Expression value = unwrap(expression);
        if (value instanceof NullLiteralExpr) {
            return true;
        }
        if (value instanceof BooleanLiteralExpr literal) {
            return !literal.getValue();
        }
        if (value instanceof IntegerLiteralExpr || value instanceof LongLiteralExpr
                || value instanceof DoubleLiteralExpr) {
            return value.toString().replaceAll("[lLdDfF]$", "").matches("0+(\\.0*)?|0x0+");
        }
        if (value instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS) {
            return unwrap(unary.getExpression()) instanceof IntegerLiteralExpr one && one.getValue().equals("1")
                    || unwrap(unary.getExpression()) instanceof LongLiteralExpr oneL
                            && oneL.getValue().matches("1[lL]");
        }
        if (value instanceof StringLiteralExpr literal) {
            return literal.getValue().isEmpty();
        }
        if (value instanceof MethodCallExpr call) {
            return call.getArguments().isEmpty() && call.getScope()
                    .filter(scope -> EMPTY_OWNERS.contains(ErrorsSource.simpleName(scope.toString())))
                    .isPresent()
                    && (call.getNameAsString().startsWith("empty") || call.getNameAsString().equals("of"));
        }
        if (value instanceof ObjectCreationExpr created) {
            return created.getArguments().isEmpty() && created.getAnonymousClassBody().isEmpty()
                    && ErrorsSource.simpleName(created.getType().getNameAsString()).matches("\\w*(List|Map|Set)");
        }
        if (value instanceof ArrayCreationExpr array) {
            return array.getInitializer().map(init -> init.getValues().isEmpty())
                    .orElse(array.getLevels().size() == 1
                            && array.getLevels().get(0).getDimension().map(Node::toString).orElse("").equals("0"));
        }
        if (value instanceof FieldAccessExpr field) {
            return EMPTY_CONSTANTS.contains(field.getNameAsString());
        }
        return false;
    }

    private static Expression unwrap(Expression expression) {
        Expression value = expression;
        while (value instanceof EnclosedExpr || value instanceof CastExpr) {
            value = value instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) value).getExpression();
        }
        return value;
    }
}
