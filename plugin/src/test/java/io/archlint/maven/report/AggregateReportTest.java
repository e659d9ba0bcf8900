package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class AggregateReportTest {

    private static JsonNode module(String artifactId, Finding... findings) {
        try {
            return new ObjectMapper().readTree(new JsonReport().render(new Report(new ModuleInfo("com.acme", artifactId, "1.0"),
                    new AnalysisResult(List.of(), List.of(findings), List.of()), Severity.ERROR, "9.9", java.time.Instant.EPOCH)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Finding finding(Severity severity, String message) {
        return new Finding("controller-data-access", severity, message, "src/main/java/A.java", 7, 5, "com.acme.A",
                "00112233aabbccdd", Finding.Status.NEW);
    }

    private final AggregateReport aggregate = new AggregateReport(new ModuleInfo("com.acme", "shop", "1.0"), List.of(
            module("web", finding(Severity.ERROR, "<script>alert('x')</script> & more")),
            module("domain"),
            module("<b>odd</b>", finding(Severity.WARNING, "`A` injects `B`"))), List.of("batch"));

    @Test
    void jsonHasModulesWithTheirTotalsAndFindings() throws Exception {
        JsonNode root = new ObjectMapper().readTree(aggregate.renderJson());
        assertThat(root.fieldNames()).toIterable().containsExactly("tool", "project", "modules", "summary", "missing");
        assertThat(root.at("/project/artifactId").asText()).isEqualTo("shop");
        assertThat(root.at("/modules").size()).isEqualTo(3);
        assertThat(root.at("/modules/0/module/artifactId").asText()).isEqualTo("web");
        assertThat(root.at("/modules/0/summary/total").asInt()).isEqualTo(1);
        assertThat(root.at("/modules/0/summary/failed").asBoolean()).isTrue();
        assertThat(root.at("/modules/0/findings/0/message").asText()).isEqualTo("<script>alert('x')</script> & more");
        assertThat(root.at("/modules/1/findings").size()).isZero();
        assertThat(root.at("/summary/modules").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/total").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/bySeverity/ERROR").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/bySeverity/WARNING").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/bySeverity/INFO").asInt()).isZero();
        assertThat(root.at("/summary/failed").asBoolean()).isTrue();
        assertThat(root.at("/missing/0").asText()).isEqualTo("batch");
    }

    @Test
    void htmlEscapesEverythingFromTheAnalysedCodeAndWorksOffline() {
        String html = aggregate.renderHtml();
        assertThat(html).doesNotContain("<script").doesNotContain("<b>odd").doesNotContain("http");
        Document page = Jsoup.parse(html);
        assertThat(page.select("#modules tbody tr")).hasSize(3);
        assertThat(page.select("#modules tbody tr").get(2).child(0).text()).isEqualTo("<b>odd</b>");
        assertThat(page.select("#findings tbody tr")).hasSize(2);
        assertThat(page.select("#findings tbody tr").get(0).child(0).text()).isEqualTo("web");
        assertThat(page.select("#findings tbody tr").get(0).child(4).text()).isEqualTo("<script>alert('x')</script> & more");
        assertThat(page.select("#missing").text()).contains("batch");
    }
}
