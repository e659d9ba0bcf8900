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

/** The HTML report makes no network request, whatever the analysed code contains. */
class HtmlReportOfflineTest {

    private static final String URL_IN_CODE = "https://cdn.example.org/x.js";

    private static Document render() {
        Finding finding = new Finding("hardcoded-secret", Severity.ERROR, "`" + URL_IN_CODE + "` <img src=\""
                + URL_IN_CODE + "\">", "src/main/java/com/acme/A.java", 3, 1, "com.acme.A", "ff", Finding.Status.NEW);
        AnalysisResult result = new AnalysisResult(RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(),
                List.of(finding), List.of(new Skipped("src/main/java/com/acme/B.java", "<link href=\"" + URL_IN_CODE + "\">")));
        return Jsoup.parse(new HtmlReport().render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result,
                Severity.ERROR, "1.0", Instant.parse("2026-01-02T03:04:05Z"))));
    }

    @Test
    void itsContentSecurityPolicyForbidsEveryNetworkRequest() {
        String policy = render().selectFirst("head meta[http-equiv=Content-Security-Policy]").attr("content");

        assertThat(policy).startsWith("default-src 'none';");
        // Every directive allows only inline content or data: URLs, never a host or 'self'.
        for (String directive : policy.split(";")) {
            List<String> sources = List.of(directive.strip().split("\\s+")).subList(1, directive.strip().split("\\s+").length);
            assertThat(sources).as(directive).allMatch(s -> s.equals("'none'") || s.equals("'unsafe-inline'")
                    || s.equals("data:"));
        }
    }

    @Test
    void noElementLoadsOrLinksToAnythingOutsideThePage() {
        Document page = render();

        for (Element element : page.getAllElements()) {
            for (String attribute : List.of("src", "href", "action", "formaction", "srcset", "poster", "data")) {
                String value = element.attr(attribute);
                assertThat(value).as("%s@%s", element.tagName(), attribute)
                        .satisfiesAnyOf(v -> assertThat(v).isEmpty(), v -> assertThat(v).startsWith("#"),
                                v -> assertThat(v).startsWith("data:"));
            }
        }
        assertThat(page.select("link, iframe, object, embed, base")).isEmpty();
        assertThat(page.select("script[src], style[src]")).isEmpty();
        assertThat(page.select("style").html()).doesNotContain("@import", "url(http");
    }
}
