package io.archlint.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Analyzer;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    @TempDir
    Path base;

    /** Counts its runs, so that a test sees whether the analysis ran or came from the cache. */
    @RuleInfo(id = "every-type", title = "Reports every type", category = Category.LAYERING,
            severity = Severity.WARNING, facets = Facet.SOURCES, since = "0.1.0", reason = "test")
    static final class EveryTypeRule implements Rule {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            runs.incrementAndGet();
            codebase.sources().files().forEach(f -> f.unit().getTypes().forEach(t ->
                    findings.report(f, t, f.qualifiedName(t), "`" + t.getNameAsString() + "` exists")));
        }
    }

    private final EveryTypeRule rule = new EveryTypeRule();

    private Codebase codebase() {
        return Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).parallelism(1)
                .ownDependency("com.acme:acme-common:1.0", base.resolve("common/target/classes"))
                .build();
    }

    private AnalysisResult analyze(Map<String, Severity> severities) {
        return new Analyzer(List.of(rule), severities, 1)
                .analyze(codebase(), new ResultCache(base.resolve("target/archlint/cache/results.bin")));
    }

    private void write(String name, String text) throws IOException {
        Path dir = base.resolve("src/main/java/com/acme");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void anUnchangedModuleIsNotAnalysedAgain() throws IOException {
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        write("Broken.java", "package com.acme;\n\npublic class Broken {\n  void x( {\n}\n");

        AnalysisResult first = analyze(Map.of());
        AnalysisResult second = analyze(Map.of());

        assertThat(rule.runs).hasValue(1);
        assertThat(first.timings().cached()).isFalse();
        assertThat(second.timings().cached()).isTrue();
        assertThat(second.timings().facets()).containsOnlyKeys("input-digest");
        assertThat(second.findings()).isEqualTo(first.findings()).hasSize(1);
        assertThat(second.skipped()).isEqualTo(first.skipped()).hasSize(1);
        assertThat(second.rules()).isEqualTo(first.rules());
    }

    @Test
    void aChangedSourceIsAnalysedAgain() throws IOException {
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        analyze(Map.of());
        write("Good.java", "package com.acme;\n\npublic class Good {}\n\nclass Other {}\n");

        AnalysisResult second = analyze(Map.of());

        assertThat(rule.runs).hasValue(2);
        assertThat(second.timings().cached()).isFalse();
        assertThat(second.findings()).hasSize(2);
    }

    @Test
    void aChangedModuleOfTheSameGroupIsAnalysedAgain() throws IOException {
        // A rule may find what it looks for there (a global error handler); its SNAPSHOT version does not change.
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        Path common = Files.createDirectories(base.resolve("common/target/classes/com/acme/common"));
        Files.write(common.resolve("Errors.class"), new byte[] {1});
        analyze(Map.of());
        AnalysisResult unchanged = analyze(Map.of());
        Files.write(common.resolve("Errors.class"), new byte[] {2});

        AnalysisResult changed = analyze(Map.of());

        assertThat(unchanged.timings().cached()).isTrue();
        assertThat(changed.timings().cached()).isFalse();
        assertThat(rule.runs).hasValue(2);
    }

    @Test
    void changedConfigurationIsAnalysedAgain() throws IOException {
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        analyze(Map.of());

        AnalysisResult second = analyze(Map.of("every-type", Severity.ERROR));

        assertThat(rule.runs).hasValue(2);
        assertThat(second.findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aChangedMigrationOutsideTheResourcesIsAnalysedAgain() throws IOException {
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        Path resources = Files.createDirectories(base.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"), "spring:\n  flyway:\n    locations: filesystem:sql\n");
        Path migration = Files.createDirectories(base.resolve("sql")).resolve("V1__init.sql");
        Files.writeString(migration, "create table orders (id int);\n");
        Analyzer analyzer = new Analyzer(List.of(rule), Map.of(), 1);
        ResultCache cache = new ResultCache(base.resolve("target/archlint/cache/results.bin"));
        java.util.function.Supplier<Codebase> codebase = () -> Codebase.builder(base)
                .sourceRoot(base.resolve("src/main/java")).resourceRoot(resources).parallelism(1).build();

        analyzer.analyze(codebase.get(), cache);
        analyzer.analyze(codebase.get(), cache);
        Files.writeString(migration, "create table orders (id bigint);\n");
        analyzer.analyze(codebase.get(), cache);

        assertThat(rule.runs).hasValue(2);
    }

    @Test
    void aDamagedCacheIsAMissAndIsReplaced() throws IOException {
        write("Good.java", "package com.acme;\n\npublic class Good {}\n");
        Path file = base.resolve("target/archlint/cache/results.bin");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {0, 5, 'j', 'u', 'n', 'k', 1, 2, 3});

        AnalysisResult first = analyze(Map.of());
        AnalysisResult second = analyze(Map.of());

        assertThat(first.findings()).hasSize(1);
        assertThat(second.timings().cached()).isTrue();
        assertThat(second.findings()).isEqualTo(first.findings());
    }

    @Test
    void digestsDoNotDependOnSetOrder() {
        assertThat(Digest.canonical(java.util.Set.of("b", "a", "c"))).isEqualTo("{a,b,c}");
        assertThat(new Digest().add("x", java.util.Set.of("p", "q", "r", "s")).hex())
                .isEqualTo(new Digest().add("x", new java.util.TreeSet<>(List.of("s", "r", "q", "p"))).hex());
    }
}
