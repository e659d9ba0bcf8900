package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {

    @TempDir
    Path base;

    /** Reports every method, at its name. */
    @RuleInfo(id = "every-method", title = "Reports every method", category = Category.LAYERING,
            severity = Severity.WARNING, facets = Facet.SOURCES, since = "0.1.0", reason = "test")
    static final class EveryMethodRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            codebase.sources().files().forEach(f -> f.unit().findAll(com.github.javaparser.ast.body.MethodDeclaration.class)
                    .forEach(m -> findings.report(f, m.getName(), m.getNameAsString(), "`" + m.getNameAsString() + "`")));
        }
    }

    private AnalysisResult analyze(String code) throws IOException {
        Path file = base.resolve("src/main/java/com/acme/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
        Codebase codebase = Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).build();
        return new Analyzer(List.of(new EveryMethodRule()), Map.of(), 1, LocalDate.parse("2026-11-23")).analyze(codebase);
    }

    @Test
    void aCommentOnTheLineOrTheLineAboveSuppressesThatRuleOnly() throws IOException {
        AnalysisResult result = analyze("""
                package com.acme;
                class A {
                    // archlint:ignore every-method generated adapter, regenerated each build
                    void above() {}
                    void same() {} // archlint:ignore every-method,other-rule kept for the legacy client
                    // archlint:ignore other-rule not this one
                    void otherRule() {}
                    void kept() {}
                }
                """);
        assertThat(result.findings()).extracting(Finding::message).containsExactly("`otherRule`", "`kept`");
        assertThat(result.suppressed()).extracting(Finding::message).containsExactly("`above`", "`same`");
    }

    @Test
    void suppressWarningsOnAnEnclosingDeclarationSuppresses() throws IOException {
        AnalysisResult result = analyze("""
                package com.acme;
                class A {
                    @SuppressWarnings("archlint:every-method")
                    void byId() {}
                    @SuppressWarnings({"unchecked", "archlint"})
                    void all() {}
                    @SuppressWarnings("archlint:other-rule")
                    void otherRule() {}
                    @SuppressWarnings("archlint:every-method")
                    static class Nested {
                        void inside() {}
                    }
                }
                """);
        assertThat(result.findings()).extracting(Finding::message).containsExactly("`otherRule`");
        assertThat(result.suppressed()).hasSize(3);
    }

    @Test
    void anExpiredSuppressionStopsSuppressingAndSaysSo() throws IOException {
        AnalysisResult result = analyze("""
                package com.acme;
                class A {
                    // archlint:ignore every-method until=2026-11-22 migrating in Q4
                    void expired() {}
                    // archlint:ignore every-method until=2026-11-23 last day still counts
                    void today() {}
                    // archlint:ignore every-method until=soon whenever
                    void badDate() {}
                }
                """);
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "`expired` (suppression expired on 2026-11-22)",
                "`badDate` (suppression ignored: until=soon is not a date (YYYY-MM-DD))");
        assertThat(result.suppressed()).extracting(Finding::message).containsExactly("`today`");
    }
}
