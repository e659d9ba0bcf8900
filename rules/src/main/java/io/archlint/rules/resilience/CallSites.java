package io.archlint.rules.resilience;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.archlint.engine.Codebase;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.bytecode.CallGraph;
import io.archlint.engine.bytecode.SourcePositions;
import io.archlint.engine.source.SourceFile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Where a call of compiled code is written in its source, and what surrounds it there. */
final class CallSites {

    /** Methods whose lambda argument runs once per element: the lambda body is a loop body. */
    private static final Set<String> ELEMENT_METHODS = Set.of("forEach", "forEachOrdered", "map", "flatMap",
            "mapToObj", "mapToInt", "mapToLong", "mapToDouble", "filter", "peek", "anyMatch", "allMatch",
            "noneMatch", "replaceAll", "removeIf", "computeIfAbsent");

    /** Types that hold at most one value: their {@code map} and {@code flatMap} are no loops. */
    private static final Set<String> SINGLE_VALUE_TYPES = Set.of("java.util.Optional", "reactor.core.publisher.Mono",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage", "io.smallrye.mutiny.Uni",
            "io.reactivex.rxjava3.core.Single", "io.reactivex.rxjava3.core.Maybe");

    private CallSites() {}

    /** The source expressions of a call: the method calls of that name on its line. */
    static List<MethodCallExpr> expressions(Codebase codebase, JavaCall<?> call) {
        Optional<SourceFile> file = codebase.sourceOf(call.getOriginOwner());
        int line = call.getLineNumber();
        String name = call.getName();
        return file.map(f -> f.findAll(MethodCallExpr.class).stream()
                        .filter(e -> e.getNameAsString().equals(name))
                        .filter(e -> e.getName().getBegin().map(p -> p.line == line).orElse(false))
                        .toList())
                .orElse(List.of());
    }

    /** Whether the source of a call mentions a word: {@code outbox} in {@code persist(OutboxEvent.of(order))}. */
    static boolean mentions(Codebase codebase, JavaCall<?> call, String lowerCaseWord) {
        return expressions(codebase, call).stream()
                .anyMatch(e -> CallTargets.lower(e.toString()).contains(lowerCaseWord));
    }

    /**
     * Whether a call runs once per element: in a loop body or condition, or in a lambda handed to
     * {@code forEach}, {@code map} and the like.
     */
    static boolean isInLoop(Codebase codebase, JavaCall<?> call) {
        return expressions(codebase, call).stream()
                .anyMatch(expression -> isInLoop(expression, element -> !onSingleValue(call, element)));
    }

    /**
     * Whether the compiled call of {@code map}, {@code flatMap} and the like on that line is made on a
     * {@code Mono}, {@code Optional} or future, whose lambda runs at most once.
     */
    private static boolean onSingleValue(JavaCall<?> call, MethodCallExpr element) {
        int line = element.getName().getBegin().map(p -> p.line).orElse(-1);
        return call.getOriginOwner().getMethodCallsFromSelf().stream()
                .filter(c -> c.getLineNumber() == line && c.getName().equals(element.getNameAsString()))
                .anyMatch(c -> SINGLE_VALUE_TYPES.contains(c.getTargetOwner().getName()));
    }

    private static boolean isInLoop(Node node, Predicate<MethodCallExpr> perElement) {
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && !(parent.get() instanceof BodyDeclaration<?>)) {
            Node current = parent.get();
            if (current instanceof ForEachStmt each && each.getBody() == child
                    || current instanceof ForStmt counted
                            && (counted.getBody() == child || counted.getCompare().orElse(null) == child)
                    || current instanceof WhileStmt || current instanceof DoStmt) {
                return true;
            }
            if (child instanceof LambdaExpr && current instanceof MethodCallExpr element
                    && ELEMENT_METHODS.contains(element.getNameAsString()) && element.getArguments().contains(child)
                    && perElement.test(element)) {
                return true;
            }
            child = current;
            parent = current.getParentNode();
        }
        return false;
    }

    /** The methods a class declares, written in its source (no bridges or synthetic methods), in name order. */
    static List<JavaMethod> declaredMethods(JavaClass type) {
        return type.getMethods().stream()
                .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.BRIDGE))
                .sorted(Comparator.comparing(JavaMethod::getFullName))
                .toList();
    }

    /** Reports a finding about a method at the call of the method that leads to what was found. */
    static void report(Codebase codebase, FindingCollector findings, CallGraph.Path path, String symbol,
            String message, String evidence) {
        JavaClass owner = path.start().getOwner();
        JavaCall<?> first = path.firstCall();
        Position at = SourcePositions.call(codebase.sourceOf(owner), first.getLineNumber(), first.getName());
        findings.report(codebase.sourcePathOf(owner), at.line, at.column, symbol, message, evidence);
    }

    /** {@code com.acme.orders.OrderService#place}, nested types with dots as in the sources. */
    static String symbol(JavaClass owner, String method) {
        return owner.getName().replace('$', '.') + "#" + method;
    }

    /** {@code OrderService#place}, for messages. */
    static String shortSymbol(JavaClass owner, String method) {
        String name = owner.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.') + "#" + method;
    }
}
