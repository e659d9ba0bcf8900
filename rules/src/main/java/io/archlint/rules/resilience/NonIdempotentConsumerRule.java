package io.archlint.rules.resilience;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.archlint.engine.source.StringValues;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code non-idempotent-consumer.md}. */
@RuleInfo(
        id = "non-idempotent-consumer",
        title = "Message listener writes without a de-duplication check",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE_AND_SUBTYPES,
        since = "0.1.0",
        reason = "Brokers deliver at least once, so a redelivered message runs the listener again; without "
                + "idempotent handling, retries cause duplicates (idempotency issues, in the backend challenges article)")
public final class NonIdempotentConsumerRule implements Rule {

    /** Methods of a class-level {@code @KafkaListener}/{@code @RabbitListener} that receive the messages. */
    private static final List<String> HANDLER_ANNOTATIONS = List.of(
            "org.springframework.kafka.annotation.KafkaHandler",
            "org.springframework.amqp.rabbit.annotation.RabbitHandler");
    /** Listener interfaces whose {@code onMessage} receives the messages. */
    private static final List<String> LISTENER_INTERFACES = List.of(
            "jakarta.jms.MessageListener", "javax.jms.MessageListener",
            "org.springframework.jms.listener.SessionAwareMessageListener",
            "org.springframework.kafka.listener.MessageListener",
            "org.springframework.kafka.listener.AcknowledgingMessageListener",
            "org.springframework.kafka.listener.ConsumerAwareMessageListener",
            "org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener",
            "org.springframework.amqp.core.MessageListener",
            "org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener");
    private static final String LISTENER_METHOD = "onMessage";
    /** Annotations that hold a repository or mapper method's SQL. */
    private static final List<String> QUERY_ANNOTATIONS = List.of(
            "org.springframework.data.jpa.repository.Query",
            "org.springframework.data.jdbc.repository.query.Query",
            "io.micronaut.data.annotation.Query",
            "org.apache.ibatis.annotations.Insert", "org.apache.ibatis.annotations.Update",
            "org.apache.ibatis.annotations.Delete");
    /** Statements that skip a repeat through a unique key. */
    private static final Pattern UPSERT = Pattern.compile(
            "\\bON\\s+CONFLICT\\b|\\bON\\s+DUPLICATE\\s+KEY\\b|\\bMERGE\\s+INTO\\b|\\bINSERT\\s+IGNORE\\b"
                    + "|\\bINSERT\\s+OR\\s+(IGNORE|REPLACE)\\b|\\bIF\\s+NOT\\s+EXISTS\\b|\\bWHERE\\s+NOT\\s+EXISTS\\b",
            Pattern.CASE_INSENSITIVE);
    /** An assignment relative to the old value ({@code balance = balance + ?}): a repeat applies it twice. */
    private static final Pattern RELATIVE_ASSIGNMENT = Pattern.compile(
            "\\b([A-Za-z_][\\w.]*)\\s*=\\s*\\1\\s*[-+*/]", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)");
    /** Read methods whose result, when present, makes a listener skip the message. */
    private static final Pattern READ_NAME = Pattern.compile("(find|get|load|fetch|query|select|read|exists|count).*");
    /** Names of types, fields and calls that de-duplicate: an inbox, a processed-ids table, an idempotency helper. */
    private static final List<String> DEDUP_STEMS = List.of("dedup", "idempoten", "duplicate", "processed", "inbox");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        Walker walker = new Walker(codebase.sources(), codebase.stereotypes());
        Set<String> listenerAnnotations = codebase.stereotypes().listenerAnnotations();
        for (SourceFile file : codebase.sources().files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (type.isInterface()) {
                    continue;
                }
                String name = file.qualifiedName(type);
                boolean listenerClass = file.isAnnotated(type, listenerAnnotations);
                boolean implementsListener = codebase.sources().supertypes(name).stream()
                        .anyMatch(parent -> parent.refersToAny(LISTENER_INTERFACES));
                for (MethodDeclaration method : type.getMethods()) {
                    boolean listener = file.isAnnotated(method, listenerAnnotations)
                            || listenerClass && file.isAnnotated(method, HANDLER_ANNOTATIONS)
                            || implementsListener && method.getNameAsString().equals(LISTENER_METHOD)
                                    && !method.isStatic() && !method.getParameters().isEmpty();
                    if (!listener || walker.isIdempotent(type)) {
                        continue;
                    }
                    Trace trace = new Trace();
                    walker.walk(new Owner(file, type), method, "", true, trace);
                    if (!trace.guarded && trace.write != null) {
                        findings.report(file, method.getName(), name + "#" + method.getNameAsString(),
                                "listener `" + method.getNameAsString() + "` writes through " + trace.write
                                        + " without a de-duplication check; record processed message ids in a table "
                                        + "with a unique key and skip repeats, or make the write an upsert");
                    }
                }
            }
        }
    }

    /** A class whose method is being read, with the file that resolves its names. */
    private record Owner(SourceFile file, ClassOrInterfaceDeclaration type) {}

    /** What a listener's path shows: the first write, and whether anything on the path de-duplicates. */
    private static final class Trace {
        boolean guarded;
        String write;
    }

    /** How a statement treats a repeated message. */
    private enum Sql { UPSERT, IDEMPOTENT, WRITE, UNKNOWN }

    /** Reads a listener and, one call deep, the same-class methods and injected services it calls. */
    private static final class Walker {
        private final SourceFacet sources;
        private final Stereotypes stereotypes;
        private Map<String, List<DeclaredType>> implementations;

        Walker(SourceFacet sources, Stereotypes stereotypes) {
            this.sources = sources;
            this.stereotypes = stereotypes;
        }

        boolean isIdempotent(NodeWithAnnotations<?> element) {
            return element.getAnnotations().stream()
                    .anyMatch(a -> stereotypes.idempotencyAnnotations().contains(a.getName().getIdentifier()));
        }

        void walk(Owner owner, MethodDeclaration method, String via, boolean follow, Trace trace) {
            if (isIdempotent(method)) {
                trace.guarded = true;
                return;
            }
            if (method.getBody().isEmpty()) {
                return;
            }
            BlockStmt body = method.getBody().get();
            Set<String> locals = locals(method);
            if (mentionsUpsert(body) || createsDedupRecord(body) || skipsWhenFound(owner, body, locals)) {
                trace.guarded = true;
                return;
            }
            for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
                String name = call.getNameAsString();
                Optional<String> root = rootField(call).filter(f -> !locals.contains(f));
                Optional<String> rootType = root.flatMap(f -> fieldType(owner.type(), f));
                if (isDedupCall(name) || root.filter(NonIdempotentConsumerRule::isDedupName).isPresent()
                        || rootType.filter(NonIdempotentConsumerRule::isDedupName).isPresent()) {
                    trace.guarded = true;
                    return;
                }
                if (rootType.isPresent() && isDataAccess(owner.file(), rootType.get())) {
                    Sql sql = classify(owner, call, rootType.get());
                    if (sql == Sql.UPSERT) {
                        trace.guarded = true;
                        return;
                    }
                    boolean library = owner.file().refersToAny(rootType.get(), stereotypes.dataAccessTypes());
                    if (sql != Sql.IDEMPOTENT && isWrite(name, library) && trace.write == null) {
                        trace.write = via + "`" + root.get() + "." + name + "`";
                    }
                    continue;
                }
                if (follow) {
                    followCall(owner, method, call, root, rootType, via, trace);
                    if (trace.guarded) {
                        return;
                    }
                }
            }
        }

        private void followCall(Owner owner, MethodDeclaration caller, MethodCallExpr call, Optional<String> root,
                Optional<String> rootType, String via, Trace trace) {
            int arity = call.getArguments().size();
            Optional<Expression> scope = call.getScope();
            if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
                for (MethodDeclaration callee : owner.type().getMethodsByName(call.getNameAsString())) {
                    if (callee != caller && callee.getParameters().size() == arity) {
                        walk(owner, callee, via + "`" + callee.getNameAsString() + "` -> ", false, trace);
                    }
                }
                return;
            }
            // An injected service of the module: the call's receiver is the field itself, not a chain.
            boolean direct = scope.get() instanceof NameExpr
                    || scope.get() instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr;
            if (!direct || rootType.isEmpty() || root.isEmpty()) {
                return;
            }
            for (DeclaredType service : implementationsOf(owner.file().resolve(rootType.get()))) {
                if (!(service.declaration() instanceof ClassOrInterfaceDeclaration type)) {
                    continue;
                }
                if (isIdempotent(type)) {
                    trace.guarded = true;
                    return;
                }
                Owner target = new Owner(service.file(), type);
                for (MethodDeclaration callee : type.getMethodsByName(call.getNameAsString())) {
                    if (callee.getParameters().size() == arity) {
                        walk(target, callee, via + "`" + type.getNameAsString() + "." + callee.getNameAsString() + "` -> ",
                                false, trace);
                    }
                }
            }
        }

        /** The module's class of that name, or the single implementation of the module's interface. */
        private List<DeclaredType> implementationsOf(String typeName) {
            Optional<DeclaredType> declared = sources.type(typeName);
            if (declared.isEmpty() || !(declared.get().declaration() instanceof ClassOrInterfaceDeclaration type)) {
                return List.of();
            }
            if (!type.isInterface()) {
                return List.of(declared.get());
            }
            if (implementations == null) {
                implementations = new HashMap<>();
                for (SourceFile file : sources.files()) {
                    for (ClassOrInterfaceDeclaration candidate : file.findAll(ClassOrInterfaceDeclaration.class)) {
                        if (candidate.isInterface()) {
                            continue;
                        }
                        DeclaredType implementation = new DeclaredType(file, candidate, file.qualifiedName(candidate));
                        for (ClassOrInterfaceType parent : candidate.getImplementedTypes()) {
                            implementations.computeIfAbsent(file.resolve(parent.getNameWithScope()), k -> new ArrayList<>())
                                    .add(implementation);
                        }
                    }
                }
            }
            List<DeclaredType> found = implementations.getOrDefault(typeName, List.of());
            return found.size() == 1 ? found : List.of();
        }

        /** Data access by type, by annotation, by supertype; a type of another module by its name. */
        private boolean isDataAccess(SourceFile file, String written) {
            if (file.refersToAny(written, stereotypes.dataAccessTypes())) {
                return true;
            }
            String resolved = file.resolve(written);
            Optional<DeclaredType> declared = sources.type(resolved);
            if (declared.isPresent()) {
                return declared.get().file().isAnnotated(declared.get().declaration(), stereotypes.dataAccessAnnotations())
                        || sources.supertypes(resolved).stream().anyMatch(parent ->
                                parent.refersToAny(stereotypes.dataAccessTypes())
                                        || stereotypes.isDataAccessTypeName(parent.resolved()));
            }
            String simple = written.substring(written.lastIndexOf('.') + 1);
            return stereotypes.isDataAccessTypeName(resolved)
                    || simple.endsWith("Repository") || simple.endsWith("Dao") || simple.endsWith("DAO");
        }

        /** The SQL behind a write: a literal or constant in the call chain, or the repository method's query. */
        private Sql classify(Owner owner, MethodCallExpr call, String receiverType) {
            Expression current = call;
            while (current instanceof MethodCallExpr chained) {
                for (Expression argument : chained.getArguments()) {
                    Optional<String> sql = StringValues.of(sources, owner.file(), argument);
                    if (sql.isPresent()) {
                        return classifySql(sql.get());
                    }
                }
                current = chained.getScope().orElse(null);
            }
            Optional<DeclaredType> repository = sources.type(owner.file().resolve(receiverType));
            if (repository.isEmpty()) {
                return Sql.UNKNOWN;
            }
            for (MethodDeclaration method : repository.get().declaration().getMethodsByName(call.getNameAsString())) {
                Optional<AnnotationExpr> query = repository.get().file().annotation(method, QUERY_ANNOTATIONS);
                Optional<String> sql = query.flatMap(NonIdempotentConsumerRule::annotationValue)
                        .flatMap(value -> StringValues.of(sources, repository.get().file(), value));
                if (sql.isPresent()) {
                    return classifySql(sql.get());
                }
            }
            return Sql.UNKNOWN;
        }

        /** An upsert or insert-if-absent literal anywhere on the path. */
        private boolean mentionsUpsert(BlockStmt body) {
            return body.findAll(StringLiteralExpr.class).stream().anyMatch(l -> UPSERT.matcher(l.asString()).find())
                    || body.findAll(TextBlockLiteralExpr.class).stream().anyMatch(l -> UPSERT.matcher(l.asString()).find());
        }

        /** {@code if (orders.findByReference(ref).isPresent()) return;}: a lookup that skips a repeat. */
        private boolean skipsWhenFound(Owner owner, BlockStmt body, Set<String> locals) {
            for (IfStmt test : body.findAll(IfStmt.class)) {
                if (!skips(test.getThenStmt())) {
                    continue;
                }
                Expression condition = test.getCondition();
                List<MethodCallExpr> presence = new ArrayList<>(condition.findAll(MethodCallExpr.class,
                        c -> c.getNameAsString().equals("isPresent")
                                && !(c.getParentNode().orElse(null) instanceof UnaryExpr unary
                                        && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT)));
                for (MethodCallExpr call : presence) {
                    if (call.getScope().filter(s -> readsData(owner, body, s, locals)).isPresent()) {
                        return true;
                    }
                }
                for (BinaryExpr comparison : condition.findAll(BinaryExpr.class,
                        b -> b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
                    Expression other = comparison.getLeft() instanceof NullLiteralExpr ? comparison.getRight()
                            : comparison.getRight() instanceof NullLiteralExpr ? comparison.getLeft() : null;
                    if (other != null && readsData(owner, body, other, locals)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A data access read, directly or through a local variable it initialised. */
        private boolean readsData(Owner owner, BlockStmt body, Expression expression, Set<String> locals) {
            if (expression instanceof NameExpr variable && locals.contains(variable.getNameAsString())) {
                return body.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(variable.getNameAsString()))
                        .stream()
                        .flatMap(v -> v.getInitializer().stream())
                        .anyMatch(init -> readsData(owner, body, init, Set.of()));
            }
            List<MethodCallExpr> calls = new ArrayList<>(expression.findAll(MethodCallExpr.class));
            return calls.stream().anyMatch(call -> READ_NAME.matcher(call.getNameAsString()).matches()
                    && rootField(call).flatMap(f -> fieldType(owner.type(), f))
                            .filter(type -> isDataAccess(owner.file(), type))
                            .isPresent());
        }
    }

    private static boolean skips(Statement statement) {
        if (statement instanceof BlockStmt block) {
            return !block.getStatements().isEmpty() && skips(block.getStatement(block.getStatements().size() - 1));
        }
        return statement instanceof ReturnStmt || statement instanceof ContinueStmt;
    }

    /** {@code new ProcessedMessage(id)}: the listener records what it processed. */
    private static boolean createsDedupRecord(BlockStmt body) {
        return body.findAll(ObjectCreationExpr.class).stream()
                .anyMatch(creation -> isDedupName(creation.getType().getNameAsString()));
    }

    private static Sql classifySql(String sql) {
        if (UPSERT.matcher(sql).find()) {
            return Sql.UPSERT;
        }
        var first = FIRST_WORD.matcher(sql);
        if (!first.find()) {
            return Sql.UNKNOWN;
        }
        return switch (first.group(1).toUpperCase(Locale.ROOT)) {
            case "DELETE", "SELECT" -> Sql.IDEMPOTENT;
            // Setting absolute values twice leaves the same row; adding to the old value does not.
            case "UPDATE" -> RELATIVE_ASSIGNMENT.matcher(sql).find() ? Sql.WRITE : Sql.IDEMPOTENT;
            case "INSERT" -> Sql.WRITE;
            default -> Sql.UNKNOWN;
        };
    }

    /**
     * save, persist, merge, insert, update, increment; {@code create*} only on the module's own
     * repositories, since on {@code EntityManager} or {@code Session} it builds a query.
     */
    private static boolean isWrite(String name, boolean libraryType) {
        return name.startsWith("save") || name.startsWith("persist") || name.equals("merge")
                || name.startsWith("insert") || name.startsWith("update") || name.startsWith("increment")
                || name.equals("batchUpdate") || name.equals("executeUpdate") || name.equals("executeLargeUpdate")
                || !libraryType && name.startsWith("create");
    }

    /** exists*, isProcessed and the like, *dedup*, *idempot*, find-by-message-or-event-id, put-if-absent, upsert. */
    private static boolean isDedupCall(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith("exists") || lower.startsWith("upsert") || lower.contains("ifabsent")
                || lower.contains("ifnotexists") || lower.contains("dedup") || lower.contains("idempoten")
                || lower.contains("duplicate")) {
            return true;
        }
        if (lower.contains("processed")) {
            return Set.of("is", "was", "has", "already", "mark", "processed").stream().anyMatch(lower::startsWith);
        }
        return READ_NAME.matcher(name).matches() && (lower.contains("messageid") || lower.contains("eventid"));
    }

    private static boolean isDedupName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DEDUP_STEMS.stream().anyMatch(lower::contains);
    }

    /** The field at the start of a call chain: {@code orders} in {@code orders.save(o)} or {@code this.jdbc.sql(..).update()}. */
    private static Optional<String> rootField(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr inner) {
            scope = inner.getScope().orElse(null);
        }
        if (scope instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }

    /** A field's type as written, without type arguments. */
    private static Optional<String> fieldType(ClassOrInterfaceDeclaration type, String field) {
        return type.getFieldByName(field)
                .map(FieldDeclaration::getVariables)
                .flatMap(variables -> variables.stream().filter(v -> v.getNameAsString().equals(field)).findFirst())
                .map(VariableDeclarator::getType)
                .filter(ClassOrInterfaceType.class::isInstance)
                .map(t -> ((ClassOrInterfaceType) t).getNameWithScope());
    }

    /** Parameters (of lambdas and catch blocks too) and local variables, which hide fields of the same name. */
    private static Set<String> locals(MethodDeclaration method) {
        Set<String> names = new HashSet<>();
        method.findAll(Parameter.class).forEach(p -> names.add(p.getNameAsString()));
        method.findAll(VariableDeclarator.class).forEach(v -> names.add(v.getNameAsString()));
        return names;
    }

    private static Optional<Expression> annotationValue(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Optional.of(single.getMemberValue());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                    .map(MemberValuePair::getValue).findFirst();
        }
        return Optional.empty();
    }
}
