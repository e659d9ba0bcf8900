package io.archlint.rules.database;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** See {@code connection-per-call.md}. */
@RuleInfo(
        id = "connection-per-call",
        title = "A pooled client is built on every call",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Clients such as Jedis, MongoClient, OkHttp, Apache HttpClient or the JDK HttpClient own their "
                + "connections; building one per call throws the pool away after one use, the per-request cost the "
                + "backend technologies article's connection pooling pitfall (a 5-10x boost) is about")
public final class ConnectionPerCallRule implements Rule {

    /** What a call builds and what it costs each time. */
    private record Client(String type, String cost) {}

    /** A static method of {@code owner} that returns a new client (or a builder for one). */
    private record Factory(String owner, Set<String> methods, Client client) {}

    private static final Client JEDIS = new Client("Jedis", "a new Redis connection each time");
    private static final Client MONGO = new Client("MongoClient", "a new connection pool and monitor threads each time");
    private static final Client JDK_HTTP = new Client("HttpClient", "a new connection pool and selector thread each time");
    private static final Client APACHE = new Client("CloseableHttpClient", "a new connection pool each time");
    private static final Client APACHE_ASYNC = new Client("CloseableHttpAsyncClient",
            "a new connection pool and I/O reactor each time");
    private static final Client OKHTTP = new Client("OkHttpClient", "a new connection pool and dispatcher each time");
    private static final Client WEB_CLIENT = new Client("WebClient", "a new connector, codecs and filters each time");
    private static final Client REST_CLIENT = new Client("RestClient",
            "a new request factory and message converters each time");

    /** Constructors of clients that own their connections. */
    private static final Map<String, Client> CONSTRUCTORS = Map.of(
            "redis.clients.jedis.Jedis", JEDIS,
            "redis.clients.jedis.JedisPool", new Client("JedisPool", "a new connection pool each time"),
            "redis.clients.jedis.JedisPooled", new Client("JedisPooled", "a new connection pool each time"),
            "redis.clients.jedis.JedisCluster", new Client("JedisCluster", "new connection pools to every node each time"),
            "com.mongodb.MongoClient", MONGO,
            "okhttp3.OkHttpClient", OKHTTP,
            "org.springframework.web.client.RestTemplate", new Client("RestTemplate",
                    "new message converters and a new request factory each time"),
            "org.apache.http.impl.client.DefaultHttpClient", new Client("DefaultHttpClient",
                    "a new connection manager each time"));

    /** Static factories that return a ready client. */
    private static final List<Factory> FACTORIES = List.of(
            new Factory("com.mongodb.client.MongoClients", Set.of("create"), MONGO),
            new Factory("com.mongodb.reactivestreams.client.MongoClients", Set.of("create"), MONGO),
            new Factory("java.net.http.HttpClient", Set.of("newHttpClient"), JDK_HTTP),
            new Factory("org.apache.http.impl.client.HttpClients",
                    Set.of("createDefault", "createSystem", "createMinimal"), APACHE),
            new Factory("org.apache.hc.client5.http.impl.classic.HttpClients",
                    Set.of("createDefault", "createSystem", "createMinimal"), APACHE),
            new Factory("org.apache.hc.client5.http.impl.async.HttpAsyncClients",
                    Set.of("createDefault", "createSystem", "createMinimal", "createHttp2Default"), APACHE_ASYNC),
            new Factory("org.springframework.web.reactive.function.client.WebClient", Set.of("create"), WEB_CLIENT),
            new Factory("org.springframework.web.client.RestClient", Set.of("create"), REST_CLIENT),
            new Factory("io.lettuce.core.RedisClient", Set.of("create"),
                    new Client("RedisClient", "new event loops and connections each time")),
            new Factory("io.lettuce.core.cluster.RedisClusterClient", Set.of("create"),
                    new Client("RedisClusterClient", "new event loops and connections each time")));

    /** Static methods that start a builder whose {@code build()} makes a client. */
    private static final List<Factory> BUILDERS = List.of(
            new Factory("java.net.http.HttpClient", Set.of("newBuilder"), JDK_HTTP),
            new Factory("org.apache.http.impl.client.HttpClients", Set.of("custom"), APACHE),
            new Factory("org.apache.http.impl.client.HttpClientBuilder", Set.of("create"), APACHE),
            new Factory("org.apache.hc.client5.http.impl.classic.HttpClients", Set.of("custom"), APACHE),
            new Factory("org.apache.hc.client5.http.impl.classic.HttpClientBuilder", Set.of("create"), APACHE),
            new Factory("org.apache.hc.client5.http.impl.async.HttpAsyncClients", Set.of("custom"), APACHE_ASYNC),
            new Factory("org.springframework.web.reactive.function.client.WebClient", Set.of("builder"), WEB_CLIENT),
            new Factory("org.springframework.web.client.RestClient", Set.of("builder"), REST_CLIENT));

    /** Builders created with {@code new}; {@code client.newBuilder()} shares the client's pool and is fine. */
    private static final Map<String, Client> BUILDER_CONSTRUCTORS = Map.of("okhttp3.OkHttpClient.Builder", OKHTTP);

    /** Methods that define a bean or a producer: the container calls them once. */
    private static final List<String> BEAN_METHOD_ANNOTATIONS = List.of(
            "org.springframework.context.annotation.Bean",
            "io.micronaut.context.annotation.Bean",
            "jakarta.enterprise.inject.Produces", "javax.enterprise.inject.Produces",
            "com.google.inject.Provides", "dagger.Provides",
            "jakarta.annotation.PostConstruct", "javax.annotation.PostConstruct",
            "io.quarkus.runtime.Startup");

    /** Classes whose methods define beans. */
    private static final List<String> CONFIGURATION_ANNOTATIONS = List.of(
            "org.springframework.context.annotation.Configuration",
            "org.springframework.boot.autoconfigure.SpringBootApplication",
            "org.springframework.boot.autoconfigure.AutoConfiguration",
            "io.micronaut.context.annotation.Factory");

    /** Events delivered once, when the application starts. */
    private static final List<String> STARTUP_EVENTS = List.of(
            "org.springframework.boot.context.event.ApplicationReadyEvent",
            "org.springframework.boot.context.event.ApplicationStartedEvent",
            "org.springframework.context.event.ContextRefreshedEvent",
            "io.quarkus.runtime.StartupEvent",
            "io.micronaut.context.event.StartupEvent",
            "io.micronaut.runtime.server.event.ServerStartupEvent");

    /** Spring Boot callbacks run once at start-up. */
    private static final List<String> RUNNERS = List.of(
            "org.springframework.boot.CommandLineRunner", "org.springframework.boot.ApplicationRunner");

    /** Calls on a field that keep their argument: holders, maps, collections, registries. */
    private static final Set<String> STORING_CALLS = Set.of("put", "putIfAbsent", "set", "lazySet", "compareAndSet",
            "weakCompareAndSet", "setIfAbsent", "add", "addFirst", "addLast", "offer", "push", "register");

    private static final int MAX_LOCAL_HOPS = 4;

    /** How a new client leaves the expression that built it. */
    private enum Fate {
        /** Used and dropped within the call: the finding. */
        USED,
        /** Kept in a field, a holder or a cache: built once and reused. */
        STORED,
        /** Returned from a method: that method is a factory, its callers decide. */
        RETURNED,
        /** Handed to a lambda's caller, passed on, or built into another client: not decidable here. */
        UNKNOWN
    }

    private record Outcome(Fate fate, MethodDeclaration factory) {
        static Outcome of(Fate fate) {
            return new Outcome(fate, null);
        }
    }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            checkFile(sources, file, findings);
        }
    }

    private void checkFile(SourceFacet sources, SourceFile file, FindingCollector findings) {
        Map<Expression, Client> creations = new IdentityHashMap<>();
        Deque<Map.Entry<Expression, String>> work = new ArrayDeque<>();
        for (Expression expression : file.findAll(Expression.class)) {
            creation(sources, file, expression).ifPresent(client -> {
                creations.put(expression, client);
                work.add(Map.entry(expression, ""));
            });
        }
        // Factory methods of a type (a method that returns a new client) create one at each of their calls.
        Map<MethodDeclaration, Client> factories = new IdentityHashMap<>();
        while (!work.isEmpty()) {
            Map.Entry<Expression, String> next = work.removeFirst();
            Expression expression = next.getKey();
            Client client = creations.get(expression);
            Optional<MethodDeclaration> method = perCallMethod(file, expression);
            if (method.isEmpty()) {
                continue;
            }
            Outcome outcome = fate(file, creations.keySet(), expression, expression, false, 0);
            if (outcome.fate() == Fate.USED) {
                String through = next.getValue().isEmpty() ? "" : " through `" + next.getValue() + "()`";
                findings.report(file, expression, JavaSource.symbol(file, expression), "`"
                        + JavaSource.shortSymbol(expression) + "` creates a new `" + client.type() + "` on every call"
                        + through + " (" + client.cost() + "); create it once, as a bean or a field, and reuse it");
            } else if (outcome.fate() == Fate.RETURNED && outcome.factory() != null
                    && factories.putIfAbsent(outcome.factory(), client) == null) {
                for (MethodCallExpr call : callsOf(outcome.factory())) {
                    creations.put(call, client);
                    work.add(Map.entry(call, outcome.factory().getNameAsString()));
                }
            }
        }
    }

    /** The client an expression builds, if it is one of the creations this rule knows. */
    private static Optional<Client> creation(SourceFacet sources, SourceFile file, Expression expression) {
        if (expression instanceof ObjectCreationExpr created) {
            String written = created.getType().getNameWithScope();
            return CONSTRUCTORS.entrySet().stream()
                    .filter(c -> JavaSource.denotes(sources, file, written, c.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        if (call.getNameAsString().equals("build")) {
            return builderRoot(call).flatMap(root -> root instanceof ObjectCreationExpr created
                    ? BUILDER_CONSTRUCTORS.entrySet().stream()
                            .filter(c -> JavaSource.denotes(sources, file, created.getType().getNameWithScope(), c.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                    : staticFactory(sources, file, (MethodCallExpr) root, BUILDERS));
        }
        return staticFactory(sources, file, call, FACTORIES);
    }

    private static Optional<Client> staticFactory(SourceFacet sources, SourceFile file, MethodCallExpr call,
            List<Factory> factories) {
        if (call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        return factories.stream()
                .filter(f -> f.methods().contains(call.getNameAsString()))
                .filter(f -> JavaSource.isTypeName(sources, file, scope, f.owner()))
                .map(Factory::client)
                .findFirst();
    }

    /** The start of a fluent chain {@code root.a().b().build()}: the first call or {@code new}. */
    private static Optional<Expression> builderRoot(MethodCallExpr build) {
        Expression current = build;
        while (current instanceof MethodCallExpr call && call.getScope().isPresent()) {
            Expression scope = call.getScope().get();
            if (scope instanceof ObjectCreationExpr) {
                return Optional.of(scope);
            }
            if (!(scope instanceof MethodCallExpr)) {
                return current == build ? Optional.empty() : Optional.of(current);
            }
            current = scope;
        }
        return Optional.empty();
    }

    /**
     * The method whose every call runs the node, or empty when the node runs once: in a field
     * initialiser, an initialiser block, a constructor, a bean or producer method, a method of a
     * configuration class, a start-up callback or a {@code main} method.
     */
    private static Optional<MethodDeclaration> perCallMethod(SourceFile file, Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodDeclaration method) {
                return runsOnce(file, method) ? Optional.empty() : Optional.of(method);
            }
            if (n instanceof ConstructorDeclaration || n instanceof CompactConstructorDeclaration
                    || n instanceof InitializerDeclaration || n instanceof FieldDeclaration
                    || n instanceof EnumConstantDeclaration || n instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean runsOnce(SourceFile file, MethodDeclaration method) {
        if (file.isAnnotated(method, BEAN_METHOD_ANNOTATIONS) || JavaSource.isMainMethod(method)) {
            return true;
        }
        String name = method.getNameAsString();
        boolean noParameters = method.getParameters().isEmpty();
        // ThreadLocal.initialValue runs once per thread; InitializingBean.afterPropertiesSet once per bean.
        if (noParameters && (name.equals("initialValue") || name.equals("afterPropertiesSet"))) {
            return true;
        }
        if (isStartupListener(file, method)) {
            return true;
        }
        Optional<TypeDeclaration<?>> type = JavaSource.enclosingType(method);
        if (type.isPresent() && file.isAnnotated(type.get(), CONFIGURATION_ANNOTATIONS)) {
            return true;
        }
        return name.equals("run") && implementsAny(file, method, RUNNERS);
    }

    private static boolean isStartupListener(SourceFile file, MethodDeclaration method) {
        for (Parameter parameter : method.getParameters()) {
            String written = parameter.getType().asString();
            if (STARTUP_EVENTS.stream().anyMatch(e -> file.refersTo(written, e))) {
                return true;
            }
        }
        for (AnnotationExpr annotation : method.getAnnotations()) {
            if (file.refersTo(annotation.getNameAsString(), "org.springframework.context.event.EventListener")
                    && STARTUP_EVENTS.stream().anyMatch(e -> annotation.toString().contains(
                            e.substring(e.lastIndexOf('.') + 1) + ".class"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class (or anonymous class) declaring the method implements one of the types. */
    private static boolean implementsAny(SourceFile file, MethodDeclaration method, List<String> types) {
        Node owner = method.getParentNode().orElse(null);
        List<ClassOrInterfaceType> parents = new ArrayList<>();
        if (owner instanceof ClassOrInterfaceDeclaration declaration) {
            parents.addAll(declaration.getImplementedTypes());
        } else if (owner instanceof ObjectCreationExpr anonymous) {
            parents.add(anonymous.getType());
        }
        return parents.stream().anyMatch(p -> file.refersToAny(p.getNameWithScope(), types));
    }

    /**
     * Follows a new client (or a local variable holding one) outwards to where it ends up.
     *
     * @param wrapped whether the client has been passed into another call or constructor, so
     *                that calls on the result are calls on the wrapper, not on the client
     */
    private static Outcome fate(SourceFile file, Set<Expression> creations, Expression start, Expression from,
            boolean wrapped, int hops) {
        Node child = from;
        Node parent = from.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof EnclosedExpr || parent instanceof CastExpr
                    || parent instanceof ArrayInitializerExpr || parent instanceof ArrayCreationExpr) {
                // transparent
            } else if (parent instanceof ConditionalExpr conditional) {
                if (conditional.getCondition() == child) {
                    return Outcome.of(Fate.USED);
                }
            } else if (parent instanceof ObjectCreationExpr created) {
                if (!isArgument(created.getArguments(), child)) {
                    return Outcome.of(Fate.USED);
                }
                if (creations.contains(created) && created != start) {
                    return Outcome.of(Fate.UNKNOWN); // the outer client is judged on its own
                }
                wrapped = true;
            } else if (parent instanceof MethodCallExpr call) {
                if (isArgument(call.getArguments(), child)) {
                    if (storesIntoField(call)) {
                        return Outcome.of(Fate.STORED);
                    }
                    if (creations.contains(call)) {
                        return Outcome.of(Fate.UNKNOWN);
                    }
                    wrapped = true;
                } else if (!wrapped) {
                    return Outcome.of(Fate.USED); // client.send(..): used right here
                }
            } else if (parent instanceof AssignExpr assign) {
                if (assign.getValue() != child) {
                    return Outcome.of(Fate.USED);
                }
                Expression target = assign.getTarget();
                if (isField(target)) {
                    return Outcome.of(Fate.STORED);
                }
                return target instanceof NameExpr local
                        ? followLocal(file, creations, start, assign, local.getNameAsString(), wrapped, hops)
                        : Outcome.of(Fate.USED);
            } else if (parent instanceof VariableDeclarator variable) {
                if (variable.getParentNode().orElse(null) instanceof FieldDeclaration) {
                    return Outcome.of(Fate.STORED);
                }
                return followLocal(file, creations, start, variable, variable.getNameAsString(), wrapped, hops);
            } else if (parent instanceof ReturnStmt) {
                // Returned from a method: a factory, unless the return hands back a wrapper or a lambda's value.
                Optional<Node> function = enclosingFunction(parent);
                if (!wrapped && function.isPresent() && function.get() instanceof MethodDeclaration method) {
                    return new Outcome(Fate.RETURNED, method);
                }
                return Outcome.of(Fate.UNKNOWN);
            } else if (parent instanceof LambdaExpr
                    || parent instanceof ExpressionStmt && parent.getParentNode().orElse(null) instanceof LambdaExpr) {
                return Outcome.of(Fate.UNKNOWN); // k -> new Client(k): the lambda's caller decides
            } else {
                return Outcome.of(Fate.USED);
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return Outcome.of(Fate.USED);
    }

    /** Where a local variable holding the client goes: a field or a return wins over plain uses. */
    private static Outcome followLocal(SourceFile file, Set<Expression> creations, Expression start, Node declaration,
            String name, boolean wrapped, int hops) {
        if (hops >= MAX_LOCAL_HOPS) {
            return Outcome.of(Fate.UNKNOWN);
        }
        Optional<Node> body = enclosingFunction(declaration);
        if (body.isEmpty()) {
            return Outcome.of(Fate.UNKNOWN);
        }
        Outcome result = Outcome.of(Fate.USED);
        for (NameExpr use : body.get().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(name) || isAssignmentTarget(use)) {
                continue;
            }
            Outcome outcome = fate(file, creations, start, use, wrapped, hops + 1);
            if (rank(outcome.fate()) > rank(result.fate())) {
                result = outcome;
            }
        }
        return result;
    }

    private static int rank(Fate fate) {
        return switch (fate) {
            case USED -> 0;
            case UNKNOWN -> 1;
            case RETURNED -> 2;
            case STORED -> 3;
        };
    }

    private static boolean isAssignmentTarget(NameExpr use) {
        return use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use;
    }

    private static boolean isArgument(List<Expression> arguments, Node child) {
        return arguments.stream().anyMatch(a -> a == child);
    }

    /** {@code this.cache.put(key, client)}, {@code holder.set(client)}, {@code setClient(client)}. */
    private static boolean storesIntoField(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
            return isSetter(name);
        }
        return (STORING_CALLS.contains(name) || isSetter(name)) && isField(call.getScope().get());
    }

    private static boolean isSetter(String name) {
        return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
    }

    /** {@code this.client}, {@code Holder.CLIENT}, or a bare name that no local variable or parameter declares. */
    private static boolean isField(Expression target) {
        if (target instanceof FieldAccessExpr) {
            return true;
        }
        if (target instanceof ArrayAccessExpr array) {
            return isField(array.getName());
        }
        return target instanceof NameExpr name && !JavaSource.isLocal(name.getNameAsString(), name);
    }

    /** The method, constructor, initialiser or lambda a node runs in. */
    private static Optional<Node> enclosingFunction(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr || n instanceof InitializerDeclaration
                    || n instanceof CompactConstructorDeclaration) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Unqualified or {@code this.} calls of a factory method from within its own type. */
    private static List<MethodCallExpr> callsOf(MethodDeclaration factory) {
        Optional<TypeDeclaration<?>> type = JavaSource.enclosingType(factory);
        if (type.isEmpty()) {
            return List.of();
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        for (MethodCallExpr call : type.get().findAll(MethodCallExpr.class)) {
            boolean ownCall = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
            if (ownCall && call.getNameAsString().equals(factory.getNameAsString())
                    && call.getArguments().size() == factory.getParameters().size()
                    && JavaSource.enclosingType(call).filter(t -> t == type.get()).isPresent()) {
                calls.add(call);
            }
        }
        return calls;
    }
}
