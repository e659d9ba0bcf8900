package io.archlint.rules.errors;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.Statement;
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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See {@code system-out-logging.md}. */
@RuleInfo(
        id = "system-out-logging",
        title = "Console output instead of logging",
        category = Category.ERRORS,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "System.out and System.err bypass the logging framework: no level, no timestamp, no logger name, "
                + "no correlation id and no structure, so the output cannot be filtered, rotated or searched; the "
                + "backend article's mistake #5 recommends structured logging for traceability")
public final class SystemOutLoggingRule implements Rule {

    /** The console streams of {@code java.lang.System}. */
    private static final Set<String> STREAMS = Set.of("out", "err");

    /** Command-line programs: picocli commands print to the terminal by design. */
    private static final List<String> CLI_ANNOTATIONS = List.of("picocli.CommandLine.Command");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            boolean systemIsJavaLang = systemIsJavaLang(sources, file);
            Set<String> staticallyImported = staticallyImportedStreams(file);
            Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Expression expression : file.findAll(Expression.class)) {
                Optional<String> stream = stream(expression, systemIsJavaLang, staticallyImported);
                if (stream.isEmpty() || ErrorsSource.inMainMethod(expression) || inCommandLineProgram(file, expression)
                        || isPrintStackTraceTarget(expression)
                        || !reported.add(anchor(expression))) {
                    continue;
                }
                findings.report(file, expression, ErrorsSource.symbol(file, expression), "`"
                        + ErrorsSource.shortSymbol(expression) + "` writes to `" + stream.get()
                        + "`; use a logger (SLF4J `log.info(..)`, `log.error(..)`) so the output has a level, "
                        + "context and a structured destination");
            }
        }
    }

    /** {@code System.out}/{@code System.err}, or {@code out}/{@code err} imported statically from {@code System}. */
    private static Optional<String> stream(Expression expression, boolean systemIsJavaLang, Set<String> imported) {
        if (expression instanceof FieldAccessExpr field && STREAMS.contains(field.getNameAsString())) {
            String scope = field.getScope().toString();
            if (scope.equals("java.lang.System") || scope.equals("System") && systemIsJavaLang) {
                return Optional.of("System." + field.getNameAsString());
            }
        }
        if (expression instanceof TypeExpr type && type.getParentNode().orElse(null) instanceof MethodReferenceExpr) {
            // System.out::println parses as a type name
            String written = type.getType().asString();
            String stream = written.substring(written.lastIndexOf('.') + 1);
            String scope = written.contains(".") ? written.substring(0, written.lastIndexOf('.')) : "";
            if (STREAMS.contains(stream) && (scope.equals("java.lang.System") || scope.equals("System") && systemIsJavaLang
                    || scope.isEmpty() && imported.contains(stream) && !declaredInFile(expression, stream))) {
                return Optional.of("System." + stream);
            }
        }
        if (expression instanceof NameExpr name && imported.contains(name.getNameAsString())
                && !declaredInFile(expression, name.getNameAsString())) {
            return Optional.of("System." + name.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether {@code System} means {@code java.lang.System}, not a type of the module's own. */
    private static boolean systemIsJavaLang(SourceFacet sources, SourceFile file) {
        String samePackage = (file.packageName().isEmpty() ? "" : file.packageName() + ".") + "System";
        return file.refersTo("System", "java.lang.System") && sources.type(samePackage).isEmpty()
                && file.findAll(TypeDeclaration.class).stream()
                        .noneMatch(t -> t.getNameAsString().equals("System"));
    }

    private static Set<String> staticallyImportedStreams(SourceFile file) {
        Set<String> names = new java.util.HashSet<>();
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (!imported.isStatic()) {
                continue;
            }
            String name = imported.getNameAsString();
            if (imported.isAsterisk() && name.equals("java.lang.System")) {
                names.addAll(STREAMS);
            } else if (name.equals("java.lang.System.out") || name.equals("java.lang.System.err")) {
                names.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        return names;
    }

    /** A field, variable or parameter of that name hides a static import. */
    private static boolean declaredInFile(Node node, String name) {
        Node root = node.findRootNode();
        return root.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name))
                || root.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name));
    }

    /** Inside a picocli {@code @Command} class, or a class nested in one. */
    private static boolean inCommandLineProgram(SourceFile file, Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type && file.isAnnotated((NodeWithAnnotations<?>) type, CLI_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }

    /** {@code e.printStackTrace(System.err)} is the print-stack-trace rule's finding. */
    private static boolean isPrintStackTraceTarget(Expression expression) {
        return expression.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("printStackTrace") && call.getArguments().contains(expression);
    }

    /** The statement, or the field, the expression belongs to: one finding each. */
    private static Node anchor(Expression expression) {
        Optional<Node> statement = expression.findAncestor(Statement.class).map(s -> (Node) s);
        return statement.or(() -> expression.findAncestor(FieldDeclaration.class).map(f -> (Node) f))
                .orElse(expression);
    }
}
