package io.archlint.rules.resilience;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/** See {@code missing-circuit-breaker.md}. */
@RuleInfo(
        id = "missing-circuit-breaker",
        title = "Service calls other services without a circuit breaker",
        category = Category.RESILIENCE,
        severity = Severity.INFO,
        facets = {Facet.SOURCES, Facet.DEPENDENCIES},
        since = "0.1.0",
        reason = "Without a circuit breaker, a service keeps sending requests to a dependency that is down and "
                + "waits on each of them; the backend challenges article names circuit breakers and exponential "
                + "backoff as what makes systems resilient to external API failures")
public final class MissingCircuitBreakerRule implements ModuleFactsRule {

    /** An outbound HTTP client, built or injected, where the finding may stand. */
    private record Outbound(SourceFile file, Node at, String client) {}

    /** Client types whose injection means outbound calls, by the name used in messages. */
    private static final Map<String, String> CLIENT_TYPES = Map.ofEntries(
            Map.entry("org.springframework.web.client.RestTemplate", "RestTemplate"),
            Map.entry("org.springframework.web.client.RestClient", "RestClient"),
            Map.entry("org.springframework.web.client.RestClient.Builder", "RestClient"),
            Map.entry("org.springframework.web.reactive.function.client.WebClient", "WebClient"),
            Map.entry("org.springframework.web.reactive.function.client.WebClient.Builder", "WebClient"),
            Map.entry("org.springframework.boot.web.client.RestTemplateBuilder", "RestTemplate"),
            Map.entry("org.springframework.boot.restclient.RestTemplateBuilder", "RestTemplate"));
    /** Constructors of clients. */
    private static final Map<String, String> CONSTRUCTORS = Map.of(
            "org.springframework.web.client.RestTemplate", "RestTemplate",
            "okhttp3.OkHttpClient", "OkHttpClient",
            "okhttp3.OkHttpClient.Builder", "OkHttpClient");
    /** Static factories and builders of clients: owner type, methods, name in messages. */
    private static final List<Factory> FACTORIES = List.of(
            new Factory("org.springframework.web.client.RestClient", Set.of("create", "builder"), "RestClient"),
            new Factory("org.springframework.web.reactive.function.client.WebClient", Set.of("create", "builder"), "WebClient"),
            new Factory("java.net.http.HttpClient", Set.of("newHttpClient", "newBuilder"), "HttpClient"),
            new Factory("org.apache.http.impl.client.HttpClients",
                    Set.of("createDefault", "createSystem", "createMinimal", "custom"), "CloseableHttpClient"),
            new Factory("org.apache.http.impl.client.HttpClientBuilder", Set.of("create"), "CloseableHttpClient"),
            new Factory("org.apache.hc.client5.http.impl.classic.HttpClients",
                    Set.of("createDefault", "createSystem", "createMinimal", "custom"), "CloseableHttpClient"),
            new Factory("org.apache.hc.client5.http.impl.classic.HttpClientBuilder", Set.of("create"), "CloseableHttpClient"),
            new Factory("org.apache.hc.client5.http.impl.async.HttpAsyncClients",
                    Set.of("createDefault", "createSystem", "createMinimal", "custom"), "CloseableHttpAsyncClient"),
            new Factory("feign.Feign", Set.of("builder"), "Feign"));

    private record Factory(String owner, Set<String> methods, String client) {}

    /** Annotations of declarative HTTP client interfaces. */
    private static final List<String> HTTP_INTERFACE_ANNOTATIONS = List.of(
            "org.springframework.cloud.openfeign.FeignClient",
            "org.springframework.web.service.annotation.HttpExchange",
            "org.eclipse.microprofile.rest.client.inject.RegisterRestClient",
            "io.micronaut.http.client.annotation.Client");
    /** Method annotations of Spring HTTP interfaces. */
    private static final List<String> EXCHANGE_ANNOTATIONS = List.of(
            "org.springframework.web.service.annotation.HttpExchange",
            "org.springframework.web.service.annotation.GetExchange",
            "org.springframework.web.service.annotation.PostExchange",
            "org.springframework.web.service.annotation.PutExchange",
            "org.springframework.web.service.annotation.PatchExchange",
            "org.springframework.web.service.annotation.DeleteExchange");

    /** Circuit breakers in library form, wherever they come from in the graph. */
    private static final Predicate<Artifact> CIRCUIT_BREAKER = a -> {
        String group = a.groupId();
        String artifact = a.artifactId();
        return switch (group) {
            // resilience4j-retry or -ratelimiter alone has no circuit breaker; the framework modules bring one.
            case "io.github.resilience4j" -> artifact.contains("circuitbreaker") || artifact.equals("resilience4j-all")
                    || artifact.startsWith("resilience4j-spring-boot") || artifact.startsWith("resilience4j-spring6")
                    || artifact.startsWith("resilience4j-micronaut");
            case "org.springframework.cloud" -> artifact.contains("circuitbreaker") || artifact.contains("hystrix")
                    || artifact.contains("sentinel");
            case "com.netflix.hystrix", "dev.failsafe", "com.alibaba.csp" -> true;
            case "net.jodah" -> artifact.startsWith("failsafe");
            case "com.alibaba.cloud" -> artifact.contains("sentinel");
            case "io.smallrye" -> artifact.startsWith("smallrye-fault-tolerance");
            case "io.quarkus" -> artifact.startsWith("quarkus-smallrye-fault-tolerance");
            case "org.eclipse.microprofile.fault-tolerance" -> true;
            case "org.eclipse.microprofile" -> artifact.equals("microprofile");
            default -> artifact.contains("fault-tolerance") && group.startsWith("io.helidon");
        };
    };
    /** Libraries that hold a circuit breaker among other things: they count when the sources use it. */
    private static final List<String> CIRCUIT_BREAKER_TYPES = List.of(
            "org.springframework.retry.annotation.CircuitBreaker",
            "org.springframework.retry.policy.CircuitBreakerRetryPolicy",
            "io.micronaut.retry.annotation.CircuitBreaker");

    /** A file imports a type that holds a circuit breaker. */
    private static final String IMPORTS_CIRCUIT_BREAKER = "imports-circuit-breaker";
    /** The file's first outbound client: line, column, symbol and how the message names it. */
    private static final String FIRST_OUTBOUND = "first-outbound";

    /**
     * Per file: whether it imports a circuit breaker type, and its first outbound HTTP client (an
     * HTTP interface it declares, a client it builds or injects), by position, as the finding would
     * stand there. Whether a field or parameter injects one of the module's HTTP interfaces depends
     * on the files declaring the type it names, which the file refers to.
     *
     * <p>Nothing when the dependencies hold a circuit breaker: {@link #judge} then reports nothing,
     * and facts read under other dependencies are never reused, the dependency graph being part of
     * the module key of the last analysis.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        if (codebase.dependencies().hasNonTest(CIRCUIT_BREAKER)) {
            return facts;
        }
        SourceFacet sources = codebase.sources();
        Set<String> httpInterfaces = new HashSet<>();
        Map<String, List<Outbound>> declaredInterfaces = new HashMap<>();
        for (SourceFile file : sources.files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (type.isInterface() && (file.isAnnotated(type, HTTP_INTERFACE_ANNOTATIONS) || type.getMethods().stream()
                        .anyMatch(m -> file.isAnnotated(m, EXCHANGE_ANNOTATIONS)))) {
                    httpInterfaces.add(file.qualifiedName(type));
                    declaredInterfaces.computeIfAbsent(file.path(), k -> new ArrayList<>())
                            .add(new Outbound(file, type, type.getNameAsString()));
                }
            }
        }
        for (SourceFile file : sources.files()) {
            List<String> lines = new ArrayList<>();
            if (importsCircuitBreakerType(file)) {
                lines.add(IMPORTS_CIRCUIT_BREAKER);
            }
            // The file's interfaces first, then what it builds or injects, as the module-wide list met them.
            List<Outbound> outbound = new ArrayList<>(declaredInterfaces.getOrDefault(file.path(), List.of()));
            collect(sources, file, httpInterfaces, outbound);
            Optional<Outbound> first = outbound.stream().min(Comparator
                    .comparing((Outbound o) -> position(o.at()).line)
                    .thenComparing(o -> position(o.at()).column));
            if (first.isPresent()) {
                Outbound at = first.get();
                String where = at.at() instanceof TypeDeclaration<?> type
                        ? "`" + type.getNameAsString() + "`"
                        : "`" + at.client() + "` in `" + shortSymbol(at) + "`";
                Position begin = position(at.at());
                lines.add(FactLines.join(FIRST_OUTBOUND, begin.line, begin.column, symbol(at), where));
            }
            if (!lines.isEmpty()) {
                facts.put(file.path(), lines);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        if (codebase.dependencies().hasNonTest(CIRCUIT_BREAKER)) {
            return;
        }
        String firstFile = null;
        List<String> first = null;
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                if (fields.get(0).equals(IMPORTS_CIRCUIT_BREAKER)) {
                    return;
                }
                if (fields.get(0).equals(FIRST_OUTBOUND) && first == null) {
                    firstFile = file.getKey();
                    first = fields;
                }
            }
        }
        if (first == null) {
            return;
        }
        String module = codebase.dependencies().root().artifactId();
        findings.report(firstFile, Integer.parseInt(first.get(1)), Integer.parseInt(first.get(2)), first.get(3),
                "module `" + module + "` calls other services over HTTP (first " + first.get(4) + ") but has no circuit "
                        + "breaker on its classpath; add Resilience4j (`spring-cloud-starter-circuitbreaker-resilience4j` "
                        + "or `resilience4j-spring-boot3`), SmallRye Fault Tolerance or Failsafe and wrap the remote "
                        + "calls in a circuit breaker",
                "missing-circuit-breaker " + codebase.dependencies().root().key());
    }

    /** {@code Type#member} for messages. */
    private static String shortSymbol(Outbound outbound) {
        if (outbound.at() instanceof FieldDeclaration field) {
            return Symbols.enclosingType(field).map(TypeDeclaration::getNameAsString).orElse("") + "#"
                    + field.getVariable(0).getNameAsString();
        }
        return Symbols.shortOf(outbound.at());
    }

    /** The finding's symbol: the interface, {@code Type#field}, or the enclosing member. */
    private static String symbol(Outbound outbound) {
        SourceFile file = outbound.file();
        if (outbound.at() instanceof TypeDeclaration<?> type) {
            return file.qualifiedName(type);
        }
        if (outbound.at() instanceof FieldDeclaration field) {
            return Symbols.enclosingType(field).map(file::qualifiedName).orElse(file.packageName()) + "#"
                    + field.getVariable(0).getNameAsString();
        }
        return Symbols.of(file, outbound.at());
    }

    private static void collect(SourceFacet sources, SourceFile file, Set<String> httpInterfaces, List<Outbound> outbound) {
        for (Node node : file.findAll(Node.class)) {
            if (node instanceof ObjectCreationExpr created) {
                CONSTRUCTORS.entrySet().stream()
                        .filter(c -> ClientSource.denotes(sources, file, created.getType().getNameWithScope(), c.getKey()))
                        .findFirst()
                        .ifPresent(c -> outbound.add(new Outbound(file, created, c.getValue())));
            } else if (node instanceof MethodCallExpr call && call.getScope().isPresent()) {
                FACTORIES.stream()
                        .filter(f -> ClientSource.isStaticCall(sources, file, call, List.of(f.owner()), f.methods()))
                        .findFirst()
                        .ifPresent(f -> outbound.add(new Outbound(file, call, f.client())));
            } else if (node instanceof FieldDeclaration field) {
                for (VariableDeclarator variable : field.getVariables()) {
                    injected(sources, file, variable.getType(), httpInterfaces)
                            .ifPresent(client -> outbound.add(new Outbound(file, field, client)));
                }
            } else if (node instanceof Parameter parameter
                    && parameter.getParentNode().orElse(null) instanceof CallableDeclaration<?>) {
                injected(sources, file, parameter.getType(), httpInterfaces)
                        .ifPresent(client -> outbound.add(new Outbound(file, parameter, client)));
            }
        }
    }

    /** The client a declared type injects: a Spring client or builder, or one of the module's HTTP interfaces. */
    private static Optional<String> injected(SourceFacet sources, SourceFile file, Type type, Set<String> httpInterfaces) {
        if (!type.isClassOrInterfaceType()) {
            return Optional.empty();
        }
        String written = type.asClassOrInterfaceType().getNameWithScope();
        for (Map.Entry<String, String> client : CLIENT_TYPES.entrySet()) {
            if (ClientSource.denotes(sources, file, written, client.getKey())) {
                return Optional.of(client.getValue());
            }
        }
        String resolved = file.resolve(written);
        return httpInterfaces.contains(resolved) ? Optional.of(ClientSource.lastSegment(written)) : Optional.empty();
    }

    private static boolean importsCircuitBreakerType(SourceFile file) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (CIRCUIT_BREAKER_TYPES.contains(imported.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    /** Where a node begins, at its first annotation: a comment above it suppresses the finding. */
    private static Position position(Node node) {
        return node.getBegin().orElse(new Position(0, 0));
    }
}
