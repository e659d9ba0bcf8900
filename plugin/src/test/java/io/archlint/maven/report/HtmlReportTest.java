package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String HOSTILE = "</script><script>alert(1)</script>";

    private Document render(List<Finding> findings, List<Skipped> skipped) {
        AnalysisResult result = new AnalysisResult(RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(),
                findings, skipped);
        String html = new HtmlReport().render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result,
                Severity.ERROR, "1.0", Instant.parse("2026-01-02T03:04:05Z")));
        return Jsoup.parse(html);
    }

    @Test
    void rendersTextFromTheAnalysedCodeAsTextNeverAsMarkup() {
        Finding finding = new Finding("controller-data-access", Severity.WARNING, "`" + HOSTILE + "` injects x",
                "src/main/java/" + HOSTILE + ".java", 3, 1, "com.acme." + HOSTILE, "ff", Finding.Status.NEW);
        Document page = render(List.of(finding), List.of(new Skipped(HOSTILE, HOSTILE)));

        assertThat(page.select("script")).hasSize(1);
        Element row = page.selectFirst("#findings tbody tr");
        assertThat(row.text()).contains(HOSTILE);
        assertThat(page.select("table").last().text()).contains(HOSTILE);
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
