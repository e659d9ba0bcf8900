package io.archlint.rules.resilience;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.bytecode.CallGraph;
import io.archlint.engine.bytecode.SourcePositions;
import io.archlint.engine.source.SourceFile;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** See {@code cache-stampede.md}. */
@RuleInfo(
        id = "cache-stampede",
        title = "Cached method loads from the database or a remote service without a lock",
        category = Category.RESILIENCE,
        severity = Severity.INFO,
        facets = Facet.CLASSES,
        scope = Scope.FILE_AND_SUBTYPES,
        since = "0.1.0",
        parameters = @RuleParameter(name = CacheStampedeRule.MAX_CALL_DEPTH, defaultValue = "3",
                description = "how many calls deep the rule follows a cached method into the module's own methods"),
        reason = "When a popular entry expires, every concurrent request misses and runs the same expensive load "
                + "at once (the thundering herd problem, in the backend challenges article: smart TTLs and locks)")
public final class CacheStampedeRule implements Rule {

    static final String MAX_CALL_DEPTH = "maxCallDepth";

    private static final String CACHEABLE = "org.springframework.cache.annotation.Cacheable";
    private static final String CACHING = "org.springframework.cache.annotation.Caching";
    private static final String CACHE_RESULT = "javax.cache.annotation.CacheResult";

    /** How a cached method loads its value, for the message. */
    private enum Load {
        DATABASE("reads the database"),
        REMOTE("calls a remote service");

        final String does;

        Load(String does) {
            this.does = does;
        }
    }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        Stereotypes stereotypes = codebase.stereotypes();
        CallGraph graph = codebase.classes().callGraph();
        int depth = Math.max(1, codebase.intParameter(this, MAX_CALL_DEPTH));
        Predicate<JavaCall<?>> database = call -> CallTargets.isDatabaseRead(call, stereotypes)
                || CallTargets.isDatabaseWrite(call, stereotypes);
        for (JavaClass type : codebase.classes().ownClasses()) {
            for (JavaMethod method : CallSites.declaredMethods(type)) {
                if (method.getModifiers().contains(JavaModifier.STATIC)) {
                    continue;
                }
                Optional<Boolean> springSync = springCacheable(type, method);
                boolean jcache = CallTargets.isAnnotated(method, List.of(CACHE_RESULT))
                        || method.getModifiers().contains(JavaModifier.PUBLIC)
                                && CallTargets.isAnnotated(type, List.of(CACHE_RESULT));
                if (springSync.orElse(true) && !jcache) {
                    continue;
                }
                CallGraph.Search search = graph.from(method).depth(depth);
                Optional<CallGraph.Path> db = search.first(database);
                Load load = db.isPresent() ? Load.DATABASE : Load.REMOTE;
                boolean spring = springSync.isPresent();
                db.or(() -> search.first(CallTargets::isRemoteCall))
                        .ifPresent(path -> report(codebase, findings, method, spring, load, path));
            }
        }
    }

    /**
     * Whether a Spring {@code @Cacheable} applies to the method, and its {@code sync}: on the method, inside
     * {@code @Caching}, or on the class for its public methods.
     */
    private static Optional<Boolean> springCacheable(JavaClass type, JavaMethod method) {
        Optional<? extends JavaAnnotation<?>> own = method.tryGetAnnotationOfType(CACHEABLE);
        if (own.isPresent()) {
            return Optional.of(sync(own.get()));
        }
        Optional<? extends JavaAnnotation<?>> caching = method.tryGetAnnotationOfType(CACHING);
        if (caching.isPresent()) {
            Object nested = caching.get().get("cacheable").orElse(new Object[0]);
            if (nested instanceof Object[] annotations && annotations.length > 0) {
                return Optional.of(Arrays.stream(annotations)
                        .allMatch(a -> a instanceof JavaAnnotation<?> annotation && sync(annotation)));
            }
        }
        if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
            return type.tryGetAnnotationOfType(CACHEABLE).map(CacheStampedeRule::sync);
        }
        return Optional.empty();
    }

    private static boolean sync(JavaAnnotation<?> cacheable) {
        return cacheable.get("sync").map(Boolean.TRUE::equals).orElse(false);
    }

    private static void report(Codebase codebase, FindingCollector findings, JavaMethod method, boolean spring,
            Load load, CallGraph.Path path) {
        JavaClass owner = method.getOwner();
        String name = "`" + CallSites.shortSymbol(owner, method.getName()) + "`";
        String message = spring
                ? name + " is `@Cacheable` without `sync = true` and " + load.does + " (`" + path.describe() + "`); "
                        + "set `sync = true` so that one caller loads an expired entry while the others wait"
                : name + " is a JCache `@CacheResult` that " + load.does + " (`" + path.describe() + "`); JCache has "
                        + "no `sync`, so use a loading cache (Caffeine `LoadingCache` or `AsyncCache`) or a lock "
                        + "around the load";
        Optional<SourceFile> source = codebase.sourceOf(owner);
        Position at = source.flatMap(file -> declaration(file, owner, method, spring ? CACHEABLE : CACHE_RESULT))
                .orElse(new Position(path.line(), 0));
        findings.report(codebase.sourcePathOf(owner), at.line, at.column, CallSites.symbol(owner, method.getName()),
                message, (spring ? "cacheable " : "cache-result ") + path.describe());
    }

    /** The method's cache annotation, or its name when the annotation is on the class. */
    private static Optional<Position> declaration(SourceFile file, JavaClass owner, JavaMethod method,
            String annotation) {
        return SourcePositions.declaration(file, owner).flatMap(type -> type.getMethodsByName(method.getName()).stream()
                .filter(m -> m.getParameters().size() == method.getRawParameterTypes().size())
                .findFirst()
                .flatMap(m -> file.annotation(m, List.of(annotation, CACHING)).<Node>map(a -> a)
                        .or(() -> Optional.of(m.getName()))
                        .flatMap(Node::getBegin)));
    }
}
