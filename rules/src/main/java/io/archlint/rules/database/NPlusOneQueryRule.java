package io.archlint.rules.database;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code n-plus-one-query.md}. */
@RuleInfo(
        id = "n-plus-one-query",
        title = "Data access call inside a loop (N+1 queries)",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A query per element turns one request into N+1 round trips to the database; the backend articles "
                + "call for database optimisation, moving from default queries to performant data fetching layers")
public final class NPlusOneQueryRule implements Rule {

    /** Calls that take a lambda and run it once per element, whatever they are called on. */
    private static final Set<String> ALWAYS_PER_ELEMENT = Set.of("forEach", "forEachOrdered", "removeIf", "replaceAll");

    /** Map operations whose lambda runs only for a missing key: a memo, not a loop. */
    private static final Set<String> MEMOISING = Set.of("computeIfAbsent", "computeIfPresent");

    /** Stream and Flux operations that run their lambda once per element; also on Optional and Mono, which are no loops. */
    private static final Set<String> PER_ELEMENT_IF_STREAM = Set.of("map", "flatMap", "filter", "peek", "mapToObj",
            "mapToInt", "mapToLong", "mapToDouble", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile",
            "concatMap", "flatMapSequential", "flatMapIterable", "doOnNext", "filterWhen", "mapMulti");

    /** Stream and Flux operations that keep the stream a stream. */
    private static final Set<String> STREAM_STEPS = Set.of("map", "flatMap", "filter", "peek", "distinct", "sorted",
            "limit", "skip", "mapToObj", "mapToInt", "mapToLong", "mapToDouble", "boxed", "takeWhile", "dropWhile",
            "concatMap", "flatMapSequential", "flatMapIterable", "doOnNext", "filterWhen", "parallel", "sequential",
            "unordered", "onClose", "mapMulti", "take", "skipWhile", "collectList");

    /** Calls that start a stream over several elements. */
    private static final Set<String> STREAM_SOURCES = Set.of("stream", "parallelStream", "flatMapMany", "thenMany");

    /** Types whose static methods start a stream, and types of variables that hold one. */
    private static final Set<String> STREAM_TYPES = Set.of("Stream", "IntStream", "LongStream", "DoubleStream",
            "StreamSupport", "Arrays", "Flux", "Multi");

    /** Static factories of small fixed collections: a loop over them runs a known, small number of times. */
    private static final Set<String> LITERAL_FACTORIES = Set.of("List.of", "Set.of", "Stream.of", "Arrays.asList",
            "EnumSet.allOf", "EnumSet.of", "Map.of", "Flux.just", "Arrays.stream", "ImmutableList.of", "ImmutableSet.of",
            "IntStream.range", "IntStream.rangeClosed", "LongStream.range", "LongStream.rangeClosed", "IntStream.of");

    /**
     * Calls that do not query: JPA's write-behind and proxies ({@code persist}, {@code getReference}
     * wait for the flush), flush and clear in a batch loop, transaction and connection housekeeping.
     */
    private static final Set<String> NOT_A_QUERY = Set.of("persist", "detach", "flush", "clear", "contains",
            "getReference", "getReferenceById", "getOne", "getCriteriaBuilder", "getMetamodel", "unwrap",
            "getTransaction", "setProperty", "setFlushMode", "setHibernateFlushMode", "joinTransaction", "isOpen",
            "close", "evict", "getDelegate", "getDataSource", "getJdbcTemplate", "getJdbcOperations", "commit",
            "rollback", "setAutoCommit", "isClosed", "getAutoCommit", "equals", "hashCode", "toString", "getClass",
            "isJoinedToTransaction", "getProperties", "getEntityGraph", "createEntityGraph");

    /** Batch calls: the fix, also when a loop runs them per chunk. */
    private static final Pattern BATCH = Pattern.compile(
            "saveAll.*|deleteAll.*|findAllById|findAllByIds|batchUpdate|executeBatch|saveBatch|saveOrUpdateBatch"
                    + "|updateBatchById|removeByIds|removeBatchByIds|selectBatchIds|selectByIds|listByIds|insertBatch.*"
                    + "|(find|read|get|query|search|stream|count|exists|delete|remove)\\w*?By\\w*?(In|NotIn)"
                    + "(IgnoreCase)?(And\\w*|Or\\w*|OrderBy\\w*)?");

    /** Writes, whose fix is a batch write rather than a batch read. */
    private static final Pattern WRITE = Pattern.compile(
            "(save|insert|update|delete|remove|merge|upsert|execute|persist)\\w*");

    /** To-many mappings, LAZY unless they say otherwise. */
    private static final List<String> TO_MANY = List.of("jakarta.persistence.OneToMany", "javax.persistence.OneToMany",
            "jakarta.persistence.ManyToMany", "javax.persistence.ManyToMany",
            "jakarta.persistence.ElementCollection", "javax.persistence.ElementCollection");
    private static final List<String> ENTITY = List.of("jakarta.persistence.Entity", "javax.persistence.Entity");
    /** Hibernate's batch and subselect fetching load the collections of many owners per query. */
    private static final List<String> BATCH_FETCH = List.of("org.hibernate.annotations.BatchSize");
    private static final List<String> HIBERNATE_FETCH = List.of("org.hibernate.annotations.Fetch");
    private static final List<String> ENTITY_GRAPH = List.of("org.springframework.data.jpa.repository.EntityGraph");
    private static final Pattern JOIN_FETCH = Pattern.compile("(?i)join\\s+fetch");
    private static final List<String> BATCH_FETCH_KEYS = List.of(
            "spring.jpa.properties.hibernate.default_batch_fetch_size", "hibernate.default_batch_fetch_size",
            "spring.jpa.properties.hibernate.batch_fetch_style");

    /** A loop around the call: its node (a statement or a lambda) and how to name it in the message. */
    private record Loop(Node node, String description, boolean iteratesElements) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        DataAccessCalls calls = new DataAccessCalls(codebase.sources(), codebase.stereotypes());
        for (SourceFile file : codebase.sources().files()) {
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                String name = call.getNameAsString();
                if (NOT_A_QUERY.contains(name) || BATCH.matcher(name).matches()) {
                    continue;
                }
                Optional<DataAccessCalls.Receiver> receiver = calls.dataAccessReceiver(file, call);
                if (receiver.isEmpty()) {
                    continue;
                }
                perElementLoop(calls, file, call, call.getArguments()).ifPresent(loop ->
                        report(findings, file, call, receiver.get(), name, loop));
            }
            // orders.forEach(auditRepository::save): the reference is called once per element
            for (MethodReferenceExpr reference : file.findAll(MethodReferenceExpr.class)) {
                String name = reference.getIdentifier();
                if (NOT_A_QUERY.contains(name) || BATCH.matcher(name).matches()
                        || !(reference.getParentNode().orElse(null) instanceof MethodCallExpr consumer)
                        || !runsPerElement(calls, file, consumer)) {
                    continue;
                }
                Optional<DataAccessCalls.Receiver> receiver = calls.dataAccessReceiver(file, reference.getScope());
                if (receiver.isPresent() && !overLiteral(calls, file, consumer.getScope().orElse(null))) {
                    report(findings, file, reference, receiver.get(), name,
                            new Loop(reference, "a `" + consumer.getNameAsString() + "` over "
                                    + describe(consumer.getScope().orElse(null)), true));
                }
            }
            if (!batchFetchConfigured(codebase)) {
                lazyLoadsInLoops(calls, file, findings);
            }
        }
    }

    /** Hibernate's global batch fetching loads lazy collections of many owners per query. */
    private static boolean batchFetchConfigured(Codebase codebase) {
        return BATCH_FETCH_KEYS.stream().anyMatch(key -> !codebase.config().get(key).isEmpty());
    }

    /**
     * Lazy collections read per element: {@code for (Order o : orders.findByStatus(..)) o.getLines()},
     * where {@code lines} is a LAZY {@code @OneToMany} of the entity the repository returns.
     */
    private static void lazyLoadsInLoops(DataAccessCalls calls, SourceFile file, FindingCollector findings) {
        for (ForEachStmt loop : file.findAll(ForEachStmt.class)) {
            VariableDeclarator element = loop.getVariable().getVariable(0);
            Type declared = element.getType().isVarType() ? null : element.getType();
            lazyLoads(calls, file, findings, loop.getIterable(), element, declared, loop.getBody(),
                    "a `for` loop over " + describe(loop.getIterable()));
        }
        for (LambdaExpr lambda : file.findAll(LambdaExpr.class)) {
            if (lambda.getParameters().isEmpty()
                    || !(lambda.getParentNode().orElse(null) instanceof MethodCallExpr consumer)
                    || !runsPerElement(calls, file, consumer)) {
                continue;
            }
            Parameter element = lambda.getParameter(0);
            Type declared = element.getType().isUnknownType() ? null : element.getType();
            Expression source = consumer.getScope().orElseThrow();
            lazyLoads(calls, file, findings, source, element, declared, lambda.getBody(),
                    "a " + (ALWAYS_PER_ELEMENT.contains(consumer.getNameAsString()) ? "" : "stream ") + "`"
                            + consumer.getNameAsString() + "` lambda over " + describe(source));
        }
    }

    private static void lazyLoads(DataAccessCalls calls, SourceFile file, FindingCollector findings, Expression source,
            Node element, Type declared, Node body, String loop) {
        Optional<Query> query = query(calls, file, source);
        if (query.isEmpty() || query.get().fetchesAssociations()) {
            return;
        }
        Optional<SourceFacet.DeclaredType> entity = declared != null ? calls.moduleType(file, declared.asString())
                : query.get().elementType();
        if (entity.isEmpty() || !entity.get().file().isAnnotated(entity.get().declaration(), ENTITY)
                || entity.get().file().isAnnotated(entity.get().declaration(), BATCH_FETCH)) {
            return;
        }
        String elementName = ((NodeWithSimpleName<?>) element).getNameAsString();
        Set<String> reported = new HashSet<>();
        for (MethodCallExpr getter : body.findAll(MethodCallExpr.class)) {
            if (!getter.getArguments().isEmpty() || getter.getScope().isEmpty()
                    || !(getter.getScope().get() instanceof NameExpr owner)
                    || !owner.getNameAsString().equals(elementName)
                    || calls.declaration(file, owner, elementName).map(d -> d.node() != element).orElse(true)) {
                continue;
            }
            Optional<String> property = lazyCollection(entity.get(), getter.getNameAsString());
            if (property.isPresent() && reported.add(property.get())) {
                String type = entity.get().declaration().getNameAsString();
                findings.report(file, getter, Symbols.of(file, getter), "`" + Symbols.shortOf(getter) + "` reads the "
                        + "lazy `" + type + "." + property.get() + "` of each `" + type + "` from `"
                        + query.get().description() + "` inside " + loop + ", one query per element (N+1); fetch it "
                        + "with the query (`JOIN FETCH` or `@EntityGraph(attributePaths = \"" + property.get()
                        + "\")`) or batch it (`@BatchSize`)");
            }
        }
    }

    /** A repository query a loop runs over, and what the sources say about its result. */
    private record Query(String description, Optional<SourceFacet.DeclaredType> elementType,
            boolean fetchesAssociations) {}

    /** {@code orders.findByStatus(..)}, or a local variable initialised with it, under stream steps. */
    private static Optional<Query> query(DataAccessCalls calls, SourceFile file, Expression source) {
        Expression current = source;
        while (current instanceof MethodCallExpr call && call.getScope().isPresent()
                && (STREAM_STEPS.contains(call.getNameAsString()) || STREAM_SOURCES.contains(call.getNameAsString())
                        || call.getNameAsString().equals("getContent"))) {
            current = call.getScope().get();
        }
        if (current instanceof NameExpr name) {
            Optional<DataAccessCalls.Declaration> local = calls.declaration(file, name, name.getNameAsString())
                    .filter(d -> !d.field() && d.initializer() != null);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            current = local.get().initializer();
        }
        if (!(current instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        Optional<DataAccessCalls.Receiver> receiver = calls.dataAccessReceiver(file, call);
        if (receiver.isEmpty() || receiver.get().moduleType().isEmpty()) {
            return Optional.empty();
        }
        SourceFacet.DeclaredType repository = receiver.get().moduleType().get();
        String description = receiver.get().simpleName() + "." + call.getNameAsString();
        Optional<DataAccessCalls.Member> method = calls.method(repository, call.getNameAsString(), call.getArguments().size());
        if (method.isPresent()) {
            MethodDeclaration declaration = method.get().method();
            SourceFile owner = method.get().owner().file();
            boolean fetches = owner.isAnnotated(declaration, ENTITY_GRAPH) || declaration.getAnnotations().stream()
                    .anyMatch(a -> JOIN_FETCH.matcher(a.toString()).find());
            Optional<SourceFacet.DeclaredType> element = declaration.getType() instanceof ClassOrInterfaceType returned
                    ? returned.getTypeArguments().filter(a -> a.size() == 1)
                            .flatMap(a -> calls.moduleType(owner, a.get(0).asString()))
                    : Optional.empty();
            return Optional.of(new Query(description, element, fetches));
        }
        // Inherited findAll..: the repository's domain type
        List<Type> arguments = calls.repositoryTypeArguments(repository);
        Optional<SourceFacet.DeclaredType> element = arguments.isEmpty() || !call.getNameAsString().startsWith("findAll")
                ? Optional.empty() : calls.moduleType(repository.file(), arguments.get(0).asString());
        return Optional.of(new Query(description, element, false));
    }

    /** The property a getter reads when it is a LAZY to-many association without batch or subselect fetching. */
    private static Optional<String> lazyCollection(SourceFacet.DeclaredType entity, String getter) {
        if (!getter.startsWith("get") || getter.length() < 4) {
            return Optional.empty();
        }
        String property = Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
        SourceFile file = entity.file();
        for (FieldDeclaration field : entity.declaration().getFields()) {
            if (!field.getVariable(0).getNameAsString().equals(property)) {
                continue;
            }
            Optional<AnnotationExpr> mapping = file.annotation(field, TO_MANY);
            boolean eager = mapping.map(m -> m.toString().contains("EAGER")).orElse(true);
            boolean batched = file.isAnnotated(field, BATCH_FETCH) || file.isAnnotated(field, HIBERNATE_FETCH);
            return eager || batched ? Optional.empty() : Optional.of(property);
        }
        return Optional.empty();
    }

    private static void report(FindingCollector findings, SourceFile file, Node at, DataAccessCalls.Receiver receiver,
            String method, Loop loop) {
        String call = "`" + receiver.simpleName() + "." + method + "`";
        String fix = WRITE.matcher(method).matches()
                ? "collect the changes and write them in one batch (`saveAll`, `batchUpdate`) after the loop"
                : "load what the loop needs in one query before it (`findAllById` or an `IN` clause, `JOIN FETCH` or "
                        + "`@EntityGraph` for associations)";
        findings.report(file, at, Symbols.of(file, at), "`" + Symbols.shortOf(at) + "` calls " + call + " inside "
                + loop.description() + ", one query per element (N+1); " + fix);
    }

    /**
     * The loop whose every element runs the call: a for-each or a per-element lambda (any call
     * in it counts), or a {@code for}/{@code while}/{@code do} loop when the call's arguments use
     * a value of the iteration (a retry or paging loop passes the same values each time).
     */
    private static Optional<Loop> perElementLoop(DataAccessCalls calls, SourceFile file, Node call,
            List<Expression> arguments) {
        Node child = call;
        for (Node n = call.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof TypeDeclaration<?> || n instanceof FieldDeclaration
                    || isMemoised(n)) {
                return Optional.empty();
            }
            Optional<Loop> loop = loop(calls, file, n, child);
            if (loop.isEmpty()) {
                continue;
            }
            if (loop.get().iteratesElements() || usesIterationValue(calls, file, call, arguments, loop.get().node())) {
                return loop;
            }
        }
        return Optional.empty();
    }

    private static Optional<Loop> loop(DataAccessCalls calls, SourceFile file, Node n, Node child) {
        if (n instanceof ForEachStmt forEach && forEach.getBody() == child) {
            return overLiteral(calls, file, forEach.getIterable()) ? Optional.empty()
                    : Optional.of(new Loop(n, "a `for` loop over " + describe(forEach.getIterable()), true));
        }
        if (n instanceof ForStmt forStmt && forStmt.getBody() == child) {
            return forStmt.getCompare().filter(NPlusOneQueryRule::literalBound).isPresent() ? Optional.empty()
                    : Optional.of(new Loop(n, "a `for` loop", false));
        }
        if (n instanceof WhileStmt whileStmt && whileStmt.getBody() == child) {
            return Optional.of(new Loop(n, "a `while` loop", false));
        }
        if (n instanceof DoStmt doStmt && doStmt.getBody() == child) {
            return Optional.of(new Loop(n, "a `do` loop", false));
        }
        if (n instanceof LambdaExpr && child == ((LambdaExpr) n).getBody()
                && n.getParentNode().orElse(null) instanceof MethodCallExpr consumer
                && consumer.getArguments().stream().anyMatch(a -> a == n)
                && runsPerElement(calls, file, consumer)) {
            Expression source = consumer.getScope().orElse(null);
            if (overLiteral(calls, file, source)) {
                return Optional.empty();
            }
            String kind = ALWAYS_PER_ELEMENT.contains(consumer.getNameAsString()) ? "a `" + consumer.getNameAsString()
                    + "` lambda" : "a stream `" + consumer.getNameAsString() + "` lambda";
            return Optional.of(new Loop(n, kind + " over " + describe(source), true));
        }
        return Optional.empty();
    }

    /** {@code cache.computeIfAbsent(key, k -> repository.find(k))}: runs once per key, not once per element. */
    private static boolean isMemoised(Node node) {
        return node instanceof LambdaExpr && node.getParentNode().orElse(null) instanceof MethodCallExpr call
                && MEMOISING.contains(call.getNameAsString());
    }

    /** Whether {@code consumer}, a call that takes a lambda, runs it once per element. */
    private static boolean runsPerElement(DataAccessCalls calls, SourceFile file, MethodCallExpr consumer) {
        String name = consumer.getNameAsString();
        if (consumer.getScope().isEmpty()) {
            return false;
        }
        if (ALWAYS_PER_ELEMENT.contains(name)) {
            return true;
        }
        return PER_ELEMENT_IF_STREAM.contains(name) && isStream(calls, file, consumer.getScope().get(), 0);
    }

    /** Whether an expression is a stream or Flux of several elements, rather than an Optional or a Mono. */
    private static boolean isStream(DataAccessCalls calls, SourceFile file, Expression expression, int depth) {
        if (depth > 20) {
            return false;
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return isStream(calls, file, enclosed.getInner(), depth + 1);
        }
        if (expression instanceof NameExpr name) {
            return calls.declaration(file, name, name.getNameAsString())
                    .filter(d -> d.type() != null)
                    .map(d -> STREAM_TYPES.contains(DataAccessCalls.simpleName(d.type().asString())))
                    .orElse(false);
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return false;
        }
        String name = call.getNameAsString();
        if (STREAM_SOURCES.contains(name)) {
            return true;
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isPresent() && scope.get() instanceof NameExpr type && isTypeName(calls, file, type)) {
            return STREAM_TYPES.contains(type.getNameAsString());
        }
        if (scope.isPresent() && STREAM_STEPS.contains(name)) {
            return isStream(calls, file, scope.get(), depth + 1);
        }
        return scope.isPresent() && returnsFlux(calls, file, call);
    }

    /** A reactive repository's {@code findAll..}, or a module repository method declared to return a Flux. */
    private static boolean returnsFlux(DataAccessCalls calls, SourceFile file, MethodCallExpr call) {
        Optional<DataAccessCalls.Receiver> receiver = calls.dataAccessReceiver(file, call);
        if (receiver.isEmpty()) {
            return false;
        }
        String name = call.getNameAsString();
        if (receiver.get().moduleType().isPresent()) {
            var type = receiver.get().moduleType().get();
            Optional<String> declared = calls.method(type, name, call.getArguments().size())
                    .map(m -> DataAccessCalls.simpleName(m.method().getType().asString()));
            if (declared.isPresent()) {
                return declared.get().equals("Flux") || declared.get().equals("Multi");
            }
            boolean reactive = calls.sources().supertypes(type.qualifiedName()).stream()
                    .map(parent -> DataAccessCalls.simpleName(parent.written()))
                    .anyMatch(parent -> parent.startsWith("Reactive") || parent.startsWith("R2dbc"));
            return reactive && name.startsWith("findAll");
        }
        return receiver.get().simpleName().startsWith("Reactive") && Set.of("find", "findAll", "aggregate").contains(name);
    }

    private static boolean isTypeName(DataAccessCalls calls, SourceFile file, NameExpr name) {
        return Character.isUpperCase(name.getNameAsString().charAt(0))
                && calls.declaration(file, name, name.getNameAsString()).isEmpty();
    }

    /**
     * Whether a loop runs over a fixed literal set: {@code List.of("EU", "US")}, an array
     * initialiser, an enum's {@code values()}, or a constant holding one of those.
     */
    private static boolean overLiteral(DataAccessCalls calls, SourceFile file, Expression source) {
        Expression current = source;
        // the source of a stream chain: Stream.of(a, b).map(..) is over Stream.of(a, b)
        while (current instanceof MethodCallExpr call && call.getScope().isPresent()
                && (STREAM_STEPS.contains(call.getNameAsString()) || STREAM_SOURCES.contains(call.getNameAsString()))) {
            current = call.getScope().get();
        }
        if (current instanceof ArrayCreationExpr || current instanceof ArrayInitializerExpr) {
            return true;
        }
        if (current instanceof NameExpr name) {
            return calls.declaration(file, name, name.getNameAsString())
                    .filter(DataAccessCalls.Declaration::field)
                    .filter(d -> d.node() instanceof VariableDeclarator variable
                            && variable.getParentNode().orElse(null) instanceof FieldDeclaration field && field.isStatic())
                    .map(d -> d.initializer() != null && overLiteral(calls, file, d.initializer()))
                    .orElse(false);
        }
        if (!(current instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
            return false;
        }
        String scope = call.getScope().get().toString();
        String qualified = scope.substring(scope.lastIndexOf('.') + 1) + "." + call.getNameAsString();
        if (call.getNameAsString().equals("values") && call.getArguments().isEmpty()
                && call.getScope().get() instanceof NameExpr type && isTypeName(calls, file, type)) {
            return true; // an enum's constants
        }
        if (LITERAL_FACTORIES.contains(qualified)) {
            // Arrays.stream(Status.values()), EnumSet.allOf(Status.class), List.of("EU", "US")
            return call.getArguments().stream().allMatch(a -> a.isLiteralExpr() || a.isClassExpr()
                    || a.isFieldAccessExpr() || a instanceof ArrayCreationExpr
                    || a instanceof MethodCallExpr m && m.getNameAsString().equals("values")
                            && m.getArguments().isEmpty());
        }
        return false;
    }

    /** {@code i < 3}, {@code attempt <= MAX_ATTEMPTS}: a counted loop with a fixed bound, such as a retry. */
    private static boolean literalBound(Expression compare) {
        if (!(compare instanceof BinaryExpr binary)) {
            return false;
        }
        Expression bound = binary.getRight();
        return bound instanceof IntegerLiteralExpr
                || bound instanceof NameExpr name && name.getNameAsString().matches("[A-Z][A-Z0-9_]*");
    }

    /** Whether the call's arguments use a variable declared in the loop: its element, index or a local of its body. */
    private static boolean usesIterationValue(DataAccessCalls calls, SourceFile file, Node call,
            List<Expression> arguments, Node loop) {
        List<NameExpr> names = new ArrayList<>();
        for (Expression argument : arguments) {
            names.addAll(argument.findAll(NameExpr.class)); // the argument itself included
        }
        for (NameExpr name : names) {
            Optional<DataAccessCalls.Declaration> declaration = calls.declaration(file, name, name.getNameAsString());
            if (declaration.isPresent() && !declaration.get().field()
                    && DataAccessCalls.isWithin(declaration.get().node(), loop)) {
                return true;
            }
        }
        return false;
    }

    /** {@code `orders`}, or "its elements" when the source is an expression too long to quote. */
    private static String describe(Expression source) {
        if (source == null) {
            return "its elements";
        }
        Expression current = source;
        while (current instanceof MethodCallExpr call && call.getScope().isPresent()
                && (STREAM_STEPS.contains(call.getNameAsString()) || STREAM_SOURCES.contains(call.getNameAsString()))) {
            current = call.getScope().get();
        }
        String text = current.toString();
        return text.length() <= 40 && !text.contains("\n") ? "`" + text + "`" : "its elements";
    }
}
