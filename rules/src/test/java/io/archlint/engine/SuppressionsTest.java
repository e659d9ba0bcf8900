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
                    .forEach(m -> findings.report(f, m.getName(), "com.acme.A#" + m.getNameAsString(), "`" + m.getNameAsString() + "`")));
        }
    }

    private AnalysisResult analyze(String code) throws IOException {
        return analyze(code, List.of());
    }

    private AnalysisResult analyze(String code, List<Exclusion> exclusions) throws IOException {
        Path file = base.resolve("src/main/java/com/acme/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
        Codebase codebase = Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).build();
        return new Analyzer(List.of(new EveryMethodRule()), Map.of(), 1, LocalDate.parse("2026-11-23"), exclusions)
                .analyze(codebase);
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
    void aFileWithAByteInvalidInItsEncodingKeepsItsSuppressionComments() throws IOException {
        Path file = base.resolve("src/main/java/com/acme/A.java");
        Files.createDirectories(file.getParent());
        byte[] latin1Comment = "// Gr\u00fc\u00dfe from the legacy team\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] code = """
                package com.acme;
                class A {
                    // archlint:ignore every-method generated adapter, regenerated each build
                    void above() {}
                    void kept() {}
                }
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[latin1Comment.length + code.length];
        System.arraycopy(latin1Comment, 0, both, 0, latin1Comment.length);
        System.arraycopy(code, 0, both, latin1Comment.length, code.length);
        Files.write(file, both);
        Codebase codebase = Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).build();

        AnalysisResult result = new Analyzer(List.of(new EveryMethodRule()), Map.of(), 1, LocalDate.parse("2026-11-23"),
                List.of()).analyze(codebase);

        assertThat(result.findings()).extracting(Finding::message).containsExactly("`kept`");
        assertThat(result.suppressed()).extracting(Finding::message).containsExactly("`above`");
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

    @Test
    void exclusionsFromTheConfigurationMatchPathsOrPackagesAndExpire() throws IOException {
        String code = """
                package com.acme;
                class A {
                    void one() {}
                }
                """;
        assertThat(analyze(code, List.of(new Exclusion("src/main/java/com/acme/**", null, java.util.Set.of(), null, "generated")))
                .suppressed()).hasSize(1);
        assertThat(analyze(code, List.of(new Exclusion(null, "com.acme", java.util.Set.of("every-method"), null, "legacy")))
                .suppressed()).hasSize(1);
        assertThat(analyze(code, List.of(new Exclusion(null, "com.other.**", java.util.Set.of(), null, "x"))).findings())
                .extracting(Finding::message).containsExactly("`one`");
        assertThat(analyze(code, List.of(new Exclusion("src/**", null, java.util.Set.of(), LocalDate.parse("2026-01-01"), "x")))
                .findings()).extracting(Finding::message)
                .containsExactly("`one` (exclusion src/** expired on 2026-01-01)");
    }

    @Test
    void aSuppressionThatMatchesNothingIsReported() throws IOException {
        AnalysisResult result = analyze("""
                package com.acme;
                class A {
                    // archlint:ignore every-method still needed
                    void used() {}
                    int field; // archlint:ignore every-method nothing here any more
                    @SuppressWarnings("archlint:every-method")
                    int other;
                    // archlint:ignore some-rule-that-did-not-run cannot tell
                    int third;
                }
                """);
        assertThat(result.suppressed()).extracting(Finding::message).containsExactly("`used`");
        assertThat(result.findings()).extracting(Finding::ruleId, Finding::line, Finding::severity, Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unused-suppression", 5, Severity.INFO,
                                "`archlint:ignore every-method` suppresses nothing; remove it"),
                        org.assertj.core.groups.Tuple.tuple("unused-suppression", 6, Severity.INFO,
                                "`@SuppressWarnings(\"archlint:every-method\")` suppresses nothing; remove it"));
        assertThat(result.rules()).extracting(RuleDefinition::id).contains("unused-suppression");
    }
}
