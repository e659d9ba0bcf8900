package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

    @TempDir
    Path base;

    @RuleInfo(id = "every-file", title = "Reports every source file", category = Category.LAYERING,
            severity = Severity.WARNING, facets = Facet.SOURCES, since = "0.1.0", reason = "test")
    static final class EveryFileRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            codebase.sources().files().forEach(f -> f.unit().getTypes().forEach(t ->
                    findings.report(f, t, f.qualifiedName(t), "`" + t.getNameAsString() + "` exists")));
        }
    }

    @RuleInfo(id = "always-fails", title = "Fails", category = Category.LAYERING, severity = Severity.ERROR,
            facets = Facet.SOURCES, since = "0.1.0", reason = "test")
    static final class FailingRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            throw new IllegalStateException("boom");
        }
    }

    @RuleInfo(id = "needs-classes", title = "Needs classes", category = Category.LAYERING, severity = Severity.ERROR,
            facets = {Facet.CLASSES, Facet.SOURCES}, since = "0.1.0", reason = "test")
    static final class BytecodeRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            throw new AssertionError("must not run without classes");
        }
    }

    @RuleInfo(id = "needs-migrations", title = "Needs migrations", category = Category.DATABASE,
            severity = Severity.WARNING, facets = Facet.MIGRATIONS, since = "0.1.0", reason = "test")
    static final class MigrationRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            throw new AssertionError("must not run without migrations");
        }
    }

    private Codebase codebase() throws IOException {
        Path sources = base.resolve("src/main/java/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Good.java"), "package com.acme;\n\npublic class Good {}\n");
        Files.writeString(sources.resolve("Broken.java"), "package com.acme;\n\npublic class Broken {\n  void x( {\n}\n");
        return Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).parallelism(2).build();
    }

    @Test
    void reportsUnparseableSourcesOnceAndAnalysesTheRest() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new EveryFileRule()), Map.of(), 2).analyze(codebase());

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("src/main/java/com/acme/Good.java");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.column()).isEqualTo(1);
            assertThat(f.symbol()).isEqualTo("com.acme.Good");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.status()).isEqualTo(Finding.Status.NEW);
        });
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("src/main/java/com/acme/Broken.java");
            assertThat(s.reason()).startsWith("does not parse at line 4");
        });
    }

    @Test
    void aFailingRuleIsReportedAndTheOthersStillRun() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new FailingRule(), new EveryFileRule()), Map.of(), 2)
                .analyze(codebase());

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("every-file");
        assertThat(result.skipped()).extracting(Skipped::reason)
                .anySatisfy(r -> assertThat(r).startsWith("rule always-fails failed and was skipped: ")
                        .contains("boom"));
    }

    @Test
    void rulesWhoseFacetIsMissingAreSkippedWithOneNote() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new BytecodeRule(), new EveryFileRule()), Map.of(), 1)
                .analyze(codebase());

        assertThat(result.findings()).hasSize(1);
        assertThat(result.skipped()).filteredOn(s -> s.file().equals("target/classes")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("holds no compiled classes")
                        .endsWith("rules that need the compiled classes were skipped: needs-classes"));
    }

    @Test
    void rulesThatNeedMigrationsAreSkippedWithoutANoteWhenThereAreNone() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new MigrationRule(), new EveryFileRule()), Map.of(), 1)
                .analyze(codebase());

        assertThat(result.findings()).isNotEmpty();
        assertThat(result.skipped()).noneMatch(s -> s.reason().contains("migrations"));
    }

    @Test
    void severityOverridesApply() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new EveryFileRule()), Map.of("every-file", Severity.ERROR), 1)
                .analyze(codebase());
        assertThat(result.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(result.failing(Severity.ERROR)).hasSize(1);
        assertThat(result.failing(null)).isEmpty();
    }

    @Test
    void fingerprintsIgnoreLinesAndWhitespaceButNotTheCode() {
        String a = Fingerprints.of("r", "A.java", "com.acme.A#m", "repo.save( order )");
        assertThat(a).hasSize(16);
        assertThat(Fingerprints.of("r", "A.java", "com.acme.A#m", "repo.save(\n   order )")).isEqualTo(a);
        assertThat(Fingerprints.of("r", "A.java", "com.acme.A#m", "repo.save( refund )")).isNotEqualTo(a);
        assertThat(Fingerprints.of("r", "A.java", "com.acme.A#other", "repo.save( order )")).isNotEqualTo(a);
    }

    @Test
    void measuresEachFacetTheRulesReadAndEachRuleThatRan() throws IOException {
        AnalysisResult result = new Analyzer(List.of(new FailingRule(), new EveryFileRule()), Map.of(), 2)
                .analyze(codebase());

        Timings timings = result.timings();
        assertThat(timings.facets()).containsOnlyKeys("sources");
        assertThat(timings.rules()).containsOnlyKeys("always-fails", "every-file");
        assertThat(timings.totalNanos()).isPositive()
                .isGreaterThanOrEqualTo(timings.facets().get("sources"));
        assertThat(timings.slowestFirst()).hasSize(4)
                .isSortedAccordingTo(java.util.Comparator.comparingLong(Timings.Entry::nanos).reversed())
                .extracting(Timings.Entry::name)
                .containsExactlyInAnyOrder("sources", "always-fails", "every-file", "suppressions");
    }
}
