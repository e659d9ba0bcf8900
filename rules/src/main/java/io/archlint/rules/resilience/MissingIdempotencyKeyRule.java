package io.archlint.rules.resilience;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.archlint.engine.source.StringValues;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** See {@code missing-idempotency-key.md}. */
@RuleInfo(
        id = "missing-idempotency-key",
        title = "POST handler creates payments or orders without an idempotency key",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        since = "0.1.0",
        reason = "Without idempotent APIs, retries can cause duplicates, especially in payment or order systems "
                + "(idempotency issues, in the backend challenges article)")
public final class MissingIdempotencyKeyRule implements ModuleFactsRule {

    /** Parameter annotations that bind a request header: Spring MVC, JAX-RS, Micronaut. */
    private static final List<String> HEADER_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.RequestHeader",
            "jakarta.ws.rs.HeaderParam", "javax.ws.rs.HeaderParam",
            "io.micronaut.http.annotation.Header");
    /** A {@code @RequestMapping} without a method accepts POST; it counts when it reads a request body. */
    private static final List<String> REQUEST_BODY = List.of("org.springframework.web.bind.annotation.RequestBody");
    /** First words of posted handlers that read, validate or change state instead of creating something. */
    private static final Set<String> NON_CREATING_VERBS = Set.of(
            "search", "find", "query", "list", "get", "count", "filter", "lookup", "validate", "verify", "check",
            "preview", "estimate", "calculate", "quote", "simulate", "export",
            "cancel", "close", "archive", "delete", "remove", "pause", "resume", "activate", "deactivate",
            "update", "edit", "modify", "change", "rename", "set", "mark");
    /** Path segments that make every handler under them an update of something that exists: {@code /order/update/note}. */
    private static final Set<String> UPDATE_SEGMENTS = Set.of("update", "edit", "modify");
    /** Suffixes of controller names; the word before them is the resource the controller handles. */
    private static final Set<String> CONTROLLER_SUFFIXES = Set.of("controller", "resource", "endpoint", "endpoints",
            "api", "rest", "handler", "web");
    /** Heads of compound names that stand for the thing before them: {@code payment-intents}, {@code CheckoutSession}. */
    private static final Set<String> CARRIER_HEADS = Set.of("intent", "intents", "request", "requests", "session",
            "sessions", "attempt", "attempts", "transaction", "transactions");
    /** Words of handlers that receive a provider's callbacks, which carry their own event id. */
    private static final Set<String> CALLBACK_WORDS = Set.of("webhook", "webhooks", "callback", "callbacks",
            "notify", "notification", "notifications");
    /** Words that make a following {@code order} a sequence: {@code sortOrder}, {@code display-order}. */
    private static final Set<String> SEQUENCE_QUALIFIERS = Set.of("sort", "sorting", "display", "sequence");
    /** Calls that put a header on an outgoing request or a response: a header name there is written, not read. */
    private static final Set<String> HEADER_WRITES = Set.of("header", "setHeader", "addHeader", "set", "add", "put");
    /** What a name contains when it deals with idempotency. */
    private static final String IDEMPOTENCY_STEM = "idempoten";
    /** A literal that can be a header name; a sentence mentioning idempotency is not one. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** Path variables such as {@code {orderId}} name an existing resource, not the one created. */
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final String PREFERRED_HEADER = "Idempotency-Key";

    /** A POST handler that creates money things without handling idempotency: where and what to report. */
    private static final String UNHANDLED = "unhandled";
    /** The file reads an idempotency header literal outside controllers, annotations and header writes. */
    private static final String READS_HEADER = "reads-header";
    /** A constant of the file that holds an idempotency header, declared outside controllers. */
    private static final String HEADER_CONSTANT = "header-constant";
    /** The names the file reads (outside controllers, annotations and header writes), any constant's among them. */
    private static final String READS_NAMES = "reads-names";

    /**
     * Per file: its unhandled POST handlers that create money things (line, column, symbol, message,
     * evidence), and what it reads that may be an idempotency header: a header literal, else the
     * constants it declares with one and the names it reads. A constant counts wherever a name it
     * bears is read, as the module-wide search for it by name did.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        SourceFacet sources = codebase.sources();
        Stereotypes stereotypes = codebase.stereotypes();
        WebControllers web = new WebControllers(sources, stereotypes);
        Set<String> headers = stereotypes.idempotencyHeaders();
        String header = headers.contains(PREFERRED_HEADER) ? PREFERRED_HEADER
                : headers.stream().sorted().findFirst().orElse(PREFERRED_HEADER);
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (Endpoint endpoint : web.endpoints()) {
            if (!acceptsPost(endpoint)) {
                continue;
            }
            Optional<String> word = moneyWord(endpoint, stereotypes.moneyWords());
            if (word.isPresent() && !handlesIdempotency(sources, endpoint, stereotypes)) {
                SimpleName name = endpoint.method().getName();
                Position at = name.getBegin().orElse(new Position(0, 0));
                facts.computeIfAbsent(endpoint.file().path(), k -> new ArrayList<>()).add(FactLines.join(UNHANDLED,
                        at.line, at.column, endpoint.symbol(), message(new Candidate(endpoint, word.get()), header),
                        name.toString()));
            }
        }
        for (SourceFile file : sources.files()) {
            List<String> lines = readFacts(file, web, headers);
            if (!lines.isEmpty()) {
                facts.computeIfAbsent(file.path(), k -> new ArrayList<>()).addAll(lines);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        List<List<String>> unhandled = new ArrayList<>();
        List<String> unhandledFiles = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        boolean readsHeader = false;
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                switch (fields.get(0)) {
                    case UNHANDLED -> {
                        unhandled.add(fields);
                        unhandledFiles.add(file.getKey());
                    }
                    case READS_HEADER -> readsHeader = true;
                    case HEADER_CONSTANT -> constants.add(fields.get(1));
                    default -> { }
                }
            }
        }
        if (unhandled.isEmpty() || readsHeader || readsConstant(facts, constants)) {
            return;
        }
        for (int i = 0; i < unhandled.size(); i++) {
            List<String> fields = unhandled.get(i);
            findings.report(unhandledFiles.get(i), Integer.parseInt(fields.get(1)), Integer.parseInt(fields.get(2)),
                    fields.get(3), fields.get(4), fields.get(5));
        }
    }

    /** Whether a file reads a name one of the header constants bears. */
    private static boolean readsConstant(SortedMap<String, List<String>> facts, Set<String> constants) {
        if (constants.isEmpty()) {
            return false;
        }
        for (List<String> lines : facts.values()) {
            for (String fact : lines) {
                List<String> fields = FactLines.split(fact);
                if (fields.get(0).equals(READS_NAMES) && fields.subList(1, fields.size()).stream()
                        .anyMatch(constants::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Candidate(Endpoint endpoint, String moneyWord) {}

    private static String message(Candidate candidate, String header) {
        Endpoint endpoint = candidate.endpoint();
        String path = endpoint.path().isEmpty() ? "" : " `/" + endpoint.path().replaceFirst("^/+", "") + "`";
        return "POST" + path + " handler `" + endpoint.method().getNameAsString() + "` creates "
                + plural(candidate.moneyWord()) + " without an idempotency key; accept an `" + header
                + "` header and return the stored result for a repeated key";
    }

    private static boolean acceptsPost(Endpoint endpoint) {
        if (endpoint.handles("POST")) {
            return true;
        }
        return endpoint.httpMethods().isEmpty() && endpoint.method().getParameters().stream()
                .anyMatch(p -> endpoint.file().isAnnotated(p, REQUEST_BODY));
    }

    /**
     * The money word the handler creates, looked up in its method name, then its path from the
     * end, then its controller's name: the most specific name says what is created.
     */
    private static Optional<String> moneyWord(Endpoint endpoint, Set<String> moneyWords) {
        List<String> methodWords = words(endpoint.method().getNameAsString());
        List<String> lastSegmentWords = words(lastStaticSegment(endpoint.path()));
        if (startsWithAny(methodWords, NON_CREATING_VERBS) || startsWithAny(lastSegmentWords, NON_CREATING_VERBS)) {
            return Optional.empty();
        }
        List<String> pathWords = words(endpoint.path());
        if (methodWords.stream().anyMatch(CALLBACK_WORDS::contains) || pathWords.stream().anyMatch(CALLBACK_WORDS::contains)) {
            return Optional.empty();
        }
        if (Arrays.stream(endpoint.path().split("/")).anyMatch(UPDATE_SEGMENTS::contains)) {
            return Optional.empty();
        }
        List<String> sortedMoneyWords = moneyWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).sorted().toList();
        List<String> pathMatches = new ArrayList<>();
        for (String segment : endpoint.path().split("/")) {
            // The resource a segment names is its last word: /orderSetting is a setting, /orders orders.
            pathMatches.addAll(moneyMatches(headOf(words(segment)), sortedMoneyWords));
        }
        Collections.reverse(pathMatches);
        return Stream.of(moneyMatches(methodWords, sortedMoneyWords), pathMatches,
                        moneyMatches(headNoun(endpoint.controller().getNameAsString()), sortedMoneyWords))
                .flatMap(List::stream)
                .findFirst();
    }

    /** The money words among {@code words}, in order; {@code sortOrder} is a sequence, not an order. */
    private static List<String> moneyMatches(List<String> words, List<String> moneyWords) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0 && SEQUENCE_QUALIFIERS.contains(words.get(i - 1))) {
                continue;
            }
            String word = words.get(i);
            moneyWords.stream().filter(money -> isForm(word, money)).forEach(found::add);
        }
        return found;
    }

    /**
     * The resource a controller is named after, without its prefixes: {@code OrderController} handles
     * orders, {@code OmsOrderSettingController} order settings, not orders.
     */
    private static List<String> headNoun(String controllerName) {
        List<String> words = new ArrayList<>(words(controllerName));
        while (!words.isEmpty() && CONTROLLER_SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return headOf(words);
    }

    /**
     * The last word with the one before it, so that {@link #moneyMatches} still sees a sequence
     * qualifier ({@code sort-order}) while only the last word can match.
     */
    private static List<String> headOf(List<String> words) {
        if (words.size() < 2) {
            return words;
        }
        int head = words.size() - 1;
        if (CARRIER_HEADS.contains(words.get(head))) {
            // A payment intent or a checkout session is the payment or checkout being created.
            head--;
        }
        if (head > 0 && SEQUENCE_QUALIFIERS.contains(words.get(head - 1))) {
            return List.of(words.get(head - 1), words.get(head));
        }
        return List.of(words.get(head));
    }

    /** {@code word} is {@code money} or its plural: {@code orders} yes, {@code ordering} or {@code payload} no. */
    private static boolean isForm(String word, String money) {
        return word.equals(money) || word.equals(money + "s") || word.equals(money + "es");
    }

    /** Lower-case words of a camelCase, kebab-case, snake_case or path name, without path variables. */
    private static List<String> words(String name) {
        String spaced = PATH_VARIABLE.matcher(name).replaceAll(" ")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        return Arrays.stream(spaced.split("[^A-Za-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** {@code orders/{id}/refunds} gives {@code refunds}; a custom method {@code orders:search} gives {@code search}. */
    private static String lastStaticSegment(String path) {
        String[] segments = PATH_VARIABLE.matcher(path).replaceAll("").split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                String segment = segments[i];
                return segment.substring(segment.lastIndexOf(':') + 1);
            }
        }
        return "";
    }

    private static boolean startsWithAny(List<String> words, Set<String> firstWords) {
        return !words.isEmpty() && firstWords.contains(words.get(0));
    }

    private static String plural(String moneyWord) {
        if (moneyWord.equals("pay")) {
            return "payments";
        }
        return moneyWord.endsWith("s") ? moneyWord : moneyWord + "s";
    }

    private static boolean handlesIdempotency(SourceFacet sources, Endpoint endpoint, Stereotypes stereotypes) {
        MethodDeclaration method = endpoint.method();
        SourceFile file = endpoint.file();
        if (hasIdempotencyAnnotation(method, stereotypes) || hasIdempotencyAnnotation(endpoint.controller(), stereotypes)) {
            return true;
        }
        Set<String> headers = stereotypes.idempotencyHeaders();
        for (Parameter parameter : method.getParameters()) {
            Optional<AnnotationExpr> header = file.annotation(parameter, HEADER_ANNOTATIONS);
            if (header.isPresent() && headerName(header.get())
                    .flatMap(name -> StringValues.of(sources, file, name))
                    .filter(name -> isIdempotencyHeader(name, headers))
                    .isPresent()) {
                return true;
            }
            if (requestTypeCarriesKey(sources, file, parameter)) {
                return true;
            }
        }
        // A parameter, variable, constant, call or literal that names idempotency: the handler deals with it.
        return method.findAll(SimpleName.class).stream().anyMatch(n -> mentionsIdempotency(n.getIdentifier()))
                || method.findAll(Name.class).stream().anyMatch(n -> mentionsIdempotency(n.getIdentifier()))
                || method.findAll(StringLiteralExpr.class).stream()
                        .anyMatch(literal -> isIdempotencyHeader(literal.asString(), headers));
    }

    private static boolean hasIdempotencyAnnotation(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> element,
            Stereotypes stereotypes) {
        return element.getAnnotations().stream()
                .anyMatch(a -> stereotypes.idempotencyAnnotations().contains(a.getName().getIdentifier()));
    }

    /** The header name of {@code @RequestHeader("X")}, {@code @RequestHeader(name = X)} and the like. */
    private static Optional<Expression> headerName(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Optional.of(single.getMemberValue());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream()
                    .filter(p -> p.getNameAsString().equals("value") || p.getNameAsString().equals("name"))
                    .map(MemberValuePair::getValue)
                    .findFirst();
        }
        return Optional.empty();
    }

    /** A request body declared in the module with an idempotency key member. */
    private static boolean requestTypeCarriesKey(SourceFacet sources, SourceFile file, Parameter parameter) {
        if (!(parameter.getType() instanceof ClassOrInterfaceType type)) {
            return false;
        }
        return sources.type(file.resolve(type.getNameWithScope()))
                .map(declared -> declared.declaration().findAll(SimpleName.class).stream()
                        .anyMatch(n -> mentionsIdempotency(n.getIdentifier())))
                .orElse(false);
    }

    private static boolean mentionsIdempotency(String name) {
        return name.toLowerCase(Locale.ROOT).contains(IDEMPOTENCY_STEM);
    }

    private static boolean isIdempotencyHeader(String name, Set<String> headers) {
        return headers.stream().anyMatch(name::equalsIgnoreCase)
                || HEADER_NAME.matcher(name).matches() && mentionsIdempotency(name);
    }

    /**
     * What a file reads that may be an idempotency header, outside controllers, annotations and header
     * writes: a header literal ({@link #READS_HEADER}, which settles it), else the constants it
     * declares with a header literal and every name it reads, which are matched by name with the
     * constants of the whole module.
     */
    private static List<String> readFacts(SourceFile file, WebControllers web, Set<String> headers) {
        // The file's controllers, asked once rather than at every node (by identity: nodes equal by content).
        Set<ClassOrInterfaceDeclaration> controllers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
            if (web.isController(file, type)) {
                controllers.add(type);
            }
        }
        Set<String> constants = new LinkedHashSet<>();
        for (StringLiteralExpr literal : file.findAll(StringLiteralExpr.class)) {
            if (!isIdempotencyHeader(literal.asString(), headers) || !isRead(literal, controllers)) {
                continue;
            }
            Optional<String> constant = constantName(literal);
            if (constant.isEmpty()) {
                return List.of(READS_HEADER);
            }
            constants.add(constant.get());
        }
        List<String> lines = new ArrayList<>();
        constants.forEach(constant -> lines.add(FactLines.join(HEADER_CONSTANT, constant)));
        // Each name once: read when any of its uses is.
        Set<String> read = new TreeSet<>();
        for (NameExpr use : file.findAll(NameExpr.class)) {
            if (!read.contains(use.getNameAsString()) && isRead(use, controllers)) {
                read.add(use.getNameAsString());
            }
        }
        for (FieldAccessExpr use : file.findAll(FieldAccessExpr.class)) {
            if (!read.contains(use.getNameAsString()) && isRead(use, controllers)) {
                read.add(use.getNameAsString());
            }
        }
        if (!read.isEmpty()) {
            List<Object> fields = new ArrayList<>();
            fields.add(READS_NAMES);
            fields.addAll(read);
            lines.add(FactLines.join(fields.toArray()));
        }
        return lines;
    }

    /**
     * Outside annotations and controllers (the nearest class around the node is not one of the
     * file's {@code controllers}), and not the name argument of a header write.
     */
    private static boolean isRead(Node node, Set<ClassOrInterfaceDeclaration> controllers) {
        if (node.findAncestor(AnnotationExpr.class).isPresent()) {
            return false;
        }
        if (!controllers.isEmpty()
                && node.findAncestor(ClassOrInterfaceDeclaration.class).filter(controllers::contains).isPresent()) {
            return false;
        }
        return !(node.getParentNode().orElse(null) instanceof MethodCallExpr call
                && HEADER_WRITES.contains(call.getNameAsString())
                && call.getArguments().size() >= 2
                && call.getArguments().get(0) == node);
    }

    /** The field a literal initialises, when it is a constant's value. */
    private static Optional<String> constantName(StringLiteralExpr literal) {
        if (literal.getParentNode().orElse(null) instanceof VariableDeclarator variable
                && variable.getParentNode().orElse(null) instanceof FieldDeclaration) {
            return Optional.of(variable.getNameAsString());
        }
        return Optional.empty();
    }
}
