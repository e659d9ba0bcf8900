package io.archlint.rules.operations;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FactLines;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/** See {@code no-observability.md}. */
@RuleInfo(
        id = "no-observability",
        title = "Service without metrics or tracing",
        category = Category.OPERATIONS,
        severity = Severity.INFO,
        facets = {Facet.SOURCES, Facet.DEPENDENCIES},
        since = "0.1.0",
        reason = "A service that handles requests or messages but exports no metrics and no traces cannot be "
                + "monitored or followed across services; the backend articles name observability with "
                + "OpenTelemetry, metrics and distributed tracing, and monitoring, as part of a production backend")
public final class NoObservabilityRule implements ModuleFactsRule {

    /** Instrumentation APIs that record nothing by themselves; they count only as direct dependencies. */
    private static final Set<String> API_ONLY = Set.of("micrometer-observation", "micrometer-commons",
            "opentelemetry-api", "opentelemetry-context");

    /**
     * Metrics, tracing and APM libraries, wherever they come from. Spring Framework 6 brings
     * {@code micrometer-observation} to every application and cloud SDKs bring
     * {@code opentelemetry-api}: those bare APIs count only when declared directly (see
     * {@link #API_ONLY}).
     */
    private static final Predicate<Artifact> OBSERVABILITY = a -> {
        String group = a.groupId();
        String artifact = a.artifactId();
        return switch (group) {
            case "org.springframework.boot" -> artifact.equals("spring-boot-starter-actuator")
                    || artifact.equals("spring-boot-actuator") || artifact.equals("spring-boot-actuator-autoconfigure");
            case "org.springframework.cloud" -> artifact.contains("sleuth");
            case "io.micrometer" -> !API_ONLY.contains(artifact);
            case "io.opentelemetry" -> !API_ONLY.contains(artifact);
            case "io.opentelemetry.instrumentation", "io.opentelemetry.javaagent", "io.prometheus",
                    "io.dropwizard.metrics", "io.dropwizard.metrics5", "io.micronaut.micrometer", "io.micronaut.tracing",
                    "io.zipkin.brave", "io.zipkin.reporter2", "io.jaegertracing", "io.opentracing.contrib",
                    "org.eclipse.microprofile.metrics", "org.eclipse.microprofile.telemetry", "io.helidon.metrics",
                    "io.helidon.tracing", "com.datadoghq", "com.newrelic.agent.java", "co.elastic.apm",
                    "com.dynatrace.oneagent.sdk.java", "com.appdynamics" -> true;
            case "io.quarkus" -> artifact.startsWith("quarkus-micrometer") || artifact.equals("quarkus-opentelemetry")
                    || artifact.equals("quarkus-smallrye-metrics") || artifact.startsWith("quarkus-smallrye-opentracing");
            // The MicroProfile umbrella API includes Metrics and Telemetry, served by the runtime.
            case "org.eclipse.microprofile" -> artifact.equals("microprofile");
            default -> false;
        };
    };

    private static final String CONTROLLER = "controller";
    private static final String LISTENER = "listener";

    /**
     * Per file: its controller classes, then its message listener types and methods, each in file
     * order (kind, position, symbol and name).
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (WebControllers.Controller controller : new WebControllers(codebase.sources(), codebase.stereotypes()).controllers()) {
            add(facts, controller.file(), CONTROLLER, position(controller.type()), controller.qualifiedName(),
                    controller.type().getNameAsString());
        }
        Set<String> listenerAnnotations = codebase.stereotypes().listenerAnnotations();
        for (SourceFile file : codebase.sources().files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                if (file.isAnnotated(type, listenerAnnotations)) {
                    add(facts, file, LISTENER, position(type), file.qualifiedName(type), type.getNameAsString());
                    continue;
                }
                for (MethodDeclaration method : type.getMethods()) {
                    if (file.isAnnotated(method, listenerAnnotations)) {
                        add(facts, file, LISTENER, position(method),
                                file.qualifiedName(type) + "#" + method.getNameAsString(),
                                type.getNameAsString() + "#" + method.getNameAsString());
                    }
                }
            }
        }
        return facts;
    }

    private static void add(Map<String, List<String>> facts, SourceFile file, String kind, Position at, String symbol,
            String name) {
        facts.computeIfAbsent(file.path(), k -> new ArrayList<>())
                .add(FactLines.join(kind, at.line, at.column, symbol, name));
    }

    /** The first entry point is the module's first controller, or its first listener when it has no controller. */
    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        long controllers = 0;
        long listeners = 0;
        String firstControllerFile = null;
        List<String> firstController = null;
        String firstListenerFile = null;
        List<String> firstListener = null;
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                if (fields.get(0).equals(CONTROLLER)) {
                    controllers++;
                    if (firstController == null) {
                        firstControllerFile = file.getKey();
                        firstController = fields;
                    }
                } else if (fields.get(0).equals(LISTENER)) {
                    listeners++;
                    if (firstListener == null) {
                        firstListenerFile = file.getKey();
                        firstListener = fields;
                    }
                }
            }
        }
        if (controllers + listeners == 0 || observed(codebase)) {
            return;
        }
        String firstFile = firstController != null ? firstControllerFile : firstListenerFile;
        List<String> first = firstController != null ? firstController : firstListener;
        String module = codebase.dependencies().root().artifactId();
        String message = "module `" + module + "` " + describe(controllers, listeners) + " (first `" + first.get(4)
                + "`) but has no metrics or tracing library; add `spring-boot-starter-actuator` with a Micrometer "
                + "registry, OpenTelemetry, `quarkus-micrometer` or Micronaut Micrometer so its requests can be "
                + "monitored and traced";
        findings.report(firstFile, Integer.parseInt(first.get(1)), Integer.parseInt(first.get(2)), first.get(3), message,
                "no-observability " + codebase.dependencies().root().key());
    }

    private static boolean observed(Codebase codebase) {
        return !codebase.dependencies().matching(d -> !d.isTestScope() && counts(d)).isEmpty();
    }

    private static boolean counts(Dependency dependency) {
        Artifact artifact = dependency.artifact();
        boolean api = API_ONLY.contains(artifact.artifactId())
                && (artifact.groupId().equals("io.micrometer") || artifact.groupId().equals("io.opentelemetry"));
        return api ? dependency.isDirect() : OBSERVABILITY.test(artifact);
    }

    private static String describe(long controllers, long listeners) {
        List<String> parts = new ArrayList<>();
        if (controllers > 0) {
            parts.add("exposes " + controllers + (controllers == 1 ? " controller" : " controllers"));
        }
        if (listeners > 0) {
            parts.add((controllers > 0 ? "" : "runs ") + listeners + (listeners == 1 ? " message listener" : " message listeners"));
        }
        return String.join(" and ", parts);
    }

    /** Where the declaration begins, at its first annotation: a comment above it suppresses the finding. */
    private static Position position(Node node) {
        return node.getBegin().orElse(new Position(0, 0));
    }
}
