package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    @Test
    void describesEveryRuleAndLocatesEveryResultRelativeToTheSourceRoot() throws Exception {
        Finding inCode = new Finding("controller-data-access", Severity.WARNING, "`A` injects `B`",
                "src/main/java/A.java", 3, 5, "com.acme.A", "00ff", Finding.Status.NEW);
        Finding inPom = new Finding("controller-data-access", Severity.ERROR, "project level", "pom.xml", 0, 0,
                "", "11ee", Finding.Status.BASELINE);
        AnalysisResult result = new AnalysisResult(RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(),
                List.of(inCode, inPom), List.of(new Skipped("target/classes", "holds no compiled classes")));
        JsonNode sarif = new ObjectMapper().readTree(new SarifReport().render(
                new Report(new ModuleInfo("g", "a", "1"), result, Severity.ERROR, "0.1.0-SNAPSHOT", Instant.EPOCH)));

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("Archlint");
        assertThat(run.at("/tool/driver/rules")).hasSize(RuleRegistry.builtIn().size());
        JsonNode rule = run.at("/tool/driver/rules/0");
        assertThat(rule.get("id").asText()).isEqualTo(RuleRegistry.builtIn().get(0).definition().id());
        assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
        assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
        assertThat(rule.at("/help/markdown").asText()).contains("## Why this is a problem");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("error", "warning", "note");

        JsonNode first = run.at("/results/0");
        assertThat(first.get("level").asText()).isEqualTo("warning");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("src/main/java/A.java");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
        assertThat(first.at("/partialFingerprints/archlint~1v1").asText()).isEqualTo("00ff");
        assertThat(first.get("baselineState").asText()).isEqualTo("new");

        JsonNode second = run.at("/results/1");
        assertThat(second.at("/locations/0/physicalLocation").has("region")).isFalse();
        assertThat(second.get("baselineState").asText()).isEqualTo("unchanged");
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .isEqualTo("target/classes: holds no compiled classes");
    }
}
