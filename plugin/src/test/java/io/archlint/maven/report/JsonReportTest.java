package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void writesTheDocumentedContract() throws Exception {
        Finding finding = new Finding("controller-data-access", Severity.WARNING, "`A` injects `B`",
                "src/main/java/A.java", 7, 5, "com.acme.A", "00112233aabbccdd", Finding.Status.NEW);
        AnalysisResult result = new AnalysisResult(List.of(), List.of(finding),
                List.of(new Skipped("target/classes", "holds no compiled classes")));
        String json = new JsonReport().render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result,
                Severity.WARNING, "9.9", java.time.Instant.EPOCH));

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.fieldNames()).toIterable().containsExactly("tool", "module", "findings", "summary", "skipped");
        assertThat(root.at("/tool/name").asText()).isEqualTo("archlint");
        assertThat(root.at("/tool/version").asText()).isEqualTo("9.9");
        assertThat(root.at("/module/groupId").asText()).isEqualTo("com.acme");
        assertThat(root.at("/module/artifactId").asText()).isEqualTo("orders");
        assertThat(root.at("/module/version").asText()).isEqualTo("1.0");
        JsonNode first = root.at("/findings/0");
        assertThat(first.fieldNames()).toIterable().containsExactly("ruleId", "severity", "message", "file", "line",
                "column", "symbol", "fingerprint", "status");
        assertThat(first.get("ruleId").asText()).isEqualTo("controller-data-access");
        assertThat(first.get("severity").asText()).isEqualTo("WARNING");
        assertThat(first.get("file").asText()).isEqualTo("src/main/java/A.java");
        assertThat(first.get("line").asInt()).isEqualTo(7);
        assertThat(first.get("column").asInt()).isEqualTo(5);
        assertThat(first.get("status").asText()).isEqualTo("new");
        assertThat(root.at("/summary/total").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/bySeverity/WARNING").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/byRule/controller-data-access").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/failOnSeverity").asText()).isEqualTo("WARNING");
        assertThat(root.at("/summary/failed").asBoolean()).isTrue();
        assertThat(root.at("/skipped/0/file").asText()).isEqualTo("target/classes");
        assertThat(root.at("/skipped/0/reason").asText()).isEqualTo("holds no compiled classes");
    }
}
