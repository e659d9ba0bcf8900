package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.Optional;
import java.util.regex.Pattern;

/** See {@code print-stack-trace.md}. */
@RuleInfo(
        id = "print-stack-trace",
        title = "Stack trace printed to the console",
        category = Category.ERRORS,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "printStackTrace() writes an unstructured, unleveled multi-line dump to the console, outside the "
                + "logging pipeline, where it is hard to correlate and easy to lose: the inadequate error handling "
                + "and logging of mistake #5 of the backend article, which recommends structured logging")
public final class PrintStackTraceRule implements Rule {

    /** Type names that denote a throwable: {@code Throwable}, {@code *Exception}, {@code *Error}. */
    private static final Pattern THROWABLE_NAME = Pattern.compile("Throwable|\\w*Exception|\\w*Error");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                if (!call.getNameAsString().equals("printStackTrace") || call.getScope().isEmpty()) {
                    continue;
                }
                Optional<String> target = target(call);
                if (target.isEmpty() || isKnownNonThrowable(sources, file, call.getScope().get())) {
                    continue;
                }
                findings.report(file, call, ErrorsSource.symbol(file, call), "`" + ErrorsSource.shortSymbol(call)
                        + "` prints the stack trace of `" + call.getScope().get() + "` to " + target.get()
                        + "; log it through a logger instead, e.g. `log.error(\"..\", " + call.getScope().get()
                        + ")`, so it reaches the structured logs");
            }
        }
    }

    /** Where the trace goes: the console only; a {@code PrintWriter} into a string is a different use. */
    private static Optional<String> target(MethodCallExpr call) {
        if (call.getArguments().isEmpty()) {
            return Optional.of("standard error");
        }
        if (call.getArguments().size() == 1 && call.getArgument(0) instanceof FieldAccessExpr stream
                && stream.getScope().toString().matches("(java\\.lang\\.)?System")) {
            return switch (stream.getNameAsString()) {
                case "err" -> Optional.of("standard error");
                case "out" -> Optional.of("standard output");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** Whether the receiver is a variable or field declared with a type that is not a throwable. */
    private static boolean isKnownNonThrowable(SourceFacet sources, SourceFile file, Expression receiver) {
        String name;
        if (receiver instanceof NameExpr simple) {
            name = simple.getNameAsString();
        } else if (receiver instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
            name = field.getNameAsString();
        } else {
            return false;
        }
        return declaredType(receiver, name, receiver instanceof NameExpr)
                .map(type -> !isThrowable(sources, file, type))
                .orElse(false);
    }

    /** The type the nearest declaration of {@code name} gives it, as written; empty when unknown. */
    private static Optional<String> declaredType(Node use, String name, boolean localsToo) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (localsToo && n instanceof CatchClause clause && clause.getParameter().getNameAsString().equals(name)) {
                return Optional.of("Throwable");
            }
            if (localsToo && (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr)) {
                for (Parameter parameter : n.findAll(Parameter.class)) {
                    if (parameter.getNameAsString().equals(name)) {
                        return written(parameter.getType(), null);
                    }
                }
                for (VariableDeclarator variable : n.findAll(VariableDeclarator.class)) {
                    if (variable.getNameAsString().equals(name)
                            && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                        return written(variable.getType(), variable.getInitializer().orElse(null));
                    }
                }
            }
            if (n instanceof TypeDeclaration<?> type) {
                for (FieldDeclaration field : type.getFields()) {
                    for (VariableDeclarator variable : field.getVariables()) {
                        if (variable.getNameAsString().equals(name)) {
                            return written(variable.getType(), variable.getInitializer().orElse(null));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> written(Type type, Expression initializer) {
        if (type.isUnknownType() || type.asString().isBlank()) {
            return Optional.empty();
        }
        if (!type.isVarType()) {
            return Optional.of(type.asString());
        }
        return initializer instanceof ObjectCreationExpr created
                ? Optional.of(created.getType().getNameWithScope()) : Optional.empty();
    }

    /** A throwable by its name, or a type of the module's own that extends one. */
    private static boolean isThrowable(SourceFacet sources, SourceFile file, String written) {
        if (THROWABLE_NAME.matcher(ErrorsSource.simpleName(written)).matches()) {
            return true;
        }
        // A nested type of the file resolves through its declaration, a top-level one through the imports.
        String qualified = file.findAll(TypeDeclaration.class).stream()
                .filter(t -> t.getNameAsString().equals(ErrorsSource.simpleName(written)))
                .map(t -> file.qualifiedName((TypeDeclaration<?>) t))
                .findFirst()
                .orElse(file.resolve(written));
        return sources.supertypes(qualified).stream()
                .anyMatch(parent -> THROWABLE_NAME.matcher(ErrorsSource.simpleName(parent.written())).matches());
    }
}
