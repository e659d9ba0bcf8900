package io.archlint.rules.concurrency;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
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
import io.archlint.engine.Stereotypes;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFacet.DeclaredType;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code read-modify-write-race.md}. */
@RuleInfo(
        id = "read-modify-write-race",
        title = "Entity is loaded, changed and saved without a version or a lock",
        category = Category.CONCURRENCY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Two requests that load the same row, change it and write it back overwrite each other's change "
                + "(a lost update); race conditions compromise data integrity in payment, booking and inventory "
                + "systems unless locking or atomic operations are used (backend mistakes article, mistake #3: poor "
                + "concurrency management)")
public final class ReadModifyWriteRaceRule implements Rule {

    /** Spring Data and Micronaut Data repository interfaces whose first type argument is the entity. */
    private static final List<String> REPOSITORIES = List.of(
            "org.springframework.data.repository.Repository",
            "org.springframework.data.repository.CrudRepository",
            "org.springframework.data.repository.ListCrudRepository",
            "org.springframework.data.repository.PagingAndSortingRepository",
            "org.springframework.data.repository.ListPagingAndSortingRepository",
            "org.springframework.data.jpa.repository.JpaRepository",
            "org.springframework.data.mongodb.repository.MongoRepository",
            "io.micronaut.data.repository.GenericRepository",
            "io.micronaut.data.repository.CrudRepository",
            "io.micronaut.data.repository.PageableRepository",
            "io.micronaut.data.jpa.repository.JpaRepository");

    /** Inherited repository methods that load one entity by id. */
    private static final Set<String> INHERITED_LOADS = Set.of("findById", "getReferenceById", "getById", "getOne");

    private static final List<String> ENTITY_MANAGERS = List.of("jakarta.persistence.EntityManager",
            "javax.persistence.EntityManager", "org.hibernate.Session");

    /** {@code EntityManager}/{@code Session} methods that load one entity by class and id. */
    private static final Set<String> ENTITY_MANAGER_LOADS = Set.of("find", "getReference", "get", "load");

    private static final List<String> VERSIONS = List.of("jakarta.persistence.Version", "javax.persistence.Version",
            "org.springframework.data.annotation.Version");

    private static final List<String> ENTITIES = List.of("jakarta.persistence.Entity", "javax.persistence.Entity");

    private static final List<String> LOCKS = List.of("org.springframework.data.jpa.repository.Lock");

    private static final List<String> QUERIES = List.of("org.springframework.data.jpa.repository.Query",
            "io.micronaut.data.annotation.Query");

    private static final List<String> MODIFYING = List.of("org.springframework.data.jpa.repository.Modifying");

    /** Library base classes of entities known to declare no version. */
    private static final Set<String> UNVERSIONED_BASES = Set.of(
            "org.springframework.data.jpa.domain.AbstractPersistable",
            "org.springframework.data.jpa.domain.AbstractAuditable",
            "org.springframework.data.domain.AbstractAggregateRoot", "java.lang.Object");

    /** {@code Optional} calls that take the entity out. */
    private static final Set<String> UNWRAPS = Set.of("orElseThrow", "orElse", "orElseGet", "get");

    /** {@code Optional} calls that hand the entity to a lambda. */
    private static final Set<String> LAMBDA_CALLS = Set.of("map", "flatMap", "ifPresent", "ifPresentOrElse");

    /** Calls that write an entity back. */
    private static final Set<String> SAVES = Set.of("save", "saveAndFlush", "merge", "update", "saveOrUpdate");

    /** Collection calls that change a collection held by the entity. */
    private static final Set<String> COLLECTION_MUTATORS = Set.of("add", "addAll", "remove", "removeAll", "removeIf",
            "clear", "put", "putAll", "set", "retainAll");

    private static final Pattern SETTER = Pattern.compile("set[A-Z]\\w*");

    private static final Pattern FOR_UPDATE = Pattern.compile("(?i)\\bfor\\s+(no\\s+key\\s+)?update\\b");

    /** A module repository: its type and entity, and which of its methods load with a lock. */
    private record Repository(String name, String entity, Set<String> singleLoads, Set<String> locked) {}

    /** One load: the call, the entity it returns, and how it is named in messages. */
    private record Load(MethodCallExpr call, String entity, String verb, boolean locked, boolean entityManager) {}

    /**
     * A variable holding the loaded entity, and the part of the code where it is in scope; or,
     * with no name, the call made directly on the loaded entity.
     */
    private record Tracked(String name, Node scope) {}

    private enum Versioning { VERSIONED, UNVERSIONED, UNKNOWN }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        Map<String, List<Repository>> repositories = repositories(sources);
        Set<String> loadNames = new HashSet<>(ENTITY_MANAGER_LOADS);
        repositories.values().forEach(list -> list.forEach(r -> loadNames.addAll(r.singleLoads())));
        for (SourceFile file : sources.files()) {
            for (MethodDeclaration method : file.findAll(MethodDeclaration.class)) {
                if (method.getBody().isEmpty()) {
                    continue;
                }
                for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                    if (!loadNames.contains(call.getNameAsString())
                            || Symbols.enclosingMember(call).filter(m -> m == method).isEmpty()) {
                        continue;
                    }
                    load(sources, file, repositories, call)
                            .ifPresent(load -> checkLoad(sources, file, method, load, findings));
                }
            }
        }
    }

    private static void checkLoad(SourceFacet sources, SourceFile file, MethodDeclaration method, Load load,
            FindingCollector findings) {
        if (load.locked()) {
            return;
        }
        Optional<DeclaredType> entity = sources.type(load.entity());
        if (entity.isEmpty() || versioning(sources, entity.get(), new HashSet<>()) != Versioning.UNVERSIONED) {
            // An entity of another module, or one whose version may be inherited from a library: do not guess.
            return;
        }
        List<Tracked> tracked = new ArrayList<>();
        follow(load.call(), load.call(), tracked, 0);
        for (Tracked variable : tracked) {
            if (!mutates(sources, entity.get(), variable)) {
                continue;
            }
            if (lockedLater(method, variable.name())) {
                return;
            }
            boolean saved = saves(method, load.call(), variable.name());
            boolean flushed = !saved && dirtyChecked(sources, file, method, entity.get(), load);
            if (!saved && !flushed || serializable(sources, file, method)) {
                continue;
            }
            String simple = entity.get().declaration().getNameAsString();
            String lock = load.entityManager() ? "load it with `LockModeType.PESSIMISTIC_WRITE`"
                    : "load it through a repository method annotated `@Lock(PESSIMISTIC_WRITE)`";
            findings.report(file, load.call(), Symbols.of(file, load.call()), "`" + Symbols.shortOf(load.call())
                    + "` loads `" + simple + "` with `" + load.verb() + "`, changes it and "
                    + (saved ? "saves it" : "lets the transaction write it back")
                    + " without a `@Version` field or a lock; add `@Version private long version;` to `" + simple
                    + "` (optimistic locking) or " + lock);
            return;
        }
    }

    // ---- repositories and loads ----

    private static Map<String, List<Repository>> repositories(SourceFacet sources) {
        Map<String, List<Repository>> bySimpleName = new HashMap<>();
        for (SourceFile file : sources.files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (!type.isInterface()) {
                    continue;
                }
                String name = file.qualifiedName(type);
                Optional<String> entity = entityOf(sources, file, type, Map.of(), 0);
                if (entity.isEmpty()) {
                    continue;
                }
                Set<String> singleLoads = new HashSet<>(INHERITED_LOADS);
                Set<String> locked = new HashSet<>();
                collectMethods(sources, file, type, entity.get(), singleLoads, locked, 0);
                bySimpleName.computeIfAbsent(type.getNameAsString(), k -> new ArrayList<>())
                        .add(new Repository(name, entity.get(), singleLoads, locked));
            }
        }
        return bySimpleName;
    }

    /**
     * The entity of a repository interface: the first type argument of a Spring Data or
     * Micronaut Data supertype, through the module's own generic base repositories.
     */
    private static Optional<String> entityOf(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type,
            Map<String, String> bindings, int depth) {
        if (depth > 4) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            List<Type> arguments = parent.getTypeArguments().map(List::copyOf).orElse(List.of());
            List<String> resolved = arguments.stream().map(a -> bind(file, a, bindings)).toList();
            if (ConcurrencySource.denotesAny(sources, file, parent.getNameWithScope(), REPOSITORIES)) {
                if (!resolved.isEmpty() && resolved.get(0) != null) {
                    return Optional.of(resolved.get(0));
                }
                continue;
            }
            Optional<DeclaredType> declared = sources.type(file.resolve(parent.getNameWithScope()));
            if (declared.isPresent() && declared.get().declaration() instanceof ClassOrInterfaceDeclaration base) {
                Map<String, String> next = new HashMap<>();
                for (int i = 0; i < base.getTypeParameters().size() && i < resolved.size(); i++) {
                    if (resolved.get(i) != null) {
                        next.put(base.getTypeParameter(i).getNameAsString(), resolved.get(i));
                    }
                }
                Optional<String> entity = entityOf(sources, declared.get().file(), base, next, depth + 1);
                if (entity.isPresent()) {
                    return entity;
                }
            }
        }
        return Optional.empty();
    }

    /** A type argument as a qualified name, with the type variables bound so far; null when unbound. */
    private static String bind(SourceFile file, Type argument, Map<String, String> bindings) {
        if (!(argument instanceof ClassOrInterfaceType type)) {
            return null;
        }
        String written = ConcurrencySource.stripGenerics(type.getNameWithScope());
        if (bindings.containsKey(written)) {
            return bindings.get(written);
        }
        if (written.length() <= 2 && written.equals(written.toUpperCase(Locale.ROOT))) {
            // An unbound type variable such as T or ID.
            return null;
        }
        return file.resolve(written);
    }

    /** The methods a repository declares (or its module super-interfaces do) that load one entity or take a lock. */
    private static void collectMethods(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type,
            String entity, Set<String> singleLoads, Set<String> locked, int depth) {
        for (MethodDeclaration method : type.getMethods()) {
            String name = method.getNameAsString();
            List<AnnotationExpr> annotations = method.getAnnotations();
            if (ConcurrencySource.annotated(sources, file, annotations, MODIFYING)) {
                continue;
            }
            if (returnsEntity(file, method.getType(), entity)) {
                singleLoads.add(name);
            }
            boolean lock = ConcurrencySource.annotation(sources, file, annotations, LOCKS)
                    .filter(a -> !a.toString().contains("NONE")).isPresent();
            boolean forUpdate = ConcurrencySource.annotation(sources, file, annotations, QUERIES)
                    .filter(a -> FOR_UPDATE.matcher(a.toString()).find()).isPresent();
            if (lock || forUpdate) {
                locked.add(name);
            }
        }
        if (depth > 4) {
            return;
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            Optional<DeclaredType> declared = sources.type(file.resolve(parent.getNameWithScope()));
            if (declared.isPresent() && declared.get().declaration() instanceof ClassOrInterfaceDeclaration base) {
                collectMethods(sources, declared.get().file(), base, entity, singleLoads, locked, depth + 1);
            }
        }
    }

    /** {@code Order}, {@code Optional<Order>} (or a type variable, in a generic base repository). */
    private static boolean returnsEntity(SourceFile file, Type type, String entity) {
        if (!(type instanceof ClassOrInterfaceType returned)) {
            return false;
        }
        if (returned.getNameAsString().equals("Optional")) {
            return returned.getTypeArguments().filter(a -> a.size() == 1)
                    .map(a -> returnsEntity(file, a.get(0), entity)).orElse(false);
        }
        String written = returned.getNameWithScope();
        return file.resolve(written).equals(entity) || written.equals("T");
    }

    /** The load a call makes, if it loads one entity from a module repository or an {@code EntityManager}. */
    private static Optional<Load> load(SourceFacet sources, SourceFile file, Map<String, List<Repository>> repositories,
            MethodCallExpr call) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Optional<Type> type = receiverType(scope.get());
        if (type.isEmpty() || !(type.get() instanceof ClassOrInterfaceType declared)) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        String written = declared.getNameWithScope();
        for (Repository repository : repositories.getOrDefault(declared.getNameAsString(), List.of())) {
            if (ConcurrencySource.denotes(sources, file, written, repository.name())
                    && repository.singleLoads().contains(name)) {
                return Optional.of(new Load(call, repository.entity(), name, repository.locked().contains(name), false));
            }
        }
        if (ENTITY_MANAGER_LOADS.contains(name) && call.getArguments().size() >= 2
                && call.getArgument(0) instanceof ClassExpr entityClass
                && ConcurrencySource.denotesAny(sources, file, written, ENTITY_MANAGERS)) {
            boolean locked = call.getArguments().stream().skip(2)
                    .anyMatch(a -> a.toString().contains("PESSIMISTIC") || a.toString().contains("OPTIMISTIC"));
            String entity = file.resolve(entityClass.getType().asString());
            return Optional.of(new Load(call, entity, "EntityManager." + name, locked, true));
        }
        return Optional.empty();
    }

    /** The declared type of {@code orders} or {@code this.orders}. */
    private static Optional<Type> receiverType(Expression scope) {
        if (scope instanceof NameExpr name) {
            return ConcurrencySource.declaredType(name.getNameAsString(), scope);
        }
        if (scope instanceof FieldAccessExpr field && field.getScope().isThisExpr()) {
            return ConcurrencySource.enclosingType(scope)
                    .flatMap(t -> ConcurrencySource.field(t, field.getNameAsString()))
                    .map(VariableDeclarator::getType);
        }
        return Optional.empty();
    }

    // ---- where the entity goes ----

    /**
     * Follows the loaded entity from expression {@code e} through {@code Optional} unwrapping into
     * a local variable or a lambda parameter.
     */
    private static void follow(MethodCallExpr load, Expression e, List<Tracked> tracked, int depth) {
        Expression current = e;
        while (depth < 4) {
            Node parent = current.getParentNode().orElse(null);
            if (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
                current = (Expression) parent;
                continue;
            }
            if (parent instanceof MethodCallExpr next && next.getScope().orElse(null) == current) {
                if (UNWRAPS.contains(next.getNameAsString()) || next.getNameAsString().equals("filter")) {
                    // filter(..) keeps the same entity: follow on to map(..) or orElseThrow().
                    current = next;
                    continue;
                }
                if (LAMBDA_CALLS.contains(next.getNameAsString())) {
                    if (!next.getArguments().isEmpty() && next.getArgument(0) instanceof LambdaExpr lambda
                            && !lambda.getParameters().isEmpty()) {
                        tracked.add(new Tracked(lambda.getParameter(0).getNameAsString(), lambda.getBody()));
                    }
                } else {
                    // repository.findById(id).orElseThrow().setStatus(CANCELLED): changed in place.
                    tracked.add(new Tracked(null, next));
                }
                return;
            }
            String variable = null;
            if (parent instanceof VariableDeclarator declarator && declarator.getInitializer().orElse(null) == current
                    && !(declarator.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                variable = declarator.getNameAsString();
            } else if (parent instanceof AssignExpr assign && assign.getValue() == current
                    && assign.getTarget() instanceof NameExpr target) {
                variable = target.getNameAsString();
            }
            if (variable == null) {
                return;
            }
            Optional<CallableDeclaration<?>> method = load.findAncestor(CallableDeclaration.class).map(c -> c);
            if (method.isEmpty()) {
                return;
            }
            tracked.add(new Tracked(variable, method.get()));
            // An Optional kept in a variable: follow its later unwrapping or lambda.
            for (NameExpr use : method.get().findAll(NameExpr.class)) {
                if (use.getNameAsString().equals(variable) && use.getBegin().isPresent()
                        && current.getEnd().isPresent() && use.getBegin().get().isAfter(current.getEnd().get())
                        && use.getParentNode().orElse(null) instanceof MethodCallExpr next
                        && next.getScope().orElse(null) == use
                        && (UNWRAPS.contains(next.getNameAsString()) || LAMBDA_CALLS.contains(next.getNameAsString()))) {
                    follow(load, use, tracked, depth + 1);
                }
            }
            return;
        }
    }

    /** Whether the tracked variable is changed: a setter, a field write, a mutating method of the entity. */
    private static boolean mutates(SourceFacet sources, DeclaredType entity, Tracked variable) {
        if (variable.name() == null) {
            MethodCallExpr call = (MethodCallExpr) variable.scope();
            String name = call.getNameAsString();
            return SETTER.matcher(name).matches() && !call.getArguments().isEmpty()
                    || mutatingMethod(sources, entity, name, call.getArguments().size(), new HashSet<>());
        }
        for (MethodCallExpr call : variable.scope().findAll(MethodCallExpr.class)) {
            Optional<Expression> scope = call.getScope();
            if (scope.isEmpty()) {
                continue;
            }
            if (isVariable(scope.get(), variable.name())) {
                String name = call.getNameAsString();
                if (SETTER.matcher(name).matches() && !call.getArguments().isEmpty()
                        || mutatingMethod(sources, entity, name, call.getArguments().size(), new HashSet<>())) {
                    return true;
                }
            }
            // order.getItems().add(item)
            if (COLLECTION_MUTATORS.contains(call.getNameAsString()) && scope.get() instanceof MethodCallExpr getter
                    && getter.getNameAsString().startsWith("get") && getter.getArguments().isEmpty()
                    && getter.getScope().filter(s -> isVariable(s, variable.name())).isPresent()) {
                return true;
            }
        }
        for (AssignExpr assign : variable.scope().findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof FieldAccessExpr field && isVariable(field.getScope(), variable.name())) {
                return true;
            }
        }
        for (UnaryExpr unary : variable.scope().findAll(UnaryExpr.class)) {
            if (unary.getExpression() instanceof FieldAccessExpr field && isVariable(field.getScope(), variable.name())
                    && isIncrement(unary)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVariable(Expression expression, String name) {
        return expression instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    /**
     * Whether a method of the entity (or a module superclass) changes its state: assigns a field,
     * increments one, calls a setter or changes a collection field.
     */
    private static boolean mutatingMethod(SourceFacet sources, DeclaredType entity, String name, int arguments,
            Set<String> seen) {
        if (!seen.add(entity.qualifiedName()) || !(entity.declaration() instanceof ClassOrInterfaceDeclaration type)) {
            return false;
        }
        for (MethodDeclaration method : type.getMethodsByName(name)) {
            if (method.getParameters().size() != arguments || method.getBody().isEmpty()) {
                continue;
            }
            for (AssignExpr assign : method.findAll(AssignExpr.class)) {
                if (ownField(type, assign.getTarget())) {
                    return true;
                }
            }
            for (UnaryExpr unary : method.findAll(UnaryExpr.class)) {
                if (isIncrement(unary) && ownField(type, unary.getExpression())) {
                    return true;
                }
            }
            for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                boolean onThis = call.getScope().isEmpty() || call.getScope().get().isThisExpr();
                if (onThis && SETTER.matcher(call.getNameAsString()).matches() && !call.getArguments().isEmpty()) {
                    return true;
                }
                if (COLLECTION_MUTATORS.contains(call.getNameAsString())
                        && call.getScope().filter(s -> ownField(type, s)).isPresent()) {
                    return true;
                }
            }
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            Optional<DeclaredType> base = sources.type(entity.file().resolve(parent.getNameWithScope()));
            if (base.isPresent() && mutatingMethod(sources, base.get(), name, arguments, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code status} or {@code this.status}, where {@code status} is a field rather than a local. */
    private static boolean ownField(ClassOrInterfaceDeclaration type, Expression target) {
        if (target instanceof FieldAccessExpr field) {
            return field.getScope().isThisExpr();
        }
        if (target instanceof NameExpr name) {
            Optional<Node> declaration = ConcurrencySource.declaration(name.getNameAsString(), target);
            return declaration.isPresent() && declaration.get().getParentNode().orElse(null) instanceof FieldDeclaration;
        }
        return false;
    }

    private static boolean isIncrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    /** A save of the entity in the same method: {@code save(order)}, {@code save(<the load chain>)}, {@code map(orders::save)}. */
    private static boolean saves(MethodDeclaration method, MethodCallExpr load, String variable) {
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (!SAVES.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
                continue;
            }
            for (Expression argument : call.getArguments()) {
                if (isVariable(argument, variable) || argument == load || argument.isAncestorOf(load)) {
                    return true;
                }
            }
        }
        return method.findAll(MethodReferenceExpr.class).stream()
                .anyMatch(reference -> SAVES.contains(reference.getIdentifier())
                        && Character.isLowerCase(reference.getScope().toString().charAt(0)));
    }

    /** {@code entityManager.lock(order, PESSIMISTIC_WRITE)} or {@code refresh(order, PESSIMISTIC_WRITE)} after loading. */
    private static boolean lockedLater(MethodDeclaration method, String variable) {
        return method.findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> (call.getNameAsString().equals("lock") || call.getNameAsString().equals("refresh"))
                        && call.getArguments().size() >= 2 && isVariable(call.getArgument(0), variable));
    }

    /**
     * Whether the change is written back by JPA dirty checking: a JPA entity loaded in a
     * read-write {@code @Transactional} method (or a public method of a {@code @Transactional} class).
     */
    private static boolean dirtyChecked(SourceFacet sources, SourceFile file, MethodDeclaration method,
            DeclaredType entity, Load load) {
        boolean jpa = load.entityManager() || ConcurrencySource.annotated(sources, entity.file(),
                entity.declaration().getAnnotations(), ENTITIES);
        if (!jpa) {
            return false;
        }
        Optional<AnnotationExpr> transactional = transactional(sources, file, method);
        if (transactional.isEmpty()) {
            return false;
        }
        String text = transactional.get().toString().replace(" ", "");
        return !text.contains("readOnly=true") && !text.contains("NOT_SUPPORTED") && !text.contains("NEVER")
                && !transactional.get().getNameAsString().endsWith("ReadOnly");
    }

    private static Optional<AnnotationExpr> transactional(SourceFacet sources, SourceFile file, MethodDeclaration method) {
        List<String> annotations = Stereotypes.transactionalAnnotations();
        Optional<AnnotationExpr> own = ConcurrencySource.annotation(sources, file, method.getAnnotations(), annotations);
        if (own.isPresent()) {
            return own;
        }
        if (method.isPrivate() || method.isStatic()) {
            return Optional.empty();
        }
        return method.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t)
                .flatMap(t -> ConcurrencySource.annotation(sources, file, t.getAnnotations(), annotations));
    }

    /** {@code @Transactional(isolation = SERIALIZABLE)}: the database rejects the lost update. */
    private static boolean serializable(SourceFacet sources, SourceFile file, MethodDeclaration method) {
        return transactional(sources, file, method).filter(a -> a.toString().contains("SERIALIZABLE")).isPresent();
    }

    /** Whether an entity (or a module superclass) declares a version; unknown when a library superclass may. */
    private static Versioning versioning(SourceFacet sources, DeclaredType entity, Set<String> seen) {
        if (!seen.add(entity.qualifiedName())) {
            return Versioning.UNVERSIONED;
        }
        TypeDeclaration<?> type = entity.declaration();
        for (FieldDeclaration field : type.getFields()) {
            if (ConcurrencySource.annotated(sources, entity.file(), field.getAnnotations(), VERSIONS)) {
                return Versioning.VERSIONED;
            }
        }
        for (MethodDeclaration method : type.getMethods()) {
            if (ConcurrencySource.annotated(sources, entity.file(), method.getAnnotations(), VERSIONS)) {
                return Versioning.VERSIONED;
            }
        }
        if (!(type instanceof ClassOrInterfaceDeclaration declaration)) {
            return type.isRecordDeclaration() ? Versioning.UNVERSIONED : Versioning.UNKNOWN;
        }
        for (ClassOrInterfaceType parent : declaration.getExtendedTypes()) {
            String resolved = entity.file().resolve(parent.getNameWithScope());
            Optional<DeclaredType> base = sources.type(resolved);
            if (base.isPresent()) {
                Versioning inherited = versioning(sources, base.get(), seen);
                if (inherited != Versioning.UNVERSIONED) {
                    return inherited;
                }
            } else if (UNVERSIONED_BASES.stream().noneMatch(b -> entity.file().refersTo(parent.getNameWithScope(), b))) {
                return Versioning.UNKNOWN;
            }
        }
        return Versioning.UNVERSIONED;
    }
}
