package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.cache.ResultCache;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.testing.FixtureCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental analysis must report exactly what a whole analysis of the same files reports: this
 * removes each Java file of a service in turn (source and class files), then puts it back, and
 * compares the incremental result after each step with a whole analysis without the cache.
 */
class IncrementalAnalysisTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Path EXAMPLE = Path.of("..", "examples", "order-service", "src", "main");

    /** Cross-file shapes the example lacks: a call through an interface, a static map cleared elsewhere. */
    private static final Map<String, String> EXTRA = Map.of(
            "com/acme/orders/notify/Notifier.java", """
                    package com.acme.orders.notify;

                    public interface Notifier {
                        void orderPlaced(String customerEmail, String orderId);
                    }
                    """,
            "com/acme/orders/notify/MailNotifier.java", """
                    package com.acme.orders.notify;

                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.mail.javamail.JavaMailSender;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class MailNotifier implements Notifier {
                        private final JavaMailSender mailSender;

                        public MailNotifier(JavaMailSender mailSender) {
                            this.mailSender = mailSender;
                        }

                        @Override
                        public void orderPlaced(String customerEmail, String orderId) {
                            SimpleMailMessage message = new SimpleMailMessage();
                            message.setTo(customerEmail);
                            message.setSubject("Order " + orderId + " placed");
                            mailSender.send(message);
                        }
                    }
                    """,
            "com/acme/orders/notify/NotifyController.java", """
                    package com.acme.orders.notify;

                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class NotifyController {
                        private final Notifier notifier;

                        public NotifyController(Notifier notifier) {
                            this.notifier = notifier;
                        }

                        @PostMapping("/orders/{id}/notify")
                        public ResponseEntity<String> notify(@PathVariable String id) {
                            notifier.orderPlaced("customer@example.com", id);
                            return ResponseEntity.ok(id);
                        }
                    }
                    """,
            "com/acme/orders/support/Registry.java", """
                    package com.acme.orders.support;

                    import java.util.HashMap;
                    import java.util.Map;

                    public class Registry {
                        public static final Map<String, String> SEEN = new HashMap<>();

                        public static void remember(String key, String value) {
                            SEEN.put(key, value);
                        }
                    }
                    """,
            "com/acme/orders/support/RegistryCleaner.java", """
                    package com.acme.orders.support;

                    public class RegistryCleaner {
                        public void clear() {
                            Registry.SEEN.clear();
                        }
                    }
                    """,
            "com/acme/orders/support/Suppressed.java", """
                    package com.acme.orders.support;

                    public class Suppressed {
                        public void print(Exception e) {
                            e.printStackTrace(); // archlint:ignore print-stack-trace
                        }

                        public void stale() {
                            System.out.println("x"); // archlint:ignore swallowed-exception
                        }
                    }
                    """);

    /** A Spring service with JPA and service discovery, so that the module-wide rules have something to judge. */
    private static final DependencyGraph DEPENDENCIES = dependencies(
            "org.springframework.boot:spring-boot-starter-web:3.3.5",
            "org.springframework.boot:spring-boot-starter-data-jpa:3.3.5",
            "org.hibernate.orm:hibernate-core:6.5.3.Final",
            "org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3");

    @TempDir
    Path dir;

    private Path module;
    private ResultCache cache;

    @BeforeEach
    void writeService() throws IOException {
        module = dir.resolve("service");
        copyTree(EXAMPLE, module.resolve("src/main"));
        for (Map.Entry<String, String> file : EXTRA.entrySet()) {
            Path target = module.resolve("src/main/java").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        FixtureCompiler.compile(module.resolve("src/main/java"), module.resolve("target/classes"));
        cache = new ResultCache(module.resolve("target/archlint/cache/results.bin"));
    }

    @Test
    void everyRemovalAndRestoreMatchesAWholeAnalysisWithAllRules() throws IOException {
        assertIncrementalMatchesWhole(RuleRegistry.builtIn());
    }

    @Test
    void everyRemovalAndRestoreMatchesAWholeAnalysisWithTheNarrowerRules() throws IOException {
        // Without rules that read the whole module's sources the module is not parsed at all.
        assertIncrementalMatchesWhole(narrowerRules());
    }

    @Test
    void everyRemovalAndRestoreMatchesAWholeAnalysisWithoutMigrations() throws IOException {
        deleteTree(module.resolve("src/main/resources/db"));
        AnalysisResult first = assertIncrementalMatchesWhole(narrowerRules());

        // The module-wide rules that judge from facts have findings to keep right.
        assertThat(first.findings()).extracting(Finding::ruleId).contains("no-authentication",
                "no-schema-migrations", "premature-microservices", "no-observability",
                "missing-global-error-handler");
    }

    @Test
    void changeBehindAnInterfaceReachesTheCallerOfTheInterface() throws IOException {
        List<Rule> rules = RuleRegistry.builtIn();
        AnalysisResult before = analyzer(rules).analyze(codebase(), cache);
        assertThat(ids(before, "com/acme/orders/notify/NotifyController.java")).contains("blocking-work-in-request");

        Path mailNotifier = module.resolve("src/main/java/com/acme/orders/notify/MailNotifier.java");
        Files.writeString(mailNotifier, Files.readString(mailNotifier).replace("mailSender.send(message);", ""));
        recompile();
        AnalysisResult after = analyzer(rules).analyze(codebase(), cache);

        assertThat(after.timings().incremental()).isNotNull();
        assertThat(ids(after, "com/acme/orders/notify/NotifyController.java")).doesNotContain("blocking-work-in-request");
        assertSameResult(after, analyzer(rules).analyze(codebase()), "after MailNotifier stopped sending mail");
    }

    @Test
    void changeOfALeafReanalysesLessThanTheModule() throws IOException {
        List<Rule> rules = narrowerRules();
        analyzer(rules).analyze(codebase(), cache);
        Path suppressed = module.resolve("src/main/java/com/acme/orders/support/Suppressed.java");
        Files.writeString(suppressed, Files.readString(suppressed).replace("System.out.println(\"x\");",
                "System.out.println(\"y\");"));
        recompile();

        AnalysisResult after = analyzer(rules).analyze(codebase(), cache);

        Timings.Incremental incremental = after.timings().incremental();
        assertThat(incremental).isNotNull();
        assertThat(incremental.changed()).isEqualTo(1);
        assertThat(incremental.analysed()).isEqualTo(1);
        assertThat(incremental.files()).isGreaterThan(20);
        assertThat(incremental.wholeModule()).isEmpty();
        assertSameResult(after, analyzer(rules).analyze(codebase()), "after a change of Suppressed.java");
    }

    /** The rules an incremental analysis runs without parsing the whole module. */
    private static List<Rule> narrowerRules() {
        return RuleRegistry.builtIn().stream()
                .filter(r -> r.definition().scope() != Scope.MODULE || r instanceof ModuleFactsRule).toList();
    }

    /** Removes and restores each file, comparing after each step; returns the first, whole, analysis. */
    private AnalysisResult assertIncrementalMatchesWhole(List<Rule> rules) throws IOException {
        AnalysisResult first = analyzer(rules).analyze(codebase(), cache);
        assertThat(first.timings().incremental()).isNull();
        assertThat(first.findings()).hasSizeGreaterThan(10);
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
            javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        int incremental = 0;
        for (Path file : javaFiles) {
            String name = module.relativize(file).toString().replace('\\', '/');
            Map<Path, byte[]> removed = remove(file);

            AnalysisResult afterRemoval = analyzer(rules).analyze(codebase(), cache);
            assertSameResult(afterRemoval, analyzer(rules).analyze(codebase()), "after removing " + name);
            incremental += afterRemoval.timings().incremental() == null ? 0 : 1;

            for (Map.Entry<Path, byte[]> restored : removed.entrySet()) {
                Files.write(restored.getKey(), restored.getValue());
            }
            AnalysisResult afterRestore = analyzer(rules).analyze(codebase(), cache);
            assertSameResult(afterRestore, analyzer(rules).analyze(codebase()), "after restoring " + name);
            incremental += afterRestore.timings().incremental() == null ? 0 : 1;
        }
        // Most single-file changes reach only part of the service.
        assertThat(incremental).as("incremental analyses of %d", 2 * javaFiles.size())
                .isGreaterThan(javaFiles.size());
        return first;
    }

    /** Removes a Java file and the class files compiled from it; returns their content. */
    private Map<Path, byte[]> remove(Path javaFile) throws IOException {
        Map<Path, byte[]> removed = new LinkedHashMap<>();
        removed.put(javaFile, Files.readAllBytes(javaFile));
        String inRoot = module.resolve("src/main/java").relativize(javaFile).toString();
        String stem = inRoot.substring(0, inRoot.length() - ".java".length());
        Path classes = module.resolve("target/classes");
        Path packageDir = classes.resolve(stem).getParent();
        String simple = classes.resolve(stem).getFileName().toString();
        try (Stream<Path> list = Files.list(packageDir)) {
            for (Path classFile : list.filter(p -> p.getFileName().toString().equals(simple + ".class")
                    || p.getFileName().toString().startsWith(simple + "$")).toList()) {
                removed.put(classFile, Files.readAllBytes(classFile));
            }
        }
        for (Path path : removed.keySet()) {
            Files.delete(path);
        }
        return removed;
    }

    private static void assertSameResult(AnalysisResult incremental, AnalysisResult whole, String when) {
        assertThat(incremental.findings()).as("findings " + when).containsExactlyElementsOf(whole.findings());
        assertThat(incremental.suppressed()).as("suppressed " + when).containsExactlyElementsOf(whole.suppressed());
        assertThat(incremental.skipped()).as("skipped " + when).containsExactlyElementsOf(whole.skipped());
        assertThat(incremental.rules()).as("rules " + when).containsExactlyElementsOf(whole.rules());
    }

    private static List<String> ids(AnalysisResult result, String javaPath) {
        List<String> ids = new ArrayList<>();
        result.findings().stream().filter(f -> f.file().equals("src/main/java/" + javaPath))
                .forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    private void recompile() throws IOException {
        deleteTree(module.resolve("target/classes"));
        FixtureCompiler.compile(module.resolve("src/main/java"), module.resolve("target/classes"));
    }

    private Analyzer analyzer(List<Rule> rules) {
        return new Analyzer(rules, Map.of(), 2, TODAY, List.of());
    }

    private Codebase codebase() {
        return Codebase.builder(module)
                .moduleName("service")
                .sourceRoot(module.resolve("src/main/java"))
                .resourceRoot(module.resolve("src/main/resources"))
                .classesDir(module.resolve("target/classes"))
                .dependencies(DEPENDENCIES)
                .parallelism(2)
                .build();
    }

    private static DependencyGraph dependencies(String... coordinates) {
        DependencyGraph.Builder builder = DependencyGraph.builder(new Artifact("com.acme", "service", "1.0"));
        int line = 20;
        for (String each : coordinates) {
            String[] parts = each.split(":");
            Artifact artifact = new Artifact(parts[0], parts[1], parts[2]);
            builder.add(new io.archlint.engine.dependencies.Dependency(artifact, "compile", false, List.of(artifact),
                    new io.archlint.engine.dependencies.Dependency.Declaration("pom.xml", line++, 9)));
        }
        return builder.build();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
