package io.archlint.rules.resilience;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@code retry-without-backoff.md}. */
@RuleInfo(
        id = "retry-without-backoff",
        title = "Retry without exponential backoff",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Retries that follow a failure at once, or all at the same fixed pace, pile load onto a service "
                + "that is already failing; the backend challenges article warns that blind retries can worsen "
                + "failure conditions and that exponential backoff makes systems more resilient")
public final class RetryWithoutBackoffRule implements Rule {

    private static final List<String> SPRING_RETRYABLE = List.of("org.springframework.retry.annotation.Retryable");
    private static final List<String> FRAMEWORK_RETRYABLE = List.of("org.springframework.resilience.annotation.Retryable");
    /** Spring Framework 7 {@code @Retryable} attributes that shape the delay. */
    private static final Set<String> FRAMEWORK_DELAY_ATTRIBUTES = Set.of("delay", "delayString", "multiplier",
            "multiplierString", "jitter", "jitterString", "maxDelay", "maxDelayString");

    private static final List<String> RETRY_TEMPLATE = List.of("org.springframework.retry.support.RetryTemplate");
    /** {@code RetryTemplate.builder()} methods that choose a backoff; {@code noBackoff()} chooses none. */
    private static final Set<String> TEMPLATE_BACKOFFS = Set.of("exponentialBackoff", "fixedBackoff",
            "uniformRandomBackoff", "customBackoff");

    private static final List<String> RESILIENCE4J_CONFIG = List.of("io.github.resilience4j.retry.RetryConfig");
    /** Resilience4j calls that replace the fixed wait with a function. */
    private static final Set<String> RESILIENCE4J_INTERVALS = Set.of("intervalFunction", "intervalBiFunction");
    /** {@code resilience4j.retry.instances.payment.wait-duration}, {@code ...configs.default.waitDuration}. */
    private static final Pattern RESILIENCE4J_WAIT = Pattern.compile(
            "resilience4j\\.retry\\.(instances|configs)\\.([^.]+)\\.waitduration");

    private static final List<String> FAILSAFE_3 = List.of("dev.failsafe.RetryPolicy");
    private static final List<String> FAILSAFE_2 = List.of("net.jodah.failsafe.RetryPolicy");
    /** Failsafe calls that put a delay between attempts. */
    private static final Set<String> FAILSAFE_DELAYS = Set.of("withDelay", "withBackoff", "withJitter", "withDelayFn",
            "withDelayFnOn", "withDelayFnWhen", "withDelayOn", "withDelayWhen");

    /** Calls that wait between attempts in a hand-written loop. */
    private static final Pattern WAITING_CALL = Pattern.compile(
            "(?i).*(sleep|backoff|back_off|delay|pause|wait|park|throttle|cooldown).*");
    /** Words of a retry's loop variable: {@code attempt}, {@code retries}, {@code numTries}, {@code retryCount}. */
    private static final Set<String> RETRY_WORDS = Set.of("attempt", "attempts", "retry", "retries", "tries", "tried",
            "trial", "trials");
    /** Where camelCase and snake_case names split into words. */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|_");
    /** Types whose calls leave the process: HTTP clients, brokers, databases. */
    private static final Set<String> REMOTE_TYPES = Set.of("RestTemplate", "RestClient", "WebClient", "HttpClient",
            "CloseableHttpClient", "OkHttpClient", "JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcClient",
            "KafkaTemplate", "RabbitTemplate", "JmsTemplate", "MongoTemplate", "RedisTemplate",
            "StringRedisTemplate", "AmazonS3", "S3Client", "SqsClient", "SnsClient", "DynamoDbClient");
    /** HTTP client calls recognisable by name alone. */
    private static final Set<String> REMOTE_CALLS = Set.of("getForObject", "getForEntity", "postForObject",
            "postForEntity", "exchange", "retrieve", "sendAsync");
    /** Declarative HTTP clients of the module. */
    private static final List<String> HTTP_INTERFACES = List.of(
            "org.springframework.cloud.openfeign.FeignClient",
            "org.springframework.web.service.annotation.HttpExchange",
            "org.eclipse.microprofile.rest.client.inject.RegisterRestClient",
            "io.micronaut.http.client.annotation.Client");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        Set<String> httpInterfaces = httpInterfaces(sources);
        for (SourceFile file : sources.files()) {
            for (AnnotationExpr annotation : file.findAll(AnnotationExpr.class)) {
                retryable(sources, file, annotation, findings);
            }
            for (Expression expression : file.findAll(Expression.class)) {
                programmatic(sources, file, expression, findings);
            }
            for (Statement loop : file.unit().findAll(Statement.class,
                    s -> s instanceof ForStmt || s instanceof WhileStmt || s instanceof DoStmt)) {
                loop(file, loop, httpInterfaces, findings);
            }
        }
        resilience4jConfig(codebase, findings);
    }

    // ---------------------------------------------------------------- annotations

    private static void retryable(SourceFacet sources, SourceFile file, AnnotationExpr annotation,
            FindingCollector findings) {
        String written = annotation.getNameAsString();
        String where = "`@Retryable` on `" + Symbols.shortOf(annotation) + "`";
        if (ClientSource.denotesAny(sources, file, written, SPRING_RETRYABLE)) {
            List<String> attributes = attributes(annotation);
            if (attributes.contains("backoff") || attributes.contains("interceptor") || singleAttempt(annotation)) {
                return;
            }
            findings.report(file, annotation, Symbols.of(file, annotation), where + " has no `backoff`, so Spring "
                    + "Retry waits a fixed 1 s between attempts and every caller retries in step; add `backoff = "
                    + "@Backoff(delay = 500, multiplier = 2, maxDelay = 10000, random = true)` for exponential "
                    + "backoff with jitter");
        } else if (ClientSource.denotesAny(sources, file, written, FRAMEWORK_RETRYABLE)) {
            List<String> attributes = attributes(annotation);
            Optional<Expression> delay = attribute(annotation, "delay");
            boolean noDelay = delay.filter(RetryWithoutBackoffRule::isZero).isPresent()
                    && attribute(annotation, "jitter").isEmpty();
            if (attributes.stream().anyMatch(FRAMEWORK_DELAY_ATTRIBUTES::contains) && !noDelay) {
                return;
            }
            String what = noDelay ? " retries with no delay at all" : " waits a fixed 1 s between attempts, so every "
                    + "caller retries in step";
            findings.report(file, annotation, Symbols.of(file, annotation), where + what + "; set `delay`, "
                    + "`multiplier = 2`, `maxDelay` and `jitter` for exponential backoff with jitter");
        }
    }

    private static List<String> attributes(AnnotationExpr annotation) {
        List<String> names = new ArrayList<>();
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                names.add(pair.getNameAsString());
            }
        }
        return names;
    }

    private static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(name))
                    .map(MemberValuePair::getValue).findFirst();
        }
        return Optional.empty();
    }

    /** {@code maxAttempts = 1}: no retry at all. */
    private static boolean singleAttempt(AnnotationExpr annotation) {
        return attribute(annotation, "maxAttempts").filter(v -> v instanceof IntegerLiteralExpr i
                && i.getValue().equals("1")).isPresent();
    }

    // ---------------------------------------------------------------- programmatic policies

    private static void programmatic(SourceFacet sources, SourceFile file, Expression expression,
            FindingCollector findings) {
        String where = "`" + Symbols.shortOf(expression) + "`";
        if (expression instanceof ObjectCreationExpr created) {
            if (ClientSource.isCreationOf(sources, file, created, RETRY_TEMPLATE)) {
                Set<String> calls = configuration(created);
                if (!calls.contains("setBackOffPolicy") || calls.contains("NoBackOffPolicy")) {
                    findings.report(file, created, Symbols.of(file, created), where + " creates a `RetryTemplate` "
                            + "without a back-off policy, so it retries immediately; call `setBackOffPolicy(..)` with an "
                            + "`ExponentialRandomBackOffPolicy`, or use `RetryTemplate.builder().exponentialBackoff(..)`");
                }
            } else if (ClientSource.isCreationOf(sources, file, created, FAILSAFE_2)
                    && configuration(created).stream().noneMatch(FAILSAFE_DELAYS::contains)) {
                findings.report(file, created, Symbols.of(file, created), where + " builds a Failsafe `RetryPolicy` "
                        + "without a delay, so it retries immediately; add `withBackoff(..)` and `withJitter(..)`");
            }
            return;
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return;
        }
        String name = call.getNameAsString();
        if (name.equals("build") && call.getArguments().isEmpty()) {
            Optional<MethodCallExpr> first = ClientSource.firstCall(call);
            if (first.isEmpty() || first.get() == call) {
                return;
            }
            Set<String> calls = configuration(call);
            if (ClientSource.isStaticCall(sources, file, first.get(), RETRY_TEMPLATE, Set.of("builder"))
                    && calls.stream().noneMatch(TEMPLATE_BACKOFFS::contains) && !calls.contains("setBackOffPolicy")) {
                findings.report(file, call, Symbols.of(file, call), where + " builds a `RetryTemplate` without a "
                        + "backoff, so it retries immediately; add `exponentialBackoff(..)` with `withRandom` true");
            } else if (ClientSource.isStaticCall(sources, file, first.get(), FAILSAFE_3, Set.of("builder"))
                    && calls.stream().noneMatch(FAILSAFE_DELAYS::contains)) {
                findings.report(file, call, Symbols.of(file, call), where + " builds a Failsafe `RetryPolicy` "
                        + "without a delay, so it retries immediately; add `withBackoff(..)` and `withJitter(..)`");
            } else if (ClientSource.isStaticCall(sources, file, first.get(), RESILIENCE4J_CONFIG, Set.of("custom"))
                    && calls.stream().noneMatch(RESILIENCE4J_INTERVALS::contains) && zeroWait(call)) {
                findings.report(file, call, Symbols.of(file, call), where + " builds a Resilience4j `RetryConfig` "
                        + "with a zero `waitDuration`, so it retries immediately; use `intervalFunction("
                        + "IntervalFunction.ofExponentialRandomBackoff(..))`");
            }
        } else if (ClientSource.isStaticCall(sources, file, call, FAILSAFE_3, Set.of("ofDefaults"))
                && configuration(call).stream().noneMatch(FAILSAFE_DELAYS::contains)) {
            findings.report(file, call, Symbols.of(file, call), where + " uses `RetryPolicy.ofDefaults()`, which "
                    + "retries twice with no delay; build it with `withBackoff(..)` and `withJitter(..)`");
        } else if (ClientSource.isStaticCall(sources, file, call, RETRY_TEMPLATE, Set.of("defaultInstance"))
                && !configuration(call).contains("setBackOffPolicy")) {
            findings.report(file, call, Symbols.of(file, call), where + " uses `RetryTemplate.defaultInstance()`, "
                    + "which retries immediately; build it with `exponentialBackoff(..)`");
        }
    }

    /**
     * The names of the calls that configure a value: its own chain, calls on the variable that
     * keeps it, and the types created in their arguments.
     */
    private static Set<String> configuration(Expression built) {
        Set<String> names = new HashSet<>();
        for (Expression e = built; e instanceof MethodCallExpr call; e = call.getScope().orElse(null)) {
            names.add(call.getNameAsString());
            call.getArguments().forEach(a -> created(a, names));
        }
        Expression top = ClientSource.chainTop(built);
        collect(top, built, names);
        Node parent = top.getParentNode().orElse(null);
        String variable = null;
        Node scope = null;
        if (parent instanceof VariableDeclarator declarator) {
            variable = declarator.getNameAsString();
            scope = declarator.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration
                    ? ClientSource.enclosingType(declarator).orElse(null)
                    : ClientSource.enclosingFunction(declarator).orElse(null);
        } else if (parent instanceof AssignExpr assign) {
            variable = ClientSource.variableName(assign.getTarget()).orElse(null);
            scope = variable == null ? null : ClientSource.declarationOf(assign.getTarget())
                    .map(d -> d.field() ? ClientSource.enclosingType(d.node()).orElse(null)
                            : ClientSource.enclosingFunction(d.node()).orElse(null))
                    .orElse(null);
        }
        if (variable != null && scope != null) {
            String name = variable;
            for (Expression use : scope.findAll(Expression.class,
                    e -> ClientSource.variableName(e).filter(name::equals).isPresent())) {
                collect(ClientSource.chainTop(use), use, names);
            }
        }
        return names;
    }

    private static void collect(Expression top, Expression stop, Set<String> names) {
        for (Expression e = top; e != stop && e instanceof MethodCallExpr call; e = call.getScope().orElse(stop)) {
            names.add(call.getNameAsString());
            call.getArguments().forEach(a -> created(a, names));
        }
    }

    private static void created(Expression argument, Set<String> names) {
        argument.walk(ObjectCreationExpr.class, c -> names.add(ClientSource.lastSegment(c.getType().getNameAsString())));
    }

    /** {@code waitDuration(Duration.ZERO)}, {@code waitDuration(Duration.ofMillis(0))} in the chain. */
    private static boolean zeroWait(MethodCallExpr build) {
        for (Expression e = build; e instanceof MethodCallExpr call; e = call.getScope().orElse(null)) {
            if (call.getNameAsString().equals("waitDuration") && call.getArguments().size() == 1) {
                Expression argument = call.getArgument(0);
                if (argument instanceof FieldAccessExpr access && access.getNameAsString().equals("ZERO")) {
                    return true;
                }
                if (argument instanceof MethodCallExpr of && of.getNameAsString().startsWith("of")
                        && !of.getArguments().isEmpty() && isZero(of.getArgument(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZero(Expression value) {
        if (value instanceof IntegerLiteralExpr i) {
            return i.getValue().replace("_", "").matches("0+");
        }
        if (value instanceof LongLiteralExpr l) {
            return l.getValue().replace("_", "").matches("0+[lL]");
        }
        if (value instanceof DoubleLiteralExpr d) {
            return d.asDouble() == 0;
        }
        return value instanceof UnaryExpr unary && isZero(unary.getExpression());
    }

    // ---------------------------------------------------------------- Resilience4j configuration

    private static void resilience4jConfig(Codebase codebase, FindingCollector findings) {
        for (ConfigEntry entry : codebase.config().entries()) {
            String key = entry.key().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
            Matcher matcher = RESILIENCE4J_WAIT.matcher(key);
            if (!matcher.matches() || !isZeroDuration(entry.value())) {
                continue;
            }
            String prefix = "resilience4j.retry." + matcher.group(1) + "." + matcher.group(2) + ".";
            boolean function = codebase.config().entries().stream().anyMatch(e -> {
                String other = e.key().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
                return other.startsWith(prefix) && other.endsWith("function") && e.profile().equals(entry.profile());
            });
            if (function) {
                continue;
            }
            String[] parts = entry.key().split("\\.");
            String instance = parts.length > 3 ? parts[3] : matcher.group(2);
            findings.report(entry.file(), entry.line(), 1, entry.key(), "`" + entry.key() + "` is `" + entry.value()
                    + "`, so the retry `" + instance + "` follows each failure at once; set a wait duration with "
                    + "`enable-exponential-backoff: true` and `enable-randomized-wait: true`",
                    entry.key() + "=" + entry.value());
        }
    }

    /** {@code 0}, {@code 0ms}, {@code 0s}, {@code PT0S}. */
    private static boolean isZeroDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.matches("0+(\\.0+)?\\s*(ns|us|ms|s|m|h|d)?") || v.matches("pt0+(\\.0+)?[smh]");
    }

    // ---------------------------------------------------------------- hand-written loops

    private static void loop(SourceFile file, Statement loop, Set<String> httpInterfaces, FindingCollector findings) {
        Statement body = loopBody(loop);
        List<Node> header = loopHeader(loop);
        if (body == null || iteratesCollection(header)) {
            return;
        }
        List<TryStmt> tries = ownTries(body);
        for (TryStmt attempt : tries) {
            if (!catchContinues(attempt) || !exitsOnSuccess(attempt, loop, header)) {
                continue;
            }
            boolean counted = header.stream().flatMap(h -> h.findAll(NameExpr.class).stream())
                    .anyMatch(n -> isRetryName(n.getNameAsString()))
                    || header.stream().flatMap(h -> h.findAll(VariableDeclarator.class).stream())
                    .anyMatch(v -> isRetryName(v.getNameAsString()));
            if (!counted && !callsRemote(file, attempt.getTryBlock(), httpInterfaces)) {
                continue;
            }
            if (waits(loop)) {
                return;
            }
            String keyword = loop instanceof ForStmt ? "for" : loop instanceof WhileStmt ? "while" : "do-while";
            findings.report(file, loop, Symbols.of(file, loop), "`" + Symbols.shortOf(loop) + "` retries in a `" + keyword + "` loop without "
                            + "waiting between attempts, so a failing service is hit again at once; sleep with exponential "
                            + "backoff and jitter between attempts, or use Spring Retry, Resilience4j or Failsafe with "
                            + "exponential backoff");
            return;
        }
    }

    private static boolean isRetryName(String name) {
        for (String word : WORD_BOUNDARY.split(name)) {
            if (RETRY_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Statement loopBody(Statement loop) {
        if (loop instanceof ForStmt f) {
            return f.getBody();
        }
        if (loop instanceof WhileStmt w) {
            return w.getBody();
        }
        if (loop instanceof DoStmt d) {
            return d.getBody();
        }
        return null;
    }

    private static List<Node> loopHeader(Statement loop) {
        List<Node> header = new ArrayList<>();
        if (loop instanceof ForStmt f) {
            header.addAll(f.getInitialization());
            f.getCompare().ifPresent(header::add);
            header.addAll(f.getUpdate());
        } else if (loop instanceof WhileStmt w) {
            header.add(w.getCondition());
        } else if (loop instanceof DoStmt d) {
            header.add(d.getCondition());
        }
        return header;
    }

    /** {@code i < items.size()}, {@code it.hasNext()}, {@code (line = reader.readLine()) != null}: a walk over data. */
    private static boolean iteratesCollection(List<Node> header) {
        for (Node node : header) {
            for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
                String name = call.getNameAsString();
                if (name.equals("size") || name.equals("hasNext") || name.equals("length") || name.startsWith("read")
                        || name.equals("next") || name.equals("poll") || name.equals("isEmpty")) {
                    return true;
                }
            }
            for (FieldAccessExpr access : node.findAll(FieldAccessExpr.class)) {
                if (access.getNameAsString().equals("length")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The try statements of a loop body, outside nested loops, lambdas and classes. */
    private static List<TryStmt> ownTries(Statement body) {
        List<TryStmt> result = new ArrayList<>();
        body.walk(TryStmt.class, t -> {
            if (insideLoopBody(t, body)) {
                result.add(t);
            }
        });
        return result;
    }

    private static boolean insideLoopBody(Node node, Node body) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if (n instanceof ForStmt || n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForEachStmt
                    || n instanceof LambdaExpr || n instanceof TypeDeclaration<?>
                    || n instanceof ObjectCreationExpr) {
                return false;
            }
        }
        return true;
    }

    /** A catch clause that lets the loop go round again: it does not end in throw, return or break. */
    private static boolean catchContinues(TryStmt attempt) {
        for (CatchClause clause : attempt.getCatchClauses()) {
            BlockStmt block = clause.getBody();
            if (block.getStatements().isEmpty()) {
                return true;
            }
            Statement last = block.getStatements().getLast().orElseThrow();
            if (!(last instanceof ThrowStmt || last instanceof ReturnStmt || last instanceof BreakStmt)) {
                return true;
            }
        }
        return false;
    }

    /** The try block leaves the loop when the call works: return, break, or a boolean flag the loop condition reads. */
    private static boolean exitsOnSuccess(TryStmt attempt, Statement loop, List<Node> header) {
        BlockStmt block = attempt.getTryBlock();
        for (ReturnStmt returned : block.findAll(ReturnStmt.class)) {
            if (insideLoopBody(returned, block)) {
                return true;
            }
        }
        for (BreakStmt broken : block.findAll(BreakStmt.class)) {
            if (insideLoopBody(broken, block) && broken.findAncestor(SwitchStmt.class)
                    .filter(s -> s.isDescendantOf(block)).isEmpty()) {
                return true;
            }
        }
        Set<String> conditionNames = new HashSet<>();
        header.forEach(h -> h.findAll(NameExpr.class).forEach(n -> conditionNames.add(n.getNameAsString())));
        for (AssignExpr assign : block.findAll(AssignExpr.class)) {
            if (assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getValue().isBooleanLiteralExpr()
                    && ClientSource.variableName(assign.getTarget()).filter(conditionNames::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean callsRemote(SourceFile file, BlockStmt block, Set<String> httpInterfaces) {
        for (MethodCallExpr call : block.findAll(MethodCallExpr.class)) {
            if (REMOTE_CALLS.contains(call.getNameAsString())) {
                return true;
            }
            Expression root = ClientSource.chainRoot(call);
            Optional<String> variable = ClientSource.variableName(root);
            if (variable.isEmpty()) {
                continue;
            }
            Optional<ClientSource.Declaration> declared = ClientSource.declarationOf(root);
            if (declared.isEmpty()) {
                continue;
            }
            String type = TimeoutEvidence.stripGenerics(declared.get().type());
            if (REMOTE_TYPES.contains(ClientSource.lastSegment(type)) || httpInterfaces.contains(file.resolve(type))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the loop waits: a sleep or backoff call in it, or in a method of the class it calls. */
    private static boolean waits(Statement loop) {
        for (MethodCallExpr call : loop.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (WAITING_CALL.matcher(name).matches() && !name.equals("onSpinWait")) {
                return true;
            }
            if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
                Optional<TypeDeclaration<?>> type = ClientSource.enclosingType(call);
                if (type.isPresent() && type.get().getMethodsByName(name).stream()
                        .anyMatch(RetryWithoutBackoffRule::sleepsInside)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sleepsInside(MethodDeclaration method) {
        return method.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> WAITING_CALL.matcher(c.getNameAsString()).matches() && !c.getNameAsString().equals("onSpinWait"));
    }

    /** Qualified names of the module's declarative HTTP client interfaces. */
    private static Set<String> httpInterfaces(SourceFacet sources) {
        Set<String> names = new HashSet<>();
        for (SourceFile file : sources.files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                if (file.isAnnotated(type, HTTP_INTERFACES)) {
                    names.add(file.qualifiedName(type));
                }
            }
        }
        return names;
    }
}
