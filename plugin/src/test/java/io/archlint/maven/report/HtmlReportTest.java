package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String HOSTILE = "</script><script>alert(1)</script>";

    private Document render(List<Finding> findings, List<Skipped> skipped) {
        return render(new HtmlReport(), findings, skipped);
    }

    private static Document render(HtmlReport writer, List<Finding> findings, List<Skipped> skipped) {
        AnalysisResult result = new AnalysisResult(RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(),
                findings, skipped);
        String html = writer.render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result,
                Severity.ERROR, "1.0", Instant.parse("2026-01-02T03:04:05Z")));
        return Jsoup.parse(html);
    }

    private static Finding finding(String ruleId, Severity severity, String file, int line) {
        return new Finding(ruleId, severity, "message of " + ruleId, file, line, 1, "com.acme.A", ruleId + line,
                Finding.Status.NEW);
    }

    /** A Java file whose line n reads {@code line n}, except where given. */
    private static void write(Path dir, String file, String... lines) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String[] numberedLines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "int line" + n + " = " + n + ";").toArray(String[]::new);
    }

    @Nested
    class Dashboard {

        private final List<Finding> findings = List.of(
                finding("controller-data-access", Severity.WARNING, "src/main/java/com/acme/web/A.java", 3),
                finding("controller-data-access", Severity.WARNING, "src/main/java/com/acme/web/A.java", 9),
                finding("controller-data-access", Severity.WARNING, "src/main/java/com/acme/web/B.java", 4),
                finding("hardcoded-secret", Severity.ERROR, "src/main/resources/application.yml", 2),
                finding("print-stack-trace", Severity.WARNING, "src/main/java/com/acme/C.java", 7)
                        .withStatus(Finding.Status.BASELINE));

        @Test
        void drawsOneBarPerCategoryAndPerRuleWithFindings() {
            Document page = render(findings, List.of());

            assertThat(page.select("svg#chart-category rect.bar")).hasSize(3);
            assertThat(page.select("svg#chart-rule rect.bar")).hasSize(3);
            Element first = page.selectFirst("svg#chart-rule rect.bar");
            assertThat(first.attr("data-label")).isEqualTo("controller-data-access");
            assertThat(first.attr("data-count")).isEqualTo("3");
            assertThat(page.select("svg#chart-category rect.bar").eachAttr("data-label"))
                    .containsExactly("Layering", "Error handling and logging", "Security");
        }

        @Test
        void listsTheMostAffectedFilesAndPackages() {
            Document page = render(findings, List.of());

            assertThat(page.select("#top-files li").eachText()).containsExactly(
                    "src/main/java/com/acme/web/A.java 2", "src/main/java/com/acme/C.java 1",
                    "src/main/java/com/acme/web/B.java 1", "src/main/resources/application.yml 1");
            assertThat(page.select("#top-packages li").eachText()).containsExactly(
                    "com.acme.web 3", "com.acme 1", "src/main/resources/ 1");
        }

        @Test
        void keepsTheTopTenFilesOnly() {
            List<Finding> many = IntStream.range(0, 15)
                    .mapToObj(i -> finding("print-stack-trace", Severity.WARNING, "src/main/java/F" + i + ".java", 1))
                    .toList();
            Document page = render(many, List.of());

            assertThat(page.select("#top-files li")).hasSize(HtmlReport.TOP);
            assertThat(page.select("#top-packages li").eachText()).containsExactly("(default package) 15");
        }

        @Test
        void countsNewAndBaselineFindings() {
            Document page = render(findings, List.of());

            assertThat(page.selectFirst("#card-new").text()).isEqualTo("4 New");
            assertThat(page.selectFirst("#card-baseline").text()).isEqualTo("1 Baseline");
        }

        @Test
        void offersTheRulesAndCategoriesWithFindingsAsFilters() {
            Document page = render(findings, List.of());

            assertThat(page.select("#f-rule option").eachAttr("value"))
                    .containsExactly("", "controller-data-access", "hardcoded-secret", "print-stack-trace");
            assertThat(page.select("#f-category option").eachAttr("value"))
                    .containsExactly("", "errors", "layering", "security");
            assertThat(page.select("#findings tbody tr").eachAttr("data-category"))
                    .containsExactly("layering", "layering", "layering", "security", "errors");
        }

        @Test
        void showsNoChartsWithoutFindings() {
            Document page = render(List.of(), List.of());

            assertThat(page.select("svg")).isEmpty();
            assertThat(page.text()).contains("No findings.");
        }
    }

    @Nested
    class Snippets {

        @TempDir
        Path module;

        @Test
        void showsTwoLinesEitherSideWithTheFindingsLineMarked() throws IOException {
            write(module, "src/main/java/A.java", numberedLines(10));
            Document page = render(new HtmlReport(module),
                    List.of(finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 5)), List.of());

            Element snippet = page.selectFirst("#findings tbody tr details.more pre.snippet");
            assertThat(snippet.select("span[data-line]").eachAttr("data-line")).containsExactly("3", "4", "5", "6", "7");
            assertThat(snippet.select(".hit")).singleElement().satisfies(hit -> {
                assertThat(hit.selectFirst(".ln").text()).isEqualTo("5");
                assertThat(hit.ownText()).isEqualTo("int line5 = 5;");
            });
        }

        @Test
        void stopsAtTheStartAndEndOfTheFile() throws IOException {
            write(module, "src/main/java/A.java", numberedLines(3));
            Document page = render(new HtmlReport(module), List.of(
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 1),
                    finding("log-string-concat", Severity.WARNING, "src/main/java/A.java", 3)), List.of());

            assertThat(page.select("pre.snippet").get(0).select("span[data-line]").eachAttr("data-line"))
                    .containsExactly("1", "2", "3");
            assertThat(page.select("pre.snippet").get(1).select(".hit").attr("data-line")).isEqualTo("3");
        }

        @Test
        void escapesHostileSourceLines() throws IOException {
            write(module, "src/main/java/A.java", "class A {", "  String s = \"x\";", "  // " + HOSTILE,
                    "  void f() {}", "}");
            Document page = render(new HtmlReport(module),
                    List.of(finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 3)), List.of());

            assertThat(page.select("script")).hasSize(1);
            assertThat(page.selectFirst("pre.snippet .hit").ownText()).isEqualTo("// " + HOSTILE);
        }

        @Test
        void readsTheSourcesInTheirEncoding() throws IOException {
            Path path = module.resolve("src/main/java/A.java");
            Files.createDirectories(path.getParent());
            Files.write(path, "// Grüße\n".getBytes(StandardCharsets.ISO_8859_1));
            Document page = render(new HtmlReport(module, StandardCharsets.ISO_8859_1),
                    List.of(finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 1)), List.of());

            assertThat(page.selectFirst("pre.snippet .hit").ownText()).isEqualTo("// Grüße");
        }

        @Test
        void neverShowsTheCodeAroundAHardcodedSecret() throws IOException {
            write(module, "src/main/java/A.java", "class A {",
                    "  static final String API_KEY = \"pk-acme-7Fq2xRw9Lk4mTz8vNb3\";", "}");
            Document page = render(new HtmlReport(module),
                    List.of(finding("hardcoded-secret", Severity.ERROR, "src/main/java/A.java", 2)), List.of());

            assertThat(page.select("pre.snippet")).isEmpty();
            assertThat(page.html()).doesNotContain("7Fq2xRw9Lk4mTz8vNb3");
        }

        @Test
        void hidesASecretNextToAnotherFinding() throws IOException {
            write(module, "src/main/java/A.java", "class A {",
                    "  static final String API_KEY = \"pk-acme-7Fq2xRw9Lk4mTz8vNb3\";",
                    "  String dbPassword = \"Zq7!pLm2vRx9\";", "  void f() { e.printStackTrace(); }", "}");
            Document page = render(new HtmlReport(module), List.of(
                    finding("hardcoded-secret", Severity.ERROR, "src/main/java/A.java", 2),
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 4)), List.of());

            Element snippet = page.selectFirst("pre.snippet");
            assertThat(snippet.text()).contains("e.printStackTrace()", "String dbPassword = \"****\"")
                    .doesNotContain("7Fq2xRw9Lk4mTz8vNb3", "Zq7!pLm2vRx9");
        }

        @Test
        void masksSecretValuesInConfigurationFiles() throws IOException {
            write(module, "src/main/resources/application.yml", "spring:", "  datasource:",
                    "    password: Zq7!pLm2vRx9", "    url: jdbc:h2:mem:x");
            Document page = render(new HtmlReport(module), List.of(
                    finding("no-connection-pool", Severity.WARNING, "src/main/resources/application.yml", 4)), List.of());

            assertThat(page.selectFirst("pre.snippet").text()).contains("password: ****", "url: jdbc:h2:mem:x")
                    .doesNotContain("Zq7!pLm2vRx9");
        }

        @Test
        void showsNoSnippetForMissingLargeOrOutsideFiles() throws IOException {
            write(module, "src/main/java/Big.java", "x".repeat((int) SourceSnippets.MAX_FILE_BYTES + 1));
            write(module.getParent(), "Outside.java", numberedLines(3));
            Document page = render(new HtmlReport(module), List.of(
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/Missing.java", 1),
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/Big.java", 1),
                    finding("print-stack-trace", Severity.WARNING, "../Outside.java", 1),
                    finding("print-stack-trace", Severity.WARNING, "src/main/java", 1),
                    finding("no-connection-pool", Severity.WARNING, "pom.xml", 0)), List.of());

            assertThat(page.select("#findings tbody tr")).hasSize(5);
            assertThat(page.select("pre.snippet")).isEmpty();
        }

        @Test
        void showsNoSnippetWithoutAModuleDirectory() {
            Document page = render(List.of(finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 1)),
                    List.of());

            assertThat(page.select("pre.snippet")).isEmpty();
            assertThat(page.select("details.more .doc-slot").attr("data-rule")).isEqualTo("print-stack-trace");
        }
    }

    @Nested
    class Documentation {

        @Test
        void rendersTheRulePageOnceForEachRuleWithFindings() {
            Document page = render(List.of(
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 1),
                    finding("print-stack-trace", Severity.WARNING, "src/main/java/A.java", 2)), List.of());

            assertThat(page.select("#docs details.doc").eachAttr("id")).containsExactly("doc-print-stack-trace");
            Element doc = page.selectFirst("#doc-print-stack-trace .md");
            assertThat(doc.select("h3").eachText()).startsWith("Why this is a problem", "Noncompliant example");
            assertThat(doc.select("pre code")).isNotEmpty();
            assertThat(page.select("details.more .doc-slot a").eachAttr("href"))
                    .containsOnly("#doc-print-stack-trace");
        }

        @Test
        void letsNoRawHtmlOrScriptLinkThrough() {
            String html = new MarkdownRenderer(1).render("""
                    ## Title
                    <script>alert(1)</script>

                    <b>bold</b> and [link](javascript:alert(1)) and [ok](https://example.org)
                    """);
            Document fragment = Jsoup.parseBodyFragment(html);

            assertThat(fragment.select("h3").text()).isEqualTo("Title");
            assertThat(fragment.select("script, b")).isEmpty();
            assertThat(fragment.text()).contains("<script>alert(1)</script>", "<b>bold</b>");
            assertThat(fragment.select("a").eachAttr("href")).containsExactly("", "https://example.org");
        }
    }

    @Test
    void rendersTextFromTheAnalysedCodeAsTextNeverAsMarkup() {
        Finding finding = new Finding("controller-data-access", Severity.WARNING, "`" + HOSTILE + "` injects x",
                "src/main/java/" + HOSTILE + ".java", 3, 1, "com.acme." + HOSTILE, "ff", Finding.Status.NEW);
        Document page = render(List.of(finding), List.of(new Skipped(HOSTILE, HOSTILE)));

        assertThat(page.select("script")).hasSize(1);
        Element row = page.selectFirst("#findings tbody tr");
        assertThat(row.text()).contains(HOSTILE);
        assertThat(page.selectFirst("#skipped").text()).contains(HOSTILE);
    }

    @Test
    void isSelfContainedAndForbidsNetworkRequests() {
        Document page = render(List.of(), List.of());
        assertThat(page.select("link[href], script[src], img[src^=http]")).isEmpty();
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'");
    }

    @Test
    void showsTotalsRulesAndFindings() {
        Finding finding = new Finding("controller-data-access", Severity.WARNING, "`A` injects `B`",
                "src/main/java/A.java", 3, 5, "com.acme.A", "ff", Finding.Status.NEW);
        Document page = render(List.of(finding), List.of());

        assertThat(page.title()).isEqualTo("Archlint report: orders");
        assertThat(page.select(".card").eachText()).contains("1 Findings", "0 ERROR", "1 WARNING", "0 INFO");
        assertThat(page.select("#by-rule tbody tr")).hasSize(RuleRegistry.builtIn().size());
        assertThat(page.select("#findings tbody tr")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("WARNING", "controller-data-access",
                        "src/main/java/A.java:[3,5]", "`A` injects `B`", "new"));
        assertThat(page.selectFirst("header").text()).contains("2026-01-02T03:04:05Z");
    }
}
