package io.archlint.rules.operations;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
public final class NoObservabilityRule implements Rule {

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

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        List<Entry> entries = entryPoints(codebase);
        if (entries.isEmpty() || observed(codebase)) {
            return;
        }
        long controllers = entries.stream().filter(e -> e.kind == Kind.CONTROLLER).count();
        long listeners = entries.size() - controllers;
        Entry first = entries.get(0);
        String module = codebase.dependencies().root().artifactId();
        String message = "module `" + module + "` " + describe(controllers, listeners) + " (first `" + first.name
                + "`) but has no metrics or tracing library; add `spring-boot-starter-actuator` with a Micrometer "
                + "registry, OpenTelemetry, `quarkus-micrometer` or Micronaut Micrometer so its requests can be "
                + "monitored and traced";
        findings.report(first.file.path(), first.at.line, first.at.column, first.symbol, message,
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

    private enum Kind { CONTROLLER, LISTENER }

    /** A controller class or a message listener method, where the finding may stand. */
    private record Entry(Kind kind, SourceFile file, Position at, String symbol, String name) {}

    /** Controllers, then listener methods, each in file order. */
    private static List<Entry> entryPoints(Codebase codebase) {
        List<Entry> result = new ArrayList<>();
        for (WebControllers.Controller controller : new WebControllers(codebase.sources(), codebase.stereotypes()).controllers()) {
            result.add(new Entry(Kind.CONTROLLER, controller.file(), position(controller.type()),
                    controller.qualifiedName(), controller.type().getNameAsString()));
        }
        Set<String> listenerAnnotations = codebase.stereotypes().listenerAnnotations();
        for (SourceFile file : codebase.sources().files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                if (file.isAnnotated(type, listenerAnnotations)) {
                    result.add(new Entry(Kind.LISTENER, file, position(type), file.qualifiedName(type),
                            type.getNameAsString()));
                    continue;
                }
                for (MethodDeclaration method : type.getMethods()) {
                    if (file.isAnnotated(method, listenerAnnotations)) {
                        result.add(new Entry(Kind.LISTENER, file, position(method),
                                file.qualifiedName(type) + "#" + method.getNameAsString(),
                                type.getNameAsString() + "#" + method.getNameAsString()));
                    }
                }
            }
        }
        return result;
    }

    /** Where the declaration begins, at its first annotation: a comment above it suppresses the finding. */
    private static Position position(Node node) {
        return node.getBegin().orElse(new Position(0, 0));
    }
}
