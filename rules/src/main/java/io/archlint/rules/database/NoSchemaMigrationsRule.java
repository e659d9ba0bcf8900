package io.archlint.rules.database;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FactLines;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.engine.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** See {@code no-schema-migrations.md}. */
@RuleInfo(
        id = "no-schema-migrations",
        title = "JPA entities without a schema migration tool",
        category = Category.DATABASE,
        severity = Severity.INFO,
        facets = {Facet.SOURCES, Facet.DEPENDENCIES},
        since = "0.1.0",
        reason = "Without versioned migrations the schema changes by hand or by the ORM at startup, and no deployment "
                + "can say which schema it needs; the backend challenges article names schema migration challenges and "
                + "asks for backward-compatible migrations deployed with strategies such as blue-green")
public final class NoSchemaMigrationsRule implements ModuleFactsRule {

    private static final List<String> ENTITY = List.of("jakarta.persistence.Entity", "javax.persistence.Entity");

    /**
     * Migration tools on the runtime classpath: Flyway and Liquibase under any group (their
     * database modules, Spring Boot 4's starters, {@code quarkus-flyway}, {@code micronaut-liquibase}).
     */
    private static final Predicate<Artifact> MIGRATION_TOOL = a -> {
        String artifact = a.artifactId().toLowerCase(Locale.ROOT);
        return a.groupId().equals("org.flywaydb") || a.groupId().equals("org.liquibase")
                || artifact.contains("flyway") || artifact.contains("liquibase");
    };

    /**
     * A persistence provider that maps the entities at runtime; entities with only the JPA API are
     * a library shared with the application that runs them. A Jakarta EE platform API means the
     * application server provides it.
     */
    private static final Predicate<Artifact> PERSISTENCE_PROVIDER = a -> switch (a.groupId()) {
        case "org.hibernate", "org.hibernate.orm" -> a.artifactId().equals("hibernate-core");
        case "org.hibernate.reactive" -> a.artifactId().startsWith("hibernate-reactive-core");
        case "org.eclipse.persistence" -> a.artifactId().equals("eclipselink")
                || a.artifactId().equals("org.eclipse.persistence.jpa");
        case "org.apache.openjpa" -> a.artifactId().startsWith("openjpa");
        case "org.datanucleus" -> a.artifactId().equals("datanucleus-api-jakarta")
                || a.artifactId().equals("datanucleus-api-jpa");
        case "org.springframework.boot" -> a.artifactId().equals("spring-boot-starter-data-jpa");
        case "io.quarkus" -> a.artifactId().startsWith("quarkus-hibernate-orm")
                || a.artifactId().startsWith("quarkus-hibernate-reactive");
        case "io.micronaut.data" -> a.artifactId().equals("micronaut-data-hibernate-jpa");
        case "io.micronaut.sql" -> a.artifactId().equals("micronaut-hibernate-jpa");
        case "jakarta.platform" -> a.artifactId().startsWith("jakarta.jakartaee-");
        case "javax" -> a.artifactId().equals("javaee-api") || a.artifactId().equals("javaee-web-api");
        default -> false;
    };

    /** Where Flyway and Liquibase look by default; scripts there are run by a build plugin, a CLI or a job. */
    private static final List<String> MIGRATION_DIRECTORIES = List.of(
            "src/main/resources/db/migration", "src/main/resources/db/changelog");

    private static final String ENTITY_FACT = "entity";

    /** Per file: its entity classes in file order (position, qualified and simple name). */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : codebase.sources().files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (!type.isInterface() && file.isAnnotated(type, ENTITY)) {
                    // The declaration begins at its first annotation, so a comment above the class suppresses the finding.
                    Position at = type.getBegin().orElse(new Position(0, 0));
                    facts.computeIfAbsent(file.path(), k -> new ArrayList<>()).add(FactLines.join(ENTITY_FACT,
                            at.line, at.column, file.qualifiedName(type), type.getNameAsString()));
                }
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        DependencyGraph graph = codebase.dependencies();
        if (!graph.hasNonTest(PERSISTENCE_PROVIDER)
                || !graph.matching(d -> d.isRuntime() && MIGRATION_TOOL.test(d.artifact())).isEmpty()
                || hasMigrationScripts(codebase.baseDir())) {
            return;
        }
        List<FactLines.Fact> entities = FactLines.ofKind(facts, ENTITY_FACT);
        if (entities.isEmpty()) {
            return;
        }
        FactLines.Fact first = entities.get(0);
        int count = entities.size();
        String module = graph.root().artifactId();
        String message = "module `" + module + "` maps " + count + (count == 1 ? " JPA entity" : " JPA entities")
                + " (first `" + first.field(4) + "`) but has neither Flyway nor Liquibase on the runtime "
                + "classpath; " + fix(graph) + " and change the schema only through versioned migrations";
        findings.report(first.file(), first.intField(1), first.intField(2), first.field(3), message,
                "no-schema-migrations " + graph.root().key());
    }

    /** The migration tool integration of the module's framework. */
    private static String fix(DependencyGraph graph) {
        if (graph.hasNonTest(a -> a.groupId().equals("io.quarkus"))) {
            return "add `io.quarkus:quarkus-flyway` (or `quarkus-liquibase`) with `quarkus.flyway.migrate-at-start=true`";
        }
        if (graph.hasNonTest(a -> a.groupId().startsWith("io.micronaut"))) {
            return "add `io.micronaut.flyway:micronaut-flyway` (or `micronaut-liquibase`)";
        }
        return "add `org.flywaydb:flyway-core` (or `org.liquibase:liquibase-core`), which Spring Boot runs at startup,";
    }

    /** Migration scripts in the module: the tool runs outside the application (build plugin, CLI, job). */
    private static boolean hasMigrationScripts(Path baseDir) {
        for (String directory : MIGRATION_DIRECTORIES) {
            Path dir = baseDir.resolve(directory);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                if (walk.anyMatch(Files::isRegularFile)) {
                    return true;
                }
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
        return false;
    }
}
