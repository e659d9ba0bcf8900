package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    private final List<String> lines = new ArrayList<>();
    private final ConsoleReport.Sink sink = new ConsoleReport.Sink() {
        @Override
        public void error(String line) {
            lines.add("[ERROR] " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("[WARNING] " + line);
        }

        @Override
        public void info(String line) {
            lines.add("[INFO] " + line);
        }
    };

    static Finding finding(String rule, Severity severity, String file, int line, int column, String message) {
        return new Finding(rule, severity, message, file, line, column, "com.acme.Symbol", "0123456789abcdef",
                Finding.Status.NEW);
    }

    @Test
    void printsFindingsInTheCompilersClickableFormThenTheSummaryTable() {
        AnalysisResult result = new AnalysisResult(
                RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(),
                List.of(
                        finding("no-connection-pool", Severity.ERROR, "pom.xml", 12, 5, "driver without pool"),
                        finding("controller-data-access", Severity.WARNING,
                                "src/main/java/com/acme/web/OrderController.java", 42, 9,
                                "OrderController uses OrderRepository directly; move the call into a service")),
                List.of(new Skipped("src/main/java/Broken.java", "does not parse at line 3: Parse error")));
        Report report = new Report(new ModuleInfo("com.acme", "orders", "1.0"), result, Severity.ERROR, "1.2.3", java.time.Instant.EPOCH);

        new ConsoleReport().print(report, List.of("target/archlint/archlint.json"), sink);

        int rules = RuleRegistry.builtIn().size();
        assertThat(lines).containsExactly(
                "[WARNING] src/main/java/Broken.java: skipped: does not parse at line 3: Parse error",
                "[ERROR] pom.xml:[12,5] no-connection-pool: driver without pool",
                "[WARNING] src/main/java/com/acme/web/OrderController.java:[42,9] controller-data-access: "
                        + "OrderController uses OrderRepository directly; move the call into a service",
                "[INFO] Archlint 1.2.3 on orders: 2 findings (1 error, 1 warning, 0 infos), " + rules + " rule"
                        + (rules == 1 ? "" : "s") + " run, 1 input skipped",
                "[INFO]   rule                    ERROR  WARNING  INFO",
                "[INFO]   controller-data-access      0        1     0",
                "[INFO]   no-connection-pool          1        0     0",
                "[INFO]   total                       1        1     0",
                "[INFO] Report: target/archlint/archlint.json");
    }

    @Test
    void projectLevelFindingsHaveNoPosition() {
        assertThat(ConsoleReport.location(finding("no-caching", Severity.INFO, "pom.xml", 0, 0, "m"))).isEqualTo("pom.xml");
        assertThat(ConsoleReport.location(finding("x", Severity.INFO, "A.java", 3, 0, "m"))).isEqualTo("A.java:[3,1]");
    }

    @Test
    void summaryUsesCorrectPluralsAndOmitsTheTableWithoutFindings() {
        AnalysisResult result = new AnalysisResult(List.of(RuleRegistry.builtIn().get(0).definition()), List.of(), List.of());
        new ConsoleReport().print(new Report(new ModuleInfo("g", "clean", "1"), result, null, "1.0", java.time.Instant.EPOCH), List.of(), sink);
        assertThat(lines).containsExactly("[INFO] Archlint 1.0 on clean: 0 findings (0 errors, 0 warnings, 0 infos), 1 rule run");
    }
}
