package io.archlint.rules.errors;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
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
import io.archlint.engine.source.SourceFile;
import io.archlint.rules.errors.LogCalls.Family;
import java.util.Optional;
import java.util.Set;

/** See {@code log-string-concat.md}. */
@RuleInfo(
        id = "log-string-concat",
        title = "A log message is built eagerly with + or String.format",
        category = Category.ERRORS,
        severity = Severity.INFO,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A message built with + or String.format costs its string work on every call, even when the level "
                + "is off; the backend mistakes article warns against logging overload and asks for structured "
                + "logging, which placeholders keep (the values stay separate arguments)")
public final class LogStringConcatRule implements Rule {

    /** Static formatters whose result is a finished string: {@code String.format}, {@code MessageFormat.format}. */
    private static final Set<String> FORMAT_OWNERS = Set.of("java.lang.String", "java.text.MessageFormat");

    /** A constant by Java naming convention: {@code MAX_RETRIES}, {@code Headers.TENANT}. */
    private static final String CONSTANT_NAME = "[A-Z][A-Z0-9_]*";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                Optional<Family> family = LogCalls.family(file, call);
                if (family.isEmpty() || LogCalls.isLevelGuarded(call)) {
                    continue;
                }
                LogCalls.message(file, call)
                        .flatMap(message -> eagerBuild(file, unwrap(message)))
                        .ifPresent(how -> report(file, call, family.get(), how, findings));
            }
        }
    }

    /** How the message is built eagerly, if it is: {@code +} or a formatter. */
    private static Optional<String> eagerBuild(SourceFile file, Expression message) {
        if (message instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS
                && !isConstant(binary)) {
            return Optional.of("`+`");
        }
        if (message instanceof MethodCallExpr call) {
            if (call.getNameAsString().equals("formatted") && call.getScope().isPresent()) {
                return Optional.of("`formatted(..)`");
            }
            if (call.getNameAsString().equals("format") && call.getScope().isPresent()
                    && call.getScope().get() instanceof NameExpr owner
                    && file.refersToAny(owner.getNameAsString(), FORMAT_OWNERS)
                    && JavaScopes.declaredType(owner.getNameAsString(), call).isEmpty()) {
                return Optional.of("`" + owner.getNameAsString() + ".format(..)`");
            }
        }
        return Optional.empty();
    }

    /** Whether an expression is a compile-time constant: literals, constants and their concatenation. */
    private static boolean isConstant(Expression expression) {
        Expression e = unwrap(expression);
        if (e instanceof LiteralExpr) {
            return true;
        }
        if (e instanceof BinaryExpr binary) {
            return isConstant(binary.getLeft()) && isConstant(binary.getRight());
        }
        if (e instanceof FieldAccessExpr access) {
            return access.getNameAsString().matches(CONSTANT_NAME);
        }
        if (e instanceof NameExpr name) {
            return name.getNameAsString().matches(CONSTANT_NAME) || isFinalConstantField(name);
        }
        return false;
    }

    /** A {@code static final} field of an enclosing type initialised with a literal. */
    private static boolean isFinalConstantField(NameExpr name) {
        Optional<TypeDeclaration<?>> type = JavaScopes.enclosingType(name);
        while (type.isPresent()) {
            Optional<FieldDeclaration> field = type.get().getFieldByName(name.getNameAsString());
            if (field.isPresent()) {
                FieldDeclaration declaration = field.get();
                return declaration.isStatic() && declaration.isFinal() && declaration.getVariables().stream()
                        .filter(v -> v.getNameAsString().equals(name.getNameAsString()))
                        .map(VariableDeclarator::getInitializer)
                        .flatMap(Optional::stream)
                        .anyMatch(init -> init instanceof StringLiteralExpr || init instanceof TextBlockLiteralExpr
                                || init instanceof LiteralExpr);
            }
            type = JavaScopes.enclosingType(type.get());
        }
        return false;
    }

    private static Expression unwrap(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e;
    }

    private static void report(SourceFile file, MethodCallExpr call, Family family, String how,
            FindingCollector findings) {
        findings.report(file, call, JavaScopes.symbol(file, call), "`" + JavaScopes.shortSymbol(call)
                + "` builds its `" + call.getNameAsString() + "` message with " + how + " on every call; "
                + advice(family, call.getNameAsString()));
    }

    private static String advice(Family family, String method) {
        return switch (family) {
            case SLF4J, LOG4J2 -> "use `{}` placeholders and pass the values as arguments";
            case JBOSS -> method.endsWith("f") || method.endsWith("v")
                    ? "pass the values as format parameters instead"
                    : "use `" + method + "f` with `%s` parameters";
            case JUL -> "pass a `Supplier` (`() -> ...`) or use `log(Level, \"{0}\", value)`";
            case LOG4J1, COMMONS -> "guard it with an `is..Enabled()` check, or log through SLF4J with `{}` placeholders";
        };
    }
}
