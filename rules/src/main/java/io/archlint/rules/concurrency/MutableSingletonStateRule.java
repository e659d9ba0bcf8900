package io.archlint.rules.concurrency;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFacet.DeclaredType;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import io.archlint.rules.concurrency.ConcurrencySource.FieldUse;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code mutable-singleton-state.md}. */
@RuleInfo(
        id = "mutable-singleton-state",
        title = "Singleton bean keeps mutable state",
        category = Category.CONCURRENCY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "One instance of a singleton bean serves every request at once, so a field it writes per call is "
                + "shared by concurrent requests: race conditions, concurrent requests modifying the same data and "
                + "leaving it inconsistent (backend challenges article)")
public final class MutableSingletonStateRule implements Rule {

    /** Annotations that make a class a container-managed singleton. */
    private static final List<String> SINGLETONS = List.of(
            "org.springframework.stereotype.Service", "org.springframework.stereotype.Component",
            "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            "jakarta.enterprise.context.ApplicationScoped", "javax.enterprise.context.ApplicationScoped",
            "jakarta.inject.Singleton", "javax.inject.Singleton",
            "io.micronaut.http.annotation.Controller", "io.micronaut.context.annotation.Context");

    /** Scopes that give each request, session or injection point its own instance, and startup-bound classes. */
    private static final List<String> NOT_SHARED = List.of(
            "org.springframework.web.context.annotation.RequestScope",
            "org.springframework.web.context.annotation.SessionScope",
            "jakarta.enterprise.context.RequestScoped", "javax.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.SessionScoped", "javax.enterprise.context.SessionScoped",
            "jakarta.enterprise.context.ConversationScoped", "javax.enterprise.context.ConversationScoped",
            "jakarta.enterprise.context.Dependent", "javax.enterprise.context.Dependent",
            "io.micronaut.runtime.http.scope.RequestScope", "io.micronaut.context.annotation.Prototype",
            "org.springframework.boot.context.properties.ConfigurationProperties",
            "org.springframework.context.annotation.Configuration",
            // JSR 356: the container creates an endpoint instance per connection, even for a @Component.
            "jakarta.websocket.server.ServerEndpoint", "javax.websocket.server.ServerEndpoint");

    private static final List<String> SCOPE = List.of("org.springframework.context.annotation.Scope");

    /** Fields the container fills once. */
    private static final List<String> INJECTED = List.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject", "javax.inject.Inject",
            "jakarta.annotation.Resource", "javax.annotation.Resource",
            "jakarta.persistence.PersistenceContext", "javax.persistence.PersistenceContext",
            "jakarta.persistence.PersistenceUnit", "javax.persistence.PersistenceUnit",
            "org.eclipse.microprofile.config.inject.ConfigProperty",
            "io.micronaut.context.annotation.Value", "io.micronaut.context.annotation.Property");

    /** Types that are safe to share: atomics, adders, concurrent collections, caches, locks. */
    private static final List<String> THREAD_SAFE = List.of(
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicReference",
            "java.util.concurrent.atomic.AtomicIntegerArray", "java.util.concurrent.atomic.AtomicLongArray",
            "java.util.concurrent.atomic.AtomicReferenceArray", "java.util.concurrent.atomic.LongAdder",
            "java.util.concurrent.atomic.DoubleAdder", "java.util.concurrent.atomic.LongAccumulator",
            "java.util.concurrent.atomic.DoubleAccumulator",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentMap",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.BlockingQueue", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.LinkedBlockingDeque",
            "com.github.benmanes.caffeine.cache.Cache", "com.github.benmanes.caffeine.cache.LoadingCache",
            "com.google.common.cache.Cache", "com.google.common.cache.LoadingCache",
            "java.lang.ThreadLocal");

    /** Collections that are not safe to change from several threads. */
    private static final List<String> PLAIN_COLLECTIONS = List.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.IdentityHashMap",
            "java.util.EnumMap", "java.util.WeakHashMap", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumSet",
            "java.util.ArrayDeque", "java.util.PriorityQueue");

    /** Calls that change a collection. */
    private static final Set<String> MUTATORS = Set.of("put", "putAll", "putIfAbsent", "computeIfAbsent",
            "computeIfPresent", "compute", "merge", "replace", "replaceAll", "remove", "removeIf", "removeAll",
            "retainAll", "clear", "add", "addAll", "addFirst", "addLast", "offer", "poll", "push", "pop", "set", "sort");

    /** Methods the container calls once while it builds the bean or the application starts. */
    private static final List<String> INIT_METHOD_ANNOTATIONS = List.of(
            "jakarta.annotation.PostConstruct", "javax.annotation.PostConstruct",
            "jakarta.annotation.PreDestroy", "javax.annotation.PreDestroy",
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject", "javax.inject.Inject",
            "jakarta.annotation.Resource", "javax.annotation.Resource");

    /** Callbacks of {@code InitializingBean}, {@code DisposableBean}, the {@code *Aware} interfaces and runners. */
    private static final Set<String> INIT_CALLBACKS = Set.of("afterPropertiesSet", "afterSingletonsInstantiated",
            "destroy", "setApplicationContext",
            "setBeanFactory", "setBeanName", "setBeanClassLoader", "setEnvironment", "setResourceLoader",
            "setApplicationEventPublisher", "setServletContext", "setEmbeddedValueResolver", "setMessageSource");

    /** Events delivered once, when the application starts. */
    private static final Set<String> STARTUP_EVENTS = Set.of("ApplicationReadyEvent", "ApplicationStartedEvent",
            "ContextRefreshedEvent", "StartupEvent", "ServerStartupEvent");

    private static final List<String> LISTENERS = List.of("org.springframework.context.event.EventListener",
            "io.micronaut.runtime.event.annotation.EventListener");

    private static final List<String> OBSERVES = List.of("jakarta.enterprise.event.Observes",
            "javax.enterprise.event.Observes");

    private static final List<String> SYNCHRONIZED_ANNOTATIONS = List.of("lombok.Synchronized", "io.quarkus.arc.Lock");

    private static final Set<String> LOCKS = Set.of("lock", "lockInterruptibly", "tryLock", "writeLock", "tryWriteLock");

    private static final int MAX_CALLER_DEPTH = 3;

    /** What a write does to the field, for the message. */
    private enum Write { ASSIGN, COUNT, MUTATE }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            for (ClassOrInterfaceDeclaration bean : ConcurrencySource.classes(file)) {
                if (isSingleton(sources, file, bean)) {
                    checkBean(sources, file, bean, findings);
                }
            }
        }
    }

    private static boolean isSingleton(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration bean) {
        List<AnnotationExpr> annotations = bean.getAnnotations();
        if (ConcurrencySource.annotated(sources, file, annotations, NOT_SHARED)) {
            return false;
        }
        Optional<AnnotationExpr> scope = ConcurrencySource.annotation(sources, file, annotations, SCOPE);
        if (scope.isPresent() && !singletonScope(scope.get())) {
            return false;
        }
        if (ConcurrencySource.annotated(sources, file, annotations, SINGLETONS)) {
            return true;
        }
        // A stereotype of the module's own, meta-annotated with @Service or @Component.
        for (AnnotationExpr annotation : annotations) {
            Optional<DeclaredType> declared = sources.type(file.resolve(annotation.getNameAsString()));
            if (declared.isPresent() && declared.get().declaration() instanceof AnnotationDeclaration meta
                    && ConcurrencySource.annotated(sources, declared.get().file(), meta.getAnnotations(), SINGLETONS)
                    && !ConcurrencySource.annotated(sources, declared.get().file(), meta.getAnnotations(), NOT_SHARED)) {
                return true;
            }
        }
        return false;
    }

    /** {@code @Scope("singleton")}, {@code @Scope(SCOPE_SINGLETON)} or a {@code @Scope} that sets only the proxy mode. */
    private static boolean singletonScope(AnnotationExpr scope) {
        Expression value = null;
        if (scope instanceof SingleMemberAnnotationExpr single) {
            value = single.getMemberValue();
        } else if (scope instanceof NormalAnnotationExpr normal) {
            value = normal.getPairs().stream()
                    .filter(p -> p.getNameAsString().equals("value") || p.getNameAsString().equals("scopeName"))
                    .map(p -> p.getValue()).findFirst().orElse(null);
        }
        return value == null || value.toString().toLowerCase(java.util.Locale.ROOT).contains("singleton");
    }

    private static void checkBean(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration bean,
            FindingCollector findings) {
        for (FieldDeclaration field : bean.getFields()) {
            if (field.isStatic() || ConcurrencySource.annotated(sources, file, field.getAnnotations(), INJECTED)) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                if (threadSafe(sources, file, variable)) {
                    continue;
                }
                Optional<String> collection = plainCollection(sources, file, bean, variable);
                if (field.isFinal() && collection.isEmpty()) {
                    continue;
                }
                checkField(sources, file, bean, field, variable, collection, findings);
            }
        }
    }

    private static void checkField(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration bean,
            FieldDeclaration field, VariableDeclarator variable, Optional<String> collection,
            FindingCollector findings) {
        List<FieldUse> uses = ConcurrencySource.uses(sources, file, bean, variable, false).stream()
                .filter(u -> Symbols.enclosingType(u.expression()).filter(t -> t == bean).isPresent())
                .sorted(Comparator.comparing(u -> u.expression().getBegin().orElse(new Position(0, 0))))
                .toList();
        for (FieldUse use : uses) {
            Expression expression = use.expression();
            Node parent = expression.getParentNode().orElse(null);
            Write write = null;
            Node at = null;
            String call = null;
            if (parent instanceof AssignExpr assign && assign.getTarget() == expression) {
                boolean compound = assign.getOperator() != AssignExpr.Operator.ASSIGN || reads(assign.getValue(), variable);
                if (field.isVolatile() && !compound || field.isFinal()) {
                    continue;
                }
                write = compound ? Write.COUNT : Write.ASSIGN;
                at = assign;
            } else if (parent instanceof UnaryExpr unary && !field.isFinal() && isIncrement(unary)) {
                write = Write.COUNT;
                at = unary;
            } else if (collection.isPresent()) {
                Optional<MethodCallExpr> mutation = ConcurrencySource.callOn(expression)
                        .filter(c -> MUTATORS.contains(c.getNameAsString()));
                if (mutation.isPresent()) {
                    write = Write.MUTATE;
                    at = mutation.get();
                    call = mutation.get().getNameAsString();
                }
            }
            if (write == null || initialising(sources, file, bean, at, 0, new HashSet<>()) || guarded(sources, file, at)) {
                continue;
            }
            findings.report(file, at, Symbols.of(file, at),
                    message(bean, Symbols.shortOf(at), variable.getNameAsString(), field.isVolatile(), write, call,
                            collection.orElse("")));
            return;
        }
    }

    private static String message(ClassOrInterfaceDeclaration bean, String where, String field, boolean isVolatile,
            Write write, String call, String collection) {
        String owner = " of the singleton `" + bean.getNameAsString() + "`, which all requests share; ";
        return switch (write) {
            case ASSIGN -> "`" + where + "` writes the field `" + field + "`" + owner
                    + "keep per-request state in local variables or parameters, or make the field thread-safe "
                    + "(an `Atomic*` type, `volatile` for a value that is only replaced, or a lock)";
            case COUNT -> "`" + where + "` updates the " + (isVolatile ? "volatile " : "") + "field `" + field + "`"
                    + owner + (isVolatile ? "`volatile` does not make a read-modify-write atomic; " : "")
                    + "use an `AtomicLong`, a `LongAdder` or a lock";
            case MUTATE -> "`" + where + "` calls `" + call + "` on the `" + collection + "` field `" + field + "`"
                    + owner + "use a concurrent collection (`ConcurrentHashMap`) or a cache, or keep the state "
                    + "per request";
        };
    }

    private static boolean isIncrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    /** Whether an assigned value reads the field itself: {@code total = total + amount}. */
    private static boolean reads(Expression value, VariableDeclarator variable) {
        return value.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(variable.getNameAsString())
                && ConcurrencySource.declaration(n.getNameAsString(), n).filter(d -> d == variable).isPresent())
                || value.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class).stream()
                        .anyMatch(f -> f.getScope().isThisExpr() && f.getNameAsString().equals(variable.getNameAsString()));
    }

    private static boolean threadSafe(SourceFacet sources, SourceFile file, VariableDeclarator variable) {
        if (ConcurrencySource.denotesAny(sources, file, variable.getType().asString(), THREAD_SAFE)) {
            return true;
        }
        Optional<Expression> initializer = variable.getInitializer();
        if (initializer.isPresent() && initializer.get() instanceof ObjectCreationExpr created) {
            return ConcurrencySource.denotesAny(sources, file, created.getType().getNameWithScope(), THREAD_SAFE);
        }
        return initializer.isPresent() && initializer.get() instanceof MethodCallExpr call
                && call.getNameAsString().startsWith("synchronized");
    }

    /**
     * The plain collection a field holds, by its declared type, its initialiser or a
     * {@code field = new HashMap<>()} anywhere in the class.
     */
    private static Optional<String> plainCollection(SourceFacet sources, SourceFile file,
            ClassOrInterfaceDeclaration bean, VariableDeclarator variable) {
        String declared = variable.getType().asString();
        if (ConcurrencySource.denotesAny(sources, file, declared, PLAIN_COLLECTIONS)) {
            return Optional.of(simpleName(declared));
        }
        Optional<Expression> initializer = variable.getInitializer();
        if (initializer.isPresent()) {
            return created(sources, file, initializer.get());
        }
        for (AssignExpr assign : bean.findAll(AssignExpr.class)) {
            String target = assign.getTarget().toString();
            if (target.equals(variable.getNameAsString()) || target.equals("this." + variable.getNameAsString())) {
                Optional<String> created = created(sources, file, assign.getValue());
                if (created.isPresent()) {
                    return created;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> created(SourceFacet sources, SourceFile file, Expression value) {
        if (value instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()
                && ConcurrencySource.denotesAny(sources, file, created.getType().getNameWithScope(), PLAIN_COLLECTIONS)) {
            return Optional.of(simpleName(created.getType().getNameWithScope()));
        }
        return Optional.empty();
    }

    private static String simpleName(String written) {
        String name = ConcurrencySource.stripGenerics(written);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * Whether a node runs while the bean is built or the application starts: constructors,
     * initialisers, {@code @PostConstruct}, injection setters, {@code *Aware} and
     * {@code InitializingBean} callbacks, start-up event listeners and runners, and private
     * methods called only from those.
     */
    private static boolean initialising(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration bean,
            Node node, int depth, Set<Node> seen) {
        Optional<Node> member = Symbols.enclosingMember(node);
        if (member.isEmpty()) {
            return false;
        }
        Node m = member.get();
        if (m instanceof ConstructorDeclaration || m instanceof InitializerDeclaration || m instanceof FieldDeclaration) {
            return true;
        }
        if (!(m instanceof MethodDeclaration method) || !seen.add(method)) {
            return false;
        }
        if (ConcurrencySource.annotated(sources, file, method.getAnnotations(), INIT_METHOD_ANNOTATIONS)
                || INIT_CALLBACKS.contains(method.getNameAsString()) && method.getParameters().size() <= 1
                || startupListener(sources, file, method) || runner(bean, method) || servletInit(method)
                || beanSetter(method)) {
            return true;
        }
        if (!method.isPrivate() || depth >= MAX_CALLER_DEPTH) {
            return false;
        }
        List<MethodCallExpr> callers = bean.findAll(MethodCallExpr.class).stream()
                .filter(c -> c.getNameAsString().equals(method.getNameAsString())
                        && (c.getScope().isEmpty() || c.getScope().get().isThisExpr()))
                .toList();
        return !callers.isEmpty()
                && callers.stream().allMatch(c -> initialising(sources, file, bean, c, depth + 1, seen));
    }

    private static boolean startupListener(SourceFacet sources, SourceFile file, MethodDeclaration method) {
        Optional<AnnotationExpr> listener = ConcurrencySource.annotation(sources, file, method.getAnnotations(), LISTENERS);
        boolean startupParameter = method.getParameters().size() == 1
                && STARTUP_EVENTS.contains(simpleName(method.getParameter(0).getType().asString()));
        if (listener.isPresent()) {
            String text = listener.get().toString();
            return startupParameter || STARTUP_EVENTS.stream().anyMatch(e -> text.contains(e + ".class"));
        }
        if (method.getNameAsString().equals("onApplicationEvent") && startupParameter) {
            return true;
        }
        for (Parameter parameter : method.getParameters()) {
            if (ConcurrencySource.annotated(sources, file, parameter.getAnnotations(), OBSERVES)
                    && STARTUP_EVENTS.contains(simpleName(parameter.getType().asString()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code Filter.init(FilterConfig)}, {@code Servlet.init(ServletConfig)}: called once by the container. */
    private static boolean servletInit(MethodDeclaration method) {
        return method.getNameAsString().equals("init") && method.getParameters().size() == 1
                && Set.of("FilterConfig", "ServletConfig").contains(simpleName(method.getParameter(0).getType().asString()));
    }

    /**
     * A JavaBean setter, {@code setName(String name) { this.name = name; }}: the way XML and
     * Java configuration wire properties at start-up; rarely called per request.
     */
    private static boolean beanSetter(MethodDeclaration method) {
        String name = method.getNameAsString();
        if (!name.startsWith("set") || name.length() < 4 || method.getParameters().size() != 1
                || method.getBody().map(b -> b.getStatements().size() != 1).orElse(true)) {
            return false;
        }
        String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
        return method.getBody().get().getStatement(0).toString().replace(" ", "")
                .matches("(this\\.)?" + Pattern.quote(property) + "=" + Pattern.quote(method.getParameter(0).getNameAsString()) + ";");
    }

    /** {@code CommandLineRunner.run} and {@code ApplicationRunner.run}: called once at start-up. */
    private static boolean runner(ClassOrInterfaceDeclaration bean, MethodDeclaration method) {
        return method.getNameAsString().equals("run") && method.getParameters().size() == 1
                && bean.getImplementedTypes().stream().anyMatch(t -> t.getNameAsString().equals("CommandLineRunner")
                        || t.getNameAsString().equals("ApplicationRunner"));
    }

    /** Whether a write happens inside {@code synchronized} or after a lock is taken in the same method. */
    private static boolean guarded(SourceFacet sources, SourceFile file, Node write) {
        for (Node n = write.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof SynchronizedStmt) {
                return true;
            }
            if (n instanceof CallableDeclaration<?> callable) {
                if (callable instanceof MethodDeclaration method && (method.isSynchronized()
                        || ConcurrencySource.annotated(sources, file, method.getAnnotations(), SYNCHRONIZED_ANNOTATIONS))) {
                    return true;
                }
                Position at = write.getBegin().orElse(new Position(0, 0));
                List<MethodCallExpr> calls = callable.findAll(MethodCallExpr.class);
                boolean locked = calls.stream().anyMatch(c -> LOCKS.contains(c.getNameAsString())
                        && c.getBegin().map(b -> b.isBefore(at)).orElse(false));
                boolean unlocked = calls.stream().anyMatch(c -> c.getNameAsString().startsWith("unlock"));
                return locked && unlocked;
            }
        }
        return false;
    }
}
