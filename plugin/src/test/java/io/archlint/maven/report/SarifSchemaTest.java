package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validates {@code archlint.sarif} against the OASIS SARIF 2.1.0 schema, kept as a test resource. */
class SarifSchemaTest {

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF schema resource").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(AnalysisResult result) throws Exception {
        String sarif = new SarifReport().render(
                new Report(new ModuleInfo("com.acme", "orders", "1.0"), result, Severity.ERROR, "0.1.0-SNAPSHOT",
                        Instant.EPOCH));
        JsonNode document = new ObjectMapper().readTree(sarif);
        return schema().validate(document);
    }

    @Test
    void reportWithEveryKindOfEntryMatchesTheSchema() throws Exception {
        Finding inCode = new Finding("controller-data-access", Severity.WARNING, "`A<T>` injects `B` & \"C\"",
                "src/main/java/com/acme/A.java", 3, 5, "com.acme.A", "00ff", Finding.Status.NEW);
        Finding withoutColumn = new Finding("controller-data-access", Severity.INFO, "no column",
                "src/main/java/com/acme/A.java", 8, 0, "com.acme.A", "00fe", Finding.Status.NEW);
        Finding inPom = new Finding("no-connection-pool", Severity.ERROR, "project level", "pom.xml", 0, 0, "",
                "11ee", Finding.Status.BASELINE);
        Finding suppressed = new Finding("controller-data-access", Severity.WARNING, "suppressed here",
                "src/main/java/com/acme/B.java", 12, 3, "com.acme.B", "22dd", Finding.Status.NEW);
        Finding unknownRule = new Finding("custom-arch-rule", Severity.ERROR, "from a user's ArchRule",
                "src/main/java/com/acme/C.java", 1, 1, "com.acme.C", "33cc", Finding.Status.NEW);
        AnalysisResult result = new AnalysisResult(RuleRegistry.builtIn().stream().map(Rule::definition).toList(),
                List.of(inCode, withoutColumn, inPom, unknownRule),
                List.of(new Skipped("target/classes", "holds no compiled classes"),
                        new Skipped("src/main/java/com/acme/Broken.java", "does not parse: ';' expected at line 4")),
                List.of(suppressed));

        assertThat(validate(result)).isEmpty();
    }

    @Test
    void schemaRejectsAResultWithoutAMessage() throws Exception {
        JsonNode broken = new ObjectMapper().readTree("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Archlint"}},
                  "results": [{"ruleId": "x", "level": "severe"}]}]}
                """);

        assertThat(schema().validate(broken)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("message"))
                .anySatisfy(m -> assertThat(m).contains("level"));
    }

    @Test
    void emptyReportMatchesTheSchema() throws Exception {
        assertThat(validate(new AnalysisResult(List.of(), List.of(), List.of()))).isEmpty();
    }
}
