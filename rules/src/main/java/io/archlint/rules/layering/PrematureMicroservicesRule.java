package io.archlint.rules.layering;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FactLines;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.engine.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** See {@code premature-microservices.md}. */
@RuleInfo(
        id = "premature-microservices",
        title = "Microservice infrastructure in a small service",
        category = Category.LAYERING,
        severity = Severity.INFO,
        facets = {Facet.DEPENDENCIES, Facet.SOURCES},
        since = "0.1.0",
        reason = "Service discovery and central configuration only pay off once a system has outgrown one deployable; "
                + "the backend technologies article lists over-engineering with microservices as a common pitfall "
                + "(start monolith, split when needed) and the backend mistakes article warns that adopting them too "
                + "early introduces unnecessary operational overhead and complexity",
        parameters = @RuleParameter(name = "minClasses", defaultValue = "40",
                description = "main classes a module needs before its discovery and configuration starters are not reported"))
public final class PrematureMicroservicesRule implements ModuleFactsRule {

    /** Client-side starters that make a module one service among many: discovery, central config, platform clients. */
    private static final Predicate<Artifact> SERVICE_CLIENT = a -> switch (a.groupId()) {
        case "org.springframework.cloud" -> {
            String artifact = a.artifactId();
            yield artifact.equals("spring-cloud-starter-netflix-eureka-client")
                    || artifact.startsWith("spring-cloud-starter-consul")
                    || artifact.startsWith("spring-cloud-starter-zookeeper")
                    || artifact.equals("spring-cloud-starter-config")
                    || artifact.startsWith("spring-cloud-starter-kubernetes");
        }
        case "com.alibaba.cloud" -> a.artifactId().startsWith("spring-cloud-starter-alibaba-nacos-");
        case "io.micronaut.discovery" -> a.artifactId().equals("micronaut-discovery-client");
        default -> false;
    };

    /**
     * Servers and edge services of a microservice system: small by design, so their class count says
     * nothing about how the system is split; the services they serve are checked instead.
     */
    private static final Predicate<Artifact> INFRASTRUCTURE = a -> switch (a.groupId()) {
        case "org.springframework.cloud" -> a.artifactId().equals("spring-cloud-starter-netflix-eureka-server")
                || a.artifactId().equals("spring-cloud-config-server")
                || a.artifactId().startsWith("spring-cloud-starter-gateway")
                || a.artifactId().equals("spring-cloud-starter-netflix-zuul")
                // Monitoring servers: the Hystrix dashboard and the Turbine stream aggregator.
                || a.artifactId().equals("spring-cloud-starter-netflix-hystrix-dashboard")
                || a.artifactId().startsWith("spring-cloud-starter-netflix-turbine");
        case "de.codecentric" -> a.artifactId().equals("spring-boot-admin-starter-server");
        default -> false;
    };

    private static final String TYPES = "types";

    /** Per file: how many named types it declares, when it declares any. */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : codebase.sources().files()) {
            int count = countTypes(file);
            if (count > 0) {
                facts.put(file.path(), List.of(FactLines.join(TYPES, count)));
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        DependencyGraph graph = codebase.dependencies();
        List<Dependency> starters = graph.matching(d -> d.isRuntime() && SERVICE_CLIENT.test(d.artifact()));
        if (starters.isEmpty() || graph.hasNonTest(INFRASTRUCTURE)) {
            return;
        }
        int classes = 0;
        for (List<String> lines : facts.values()) {
            for (String line : lines) {
                List<String> fields = FactLines.split(line);
                if (fields.get(0).equals(TYPES)) {
                    classes += Integer.parseInt(fields.get(1));
                }
            }
        }
        int minClasses = codebase.intParameter(this, "minClasses");
        // No sources: an aggregator or a resources-only module, nothing to judge.
        if (classes == 0 || classes >= minClasses) {
            return;
        }
        Dependency first = starters.get(0);
        Dependency.Declaration at = declaration(graph, first);
        String names = starters.stream().map(d -> "`" + d.artifact().artifactId() + "`").collect(Collectors.joining(", "));
        String message = "module `" + graph.root().artifactId() + "` declares " + names + " but has only " + classes
                + (classes == 1 ? " main class" : " main classes") + " (fewer than " + minClasses + "): service "
                + "discovery and central configuration add operational overhead that a service this small rarely "
                + "repays; start with a modular monolith and split services out when scale or domain complexity "
                + "demands it";
        findings.report(at == null ? "pom.xml" : at.file(), at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                first.path().get(0).key(), message, "premature-microservices " + graph.root().key());
    }

    /** Where the starter, or the direct dependency that brings it in, is declared. */
    private static Dependency.Declaration declaration(DependencyGraph graph, Dependency starter) {
        if (starter.declaredAt() != null) {
            return starter.declaredAt();
        }
        Artifact direct = starter.path().get(0);
        return graph.find(direct.groupId(), direct.artifactId()).map(Dependency::declaredAt).orElse(null);
    }

    /** Named types declared in the main sources: top-level and member types, records, enums; not local classes. */
    private static int countTypes(SourceFile file) {
        int count = 0;
        for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
            if (!(type instanceof ClassOrInterfaceDeclaration declaration && declaration.isLocalClassDeclaration())) {
                count++;
            }
        }
        return count;
    }
}
