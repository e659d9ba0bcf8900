package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeQualityReportTest {

    private static final Finding IN_CODE = new Finding("controller-data-access", Severity.WARNING,
            "`A<T>` injects `B` & calls \"save\"", "src/main/java/A.java", 7, 5, "com.acme.A", "00ff", Finding.Status.NEW);
    private static final Finding SAME_SNIPPET = new Finding("controller-data-access", Severity.WARNING,
            "`A<T>` injects `B` again", "src/main/java/A.java", 9, 5, "com.acme.A", "00ff", Finding.Status.NEW);
    private static final Finding IN_POM = new Finding("no-connection-pool", Severity.ERROR, "no pool", "pom.xml", 0, 0,
            "", "11ee", Finding.Status.BASELINE);
    private static final Finding HINT = new Finding("missing-timeout", Severity.INFO, "hint", "src/main/java/C.java",
            3, 0, "com.acme.C", "22dd", Finding.Status.NEW);

    private static JsonNode render(Finding... findings) throws Exception {
        AnalysisResult result = new AnalysisResult(List.of(), List.of(findings),
                List.of(new Skipped("target/classes", "holds no compiled classes")));
        return new ObjectMapper().readTree(new CodeQualityReport().render(
                new Report(new ModuleInfo("g", "a", "1"), result, Severity.ERROR, "1.0", Instant.EPOCH)));
    }

    @Test
    void writesOneIssuePerFindingAcceptedOnesIncluded() throws Exception {
        JsonNode issues = render(IN_CODE, IN_POM, HINT);

        assertThat(issues.isArray()).isTrue();
        assertThat(issues).hasSize(3);
        JsonNode first = issues.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("description", "check_name", "fingerprint", "severity", "location");
        assertThat(first.get("description").asText())
                .isEqualTo("controller-data-access: `A<T>` injects `B` & calls \"save\"");
        assertThat(first.get("check_name").asText()).isEqualTo("controller-data-access");
        assertThat(first.get("fingerprint").asText()).isEqualTo("00ff");
        assertThat(first.at("/location/path").asText()).isEqualTo("src/main/java/A.java");
        assertThat(first.at("/location/lines/begin").asInt()).isEqualTo(7);
    }

    @Test
    void mapsSeveritiesOntoGitLabsScale() throws Exception {
        JsonNode issues = render(IN_CODE, IN_POM, HINT);

        assertThat(issues.findValuesAsText("severity")).containsExactly("major", "critical", "info");
    }

    @Test
    void pointsProjectLevelFindingsAtTheFirstLine() throws Exception {
        JsonNode issue = render(IN_POM).get(0);

        assertThat(issue.at("/location/path").asText()).isEqualTo("pom.xml");
        assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(1);
    }

    @Test
    void keepsFingerprintsUniqueWhenTwoFindingsShareOne() throws Exception {
        JsonNode issues = render(IN_CODE, SAME_SNIPPET, IN_POM);

        List<String> fingerprints = new ArrayList<>(issues.findValuesAsText("fingerprint"));
        assertThat(fingerprints).containsExactly("00ff", "00ff-2", "11ee").doesNotHaveDuplicates();
    }

    @Test
    void writesAnEmptyArrayWithoutFindings() throws Exception {
        assertThat(render()).isEmpty();
    }
}
