package io.archlint.rules.database;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ArrayType;
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
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code unbounded-query.md}. */
@RuleInfo(
        id = "unbounded-query",
        title = "Endpoint returns a whole table without paging",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        scope = Scope.FILE_AND_SUBTYPES,
        since = "0.1.0",
        reason = "An endpoint that returns every row of a query grows with the table until it times out or runs out "
                + "of memory; the backend articles call for performant data fetching layers instead of default queries")
public final class UnboundedQueryRule implements Rule {

    /** Response types that wrap the body: their first type argument is what the client receives. */
    private static final Set<String> WRAPPERS = Set.of("ResponseEntity", "HttpEntity", "HttpResponse",
            "MutableHttpResponse", "Mono", "Uni", "CompletableFuture", "CompletionStage", "Callable", "DeferredResult",
            "RestResponse");

    /** Collection types a handler may return; {@code Page}, {@code Slice} and {@code PagedModel} are bounded. */
    private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Collection",
            "java.lang.Iterable", "java.util.Set", "java.util.SortedSet", "java.util.stream.Stream",
            "reactor.core.publisher.Flux", "io.smallrye.mutiny.Multi", "org.springframework.hateoas.CollectionModel",
            "org.springframework.data.util.Streamable");

    /** Types of arguments that bound a query. */
    private static final Set<String> BOUNDING_TYPES = Set.of("Pageable", "PageRequest", "Limit", "ScrollPosition",
            "KeysetScrollPosition", "OffsetScrollPosition");

    /** Return types of repository methods that are bounded or single results. */
    private static final Set<String> MULTI_ROW_RETURNS = Set.of("List", "Collection", "Iterable", "Set", "Stream", "Flux",
            "Multi", "Streamable", "SortedSet");

    /** Derived query names that return many rows, unless {@code Top}/{@code First} bounds them. */
    private static final Pattern QUERY = Pattern.compile("(find|read|get|query|search|stream)(All)?(Distinct)?By\\w*|findAll");
    private static final Pattern BOUNDED_QUERY =
            Pattern.compile("(find|read|get|query|search|stream)(All)?(Distinct)?(Top|First)\\d*(Distinct)?By\\w*");

    /** Calls on a result that bound it. */
    private static final Set<String> BOUNDING_CALLS = Set.of("limit", "take", "subList", "getContent", "findFirst",
            "next", "limitRate");

    /** A native or JPQL query with its own bound. */
    private static final Pattern QUERY_LIMIT = Pattern.compile("\\blimit\\s+[:?\\d]|\\bfetch\\s+(first|next)\\b|\\btop\\s*\\(?\\s*\\d");

    private static final List<String> QUERY_ANNOTATIONS = List.of("org.springframework.data.jpa.repository.Query",
            "org.springframework.data.mongodb.repository.Query", "org.springframework.data.jdbc.repository.query.Query",
            "org.springframework.data.r2dbc.repository.Query", "io.micronaut.data.annotation.Query");

    /** A cached handler or service method: the rows are meant to be few and read often. */
    private static final List<String> CACHED = List.of("org.springframework.cache.annotation.Cacheable",
            "io.quarkus.cache.CacheResult", "io.micronaut.cache.annotation.Cacheable", "javax.cache.annotation.CacheResult");

    /** Entity annotations of reference data: immutable rows, or rows kept in the second-level cache. */
    private static final List<String> REFERENCE_DATA = List.of("org.hibernate.annotations.Immutable",
            "org.hibernate.annotations.Cache", "jakarta.persistence.Cacheable", "javax.persistence.Cacheable");

    private static final int MAX_DEPTH = 12;

    /**
     * The way from a handler to an unbounded query: where the handler calls it, what it goes through, and whether
     * the query reads the whole table ({@code findAll}) or the rows matching a criterion ({@code findByPetId}).
     */
    private record Path(Node at, String description, boolean wholeTable) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        DataAccessCalls calls = new DataAccessCalls(codebase.sources(), codebase.stereotypes());
        for (Endpoint endpoint : new WebControllers(codebase.sources(), codebase.stereotypes()).endpoints()) {
            MethodDeclaration handler = endpoint.method();
            if (!returnsCollection(endpoint.file(), handler.getType()) || handler.getBody().isEmpty()
                    || endpoint.file().isAnnotated(handler, CACHED)) {
                continue;
            }
            for (ReturnStmt returned : returns(handler)) {
                Optional<Path> path = returned.getExpression()
                        .flatMap(e -> trace(calls, endpoint.file(), e, true, 0));
                if (path.isPresent()) {
                    report(findings, endpoint, path.get());
                    break;
                }
            }
        }
    }

    private static void report(FindingCollector findings, Endpoint endpoint, Path path) {
        String handler = endpoint.controller().getNameAsString() + "#" + endpoint.method().getNameAsString();
        int line = path.at().getBegin().map(p -> p.line).orElse(0);
        int column = path.at().getBegin().map(p -> p.column).orElse(0);
        findings.report(endpoint.file().path(), line, column, endpoint.symbol(), "`" + handler + "` returns "
                + path.description() + " with no page or limit, so the response grows with "
                + (path.wholeTable() ? "the table" : "every row that matches") + "; take a "
                + "`Pageable` and return a `Page` or `Slice`, or bound the query (`findTop100By..`, `Limit`)",
                "unbounded-query " + endpoint.symbol() + " " + path.description());
    }

    /** Whether a handler's return type hands the client a collection: {@code List<OrderDto>}, {@code ResponseEntity<Flux<..>>}. */
    private static boolean returnsCollection(SourceFile file, Type type) {
        if (type instanceof ArrayType array) {
            return !array.getComponentType().isPrimitiveType();
        }
        if (!(type instanceof ClassOrInterfaceType declared)) {
            return false;
        }
        String name = declared.getNameAsString();
        if (WRAPPERS.contains(name)) {
            return declared.getTypeArguments().filter(a -> !a.isEmpty())
                    .map(a -> returnsCollection(file, a.get(0))).orElse(false);
        }
        return file.refersToAny(declared.getNameWithScope(), COLLECTIONS);
    }

    /** The handler's own return statements, not those of lambdas or classes inside it. */
    private static List<ReturnStmt> returns(MethodDeclaration method) {
        List<ReturnStmt> result = new ArrayList<>();
        for (ReturnStmt returned : method.findAll(ReturnStmt.class)) {
            Node owner = returned.getParentNode().orElse(null);
            while (owner != null && !(owner instanceof CallableDeclaration<?>) && !(owner instanceof LambdaExpr)) {
                owner = owner.getParentNode().orElse(null);
            }
            if (owner == method) {
                result.add(returned);
            }
        }
        return result;
    }

    /**
     * Follows a returned expression to an unbounded repository query: through local variables,
     * transformations ({@code stream().map(..).toList()}), wrappers ({@code ResponseEntity.ok(..)})
     * and, from the handler, one call into a service of the module.
     */
    private static Optional<Path> trace(DataAccessCalls calls, SourceFile file, Expression expression,
            boolean inHandler, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return trace(calls, file, enclosed.getInner(), inHandler, depth + 1);
        }
        if (expression instanceof CastExpr cast) {
            return trace(calls, file, cast.getExpression(), inHandler, depth + 1);
        }
        if (expression instanceof ConditionalExpr conditional) {
            return trace(calls, file, conditional.getThenExpr(), inHandler, depth + 1)
                    .or(() -> trace(calls, file, conditional.getElseExpr(), inHandler, depth + 1));
        }
        if (expression instanceof NameExpr name) {
            return calls.declaration(file, name, name.getNameAsString())
                    .filter(d -> !d.field() && d.initializer() != null)
                    .flatMap(d -> trace(calls, file, d.initializer(), inHandler, depth + 1));
        }
        if (expression instanceof ObjectCreationExpr created) {
            return traceAll(calls, file, created.getArguments(), inHandler, depth);
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        if (BOUNDING_CALLS.contains(name)) {
            return Optional.empty();
        }
        Optional<DataAccessCalls.Receiver> receiver = calls.dataAccessReceiver(file, call);
        if (receiver.isPresent()) {
            return unbounded(calls, file, call, receiver.get())
                    ? Optional.of(new Path(call, "`" + receiver.get().simpleName() + "." + name + "()`",
                            name.equals("findAll")))
                    : Optional.empty();
        }
        if (inHandler) {
            Optional<Path> viaService = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr
                    ? throughOwnMethod(calls, file, call) : throughService(calls, file, call);
            if (viaService.isPresent()) {
                return viaService;
            }
        }
        Optional<Path> inArguments = traceAll(calls, file, call.getArguments(), inHandler, depth);
        if (inArguments.isPresent()) {
            return inArguments;
        }
        return call.getScope().flatMap(scope -> trace(calls, file, scope, inHandler, depth + 1));
    }

    private static Optional<Path> traceAll(DataAccessCalls calls, SourceFile file, List<Expression> arguments,
            boolean inHandler, int depth) {
        for (Expression argument : arguments) {
            Optional<Path> path = trace(calls, file, argument, inHandler, depth + 1);
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }

    /** {@code this.visible()}: a helper of the controller itself, one step away from the handler. */
    private static Optional<Path> throughOwnMethod(DataAccessCalls calls, SourceFile file, MethodCallExpr call) {
        Optional<SourceFacet.DeclaredType> controller = Symbols.enclosingType(call)
                .flatMap(type -> calls.sources().type(file.qualifiedName(type)));
        if (controller.isEmpty()) {
            return Optional.empty();
        }
        return calls.method(controller.get(), call.getNameAsString(), call.getArguments().size())
                .filter(m -> m.method().getBody().isPresent() && !m.owner().file().isAnnotated(m.method(), CACHED))
                .flatMap(m -> returns(m.method()).stream()
                        .map(r -> r.getExpression().flatMap(e -> trace(calls, m.owner().file(), e, false, 0)))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .map(inner -> new Path(call, "`" + m.owner().declaration().getNameAsString() + "#"
                                + call.getNameAsString() + "` → " + inner.description(), inner.wholeTable())));
    }

    /** {@code orderService.all()}: the service method's own returns, one step away from the handler. */
    private static Optional<Path> throughService(DataAccessCalls calls, SourceFile file, MethodCallExpr call) {
        Optional<DataAccessCalls.Declaration> field = call.getScope().flatMap(scope -> {
            if (scope instanceof NameExpr name) {
                return calls.declaration(file, name, name.getNameAsString());
            }
            if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
                return calls.field(file, access, access.getNameAsString());
            }
            return Optional.empty();
        }).filter(d -> d.field() && d.type() != null);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceFacet.DeclaredType> service = calls.moduleType(field.get().file(), field.get().type().asString());
        if (service.isEmpty()) {
            return Optional.empty();
        }
        List<SourceFacet.DeclaredType> candidates = new ArrayList<>(List.of(service.get()));
        candidates.addAll(calls.implementations(service.get()));
        for (SourceFacet.DeclaredType candidate : candidates) {
            Optional<DataAccessCalls.Member> method = calls.method(candidate, call.getNameAsString(),
                    call.getArguments().size()).filter(m -> m.method().getBody().isPresent())
                    .filter(m -> !m.owner().file().isAnnotated(m.method(), CACHED));
            if (method.isEmpty()) {
                continue;
            }
            SourceFile serviceFile = method.get().owner().file();
            for (ReturnStmt returned : returns(method.get().method())) {
                Optional<Path> inner = returned.getExpression()
                        .flatMap(e -> trace(calls, serviceFile, e, false, 0));
                if (inner.isPresent()) {
                    String step = "`" + candidate.declaration().getNameAsString() + "#" + call.getNameAsString() + "`";
                    return Optional.of(new Path(call, step + " → " + inner.get().description(),
                            inner.get().wholeTable()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a repository call returns every row it matches. */
    private static boolean unbounded(DataAccessCalls calls, SourceFile file, MethodCallExpr call,
            DataAccessCalls.Receiver receiver) {
        String name = call.getNameAsString();
        if (!QUERY.matcher(name).matches() || BOUNDED_QUERY.matcher(name).matches()
                || !receiver.simpleName().endsWith("Repository") && receiver.moduleType().isEmpty()
                || receiver.moduleType().filter(repository -> isReferenceData(calls, repository)).isPresent()) {
            return false;
        }
        for (Expression argument : call.getArguments()) {
            if (isBounding(calls, file, argument)) {
                return false;
            }
        }
        Optional<DataAccessCalls.Member> declared = receiver.moduleType()
                .flatMap(type -> calls.method(type, name, call.getArguments().size()));
        if (declared.isPresent()) {
            MethodDeclaration method = declared.get().method();
            if (!MULTI_ROW_RETURNS.contains(DataAccessCalls.simpleName(method.getType().asString()))) {
                return false; // Page, Slice, Optional, a single entity, a count
            }
            for (Parameter parameter : method.getParameters()) {
                if (BOUNDING_TYPES.contains(DataAccessCalls.simpleName(parameter.getType().asString()))) {
                    return false;
                }
            }
            return !limitedByQuery(declared.get().owner().file(), method);
        }
        // Inherited from Spring Data: findAll(), findAll(Sort), findAll(Example), findAll(Specification)
        return name.equals("findAll");
    }

    /** A repository of an entity marked immutable or second-level cached: a small lookup table by design. */
    private static boolean isReferenceData(DataAccessCalls calls, SourceFacet.DeclaredType repository) {
        List<Type> arguments = calls.repositoryTypeArguments(repository);
        if (arguments.isEmpty()) {
            return false;
        }
        return calls.moduleType(repository.file(), arguments.get(0).asString())
                .filter(entity -> entity.file().isAnnotated(entity.declaration(), REFERENCE_DATA))
                .isPresent();
    }

    /** {@code pageable}, {@code PageRequest.of(0, 20)}, {@code Limit.of(100)}, but not {@code Pageable.unpaged()}. */
    private static boolean isBounding(DataAccessCalls calls, SourceFile file, Expression argument) {
        if (argument instanceof NameExpr name) {
            return calls.declaration(file, name, name.getNameAsString())
                    .filter(d -> d.type() != null)
                    .map(d -> BOUNDING_TYPES.contains(DataAccessCalls.simpleName(d.type().asString())))
                    .orElse(false);
        }
        if (argument instanceof MethodCallExpr call && call.getScope().isPresent()) {
            String scope = call.getScope().get().toString();
            return BOUNDING_TYPES.contains(scope.substring(scope.lastIndexOf('.') + 1))
                    && !call.getNameAsString().equals("unpaged") && !call.getNameAsString().equals("unlimited");
        }
        return false;
    }

    /** A {@code @Query} whose text bounds the rows: {@code LIMIT 50}, {@code FETCH FIRST 10 ROWS ONLY}. */
    private static boolean limitedByQuery(SourceFile file, MethodDeclaration method) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
            if (!file.refersToAny(annotation.getNameAsString(), QUERY_ANNOTATIONS)) {
                continue;
            }
            List<Expression> values = new ArrayList<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                values.add(single.getMemberValue());
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                normal.getPairs().forEach(p -> values.add(p.getValue()));
            }
            for (Expression value : values) {
                for (Node text : value.findAll(Node.class)) {
                    String query = text instanceof StringLiteralExpr s ? s.getValue()
                            : text instanceof TextBlockLiteralExpr t ? t.getValue() : "";
                    if (QUERY_LIMIT.matcher(query.toLowerCase(Locale.ROOT)).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
