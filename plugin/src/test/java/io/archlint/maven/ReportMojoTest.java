package io.archlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import io.archlint.maven.report.ModuleInfo;
import io.archlint.maven.report.Report;
import java.io.StringWriter;
import java.util.List;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReportMojoTest {

    private static String render(Report report) {
        StringWriter out = new StringWriter();
        Xhtml5BaseSink sink = new Xhtml5BaseSink(out);
        new ReportMojo.Page(sink, report).render();
        sink.close();
        return out.toString();
    }

    @Test
    void sitePageHasTheSummariesAndEveryFindingEscaped() {
        Finding warning = new Finding("controller-data-access", Severity.WARNING, "`A` injects <JdbcTemplate> & co",
                "src/main/java/A.java", 7, 5, "com.acme.A", "00112233aabbccdd", Finding.Status.NEW);
        Finding error = new Finding("no-connection-pool", Severity.ERROR, "<script>alert(1)</script>",
                "pom.xml", 0, 0, "com.acme:orders", "aabbccdd00112233", Finding.Status.BASELINE);
        AnalysisResult result = new AnalysisResult(List.of(), List.of(error, warning),
                List.of(new Skipped("src/main/java/B.java", "does not parse")));
        String html = render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result, Severity.ERROR, "9.9",
                java.time.Instant.EPOCH));

        assertThat(html).doesNotContain("<script>").doesNotContain("<JdbcTemplate>");
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1, h2").eachText()).contains("Archlint", "Summary by severity", "Summary by rule",
                "Findings", "Not analysed");
        assertThat(page.text()).contains("Archlint 9.9 on orders: 2 findings", "this module passes"); // the error is in the baseline
        List<List<String>> rows = page.select("table").stream()
                .map(t -> t.select("tr").stream().map(Element::text).toList()).toList();
        assertThat(rows.get(0)).contains("ERROR 1", "WARNING 1", "INFO 0");
        assertThat(rows.get(1)).contains("controller-data-access 0 1 0 1", "no-connection-pool 1 0 0 1");
        assertThat(rows.get(2)).contains("ERROR no-connection-pool pom.xml 0 <script>alert(1)</script> baseline",
                "WARNING controller-data-access src/main/java/A.java 7 `A` injects <JdbcTemplate> & co new");
        assertThat(rows.get(3)).contains("src/main/java/B.java does not parse");
    }

    @Test
    void aCleanModuleSaysSo() {
        String html = render(new Report(new ModuleInfo("com.acme", "orders", "1.0"),
                new AnalysisResult(List.of(), List.of(), List.of()), null, "9.9", java.time.Instant.EPOCH));
        assertThat(Jsoup.parse(html).text()).contains("0 findings", "The build fails at NONE: this module passes.",
                "No findings.");
    }
}
