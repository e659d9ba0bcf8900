package io.archlint.rules.concurrency;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
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
import io.archlint.engine.source.Symbols;
import io.archlint.rules.concurrency.ConcurrencySource.FieldUse;
import java.util.List;
import java.util.Optional;

/** See {@code threadlocal-leak.md}. */
@RuleInfo(
        id = "threadlocal-leak",
        title = "ThreadLocal is set but never removed",
        category = Category.CONCURRENCY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE_AND_USERS,
        since = "0.1.0",
        reason = "Server threads are pooled, so a value set in a ThreadLocal outlives the request: it holds memory "
                + "and leaks into the next request served by the same thread (memory leaks from objects nobody "
                + "cleans up, in the backend challenges article)")
public final class ThreadlocalLeakRule implements Rule {

    /** Thread-local holders: the JDK's, Spring's named ones, Netty's and Alibaba's transmittable one. */
    private static final List<String> THREAD_LOCALS = List.of(
            "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal",
            "org.springframework.core.NamedThreadLocal", "org.springframework.core.NamedInheritableThreadLocal",
            "io.netty.util.concurrent.FastThreadLocal", "com.alibaba.ttl.TransmittableThreadLocal");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                for (FieldDeclaration field : type.getFields()) {
                    for (VariableDeclarator variable : field.getVariables()) {
                        if (isThreadLocal(sources, file, variable)) {
                            check(sources, file, type, field, variable, findings);
                        }
                    }
                }
            }
        }
    }

    private static void check(SourceFacet sources, SourceFile file, TypeDeclaration<?> type, FieldDeclaration field,
            VariableDeclarator variable, FindingCollector findings) {
        FieldUse firstSet = null;
        for (FieldUse use : ConcurrencySource.uses(sources, file, type, variable, field.isStatic())) {
            if (ConcurrencySource.escapes(use.expression())) {
                // Handed to other code (a getter, a helper): the remove may be there.
                return;
            }
            Optional<MethodCallExpr> call = ConcurrencySource.callOn(use.expression());
            if (call.isEmpty()) {
                continue;
            }
            String name = call.get().getNameAsString();
            if (name.equals("remove") || name.equals("set") && isNull(call.get())) {
                // set(null) drops the value; the map entry that stays is small.
                return;
            }
            if (name.equals("set") && firstSet == null) {
                firstSet = use;
            }
        }
        if (firstSet == null) {
            // Only get(): a per-thread cache such as withInitial(SimpleDateFormat::new), bounded by the pool.
            return;
        }
        String holder = type.getNameAsString() + "." + variable.getNameAsString();
        findings.report(file, variable, Symbols.of(file, variable), "`" + holder + "` is a `ThreadLocal` that `"
                + Symbols.shortOf(firstSet.expression()) + "` sets but nothing removes; call `"
                + variable.getNameAsString() + ".remove()` in a `finally` block when the request or task ends, "
                + "so pooled threads do not keep the value");
    }

    private static boolean isNull(MethodCallExpr set) {
        return set.getArguments().size() == 1 && set.getArgument(0) instanceof NullLiteralExpr;
    }

    private static boolean isThreadLocal(SourceFacet sources, SourceFile file, VariableDeclarator variable) {
        if (ConcurrencySource.denotesAny(sources, file, variable.getType().asString(), THREAD_LOCALS)) {
            return true;
        }
        Optional<Expression> initializer = variable.getInitializer();
        if (initializer.isEmpty()) {
            return false;
        }
        if (initializer.get() instanceof ObjectCreationExpr created) {
            return ConcurrencySource.denotesAny(sources, file, created.getType().getNameWithScope(), THREAD_LOCALS);
        }
        return initializer.get() instanceof MethodCallExpr call && call.getNameAsString().equals("withInitial")
                && call.getScope().filter(s -> ConcurrencySource.denotesAny(sources, file, s.toString(), THREAD_LOCALS))
                        .isPresent();
    }
}
