package io.archlint.maven.report;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints findings in the compiler's clickable form and closes with a summary table.
 *
 * <p>{@code [WARNING] src/main/java/com/acme/web/OrderController.java:[42,9] controller-data-access: message}
 */
public final class ConsoleReport {

    /** Where lines go; the mojo passes Maven's log, tests a list. */
    public interface Sink {
        void error(String line);

        void warn(String line);

        void info(String line);
    }

    public void print(Report report, List<String> writtenFiles, Sink sink) {
        AnalysisResult result = report.result();
        for (Skipped skipped : result.skipped()) {
            sink.warn(skipped.file() + ": skipped: " + skipped.reason());
        }
        // Accepted findings stay in the files; the console shows what needs attention.
        for (Finding finding : report.newFindings()) {
            String line = location(finding) + " " + finding.ruleId() + ": " + finding.message();
            switch (finding.severity()) {
                case ERROR -> sink.error(line);
                case WARNING -> sink.warn(line);
                case INFO -> sink.info(line);
            }
        }
        summary(report, writtenFiles, sink);
    }

    /** {@code file:[line,column]}, the form IDEs and CI consoles turn into links. */
    static String location(Finding finding) {
        if (finding.line() <= 0) {
            return finding.file();
        }
        return finding.file() + ":[" + finding.line() + "," + Math.max(1, finding.column()) + "]";
    }

    private static void summary(Report report, List<String> writtenFiles, Sink sink) {
        AnalysisResult result = report.result();
        List<Finding> shown = report.newFindings();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, (int) shown.stream().filter(f -> f.severity() == severity).count());
        }
        int accepted = result.findings().size() - shown.size();
        sink.info("Archlint " + report.toolVersion() + " on " + report.module().artifactId() + ": "
                + (accepted > 0 ? plural(shown.size(), "new finding") : plural(shown.size(), "finding")) + " ("
                + plural(bySeverity.get(Severity.ERROR), "error") + ", "
                + plural(bySeverity.get(Severity.WARNING), "warning") + ", "
                + plural(bySeverity.get(Severity.INFO), "info", "infos") + "), "
                + plural(result.rules().size(), "rule") + " run"
                + (accepted > 0 ? ", " + accepted + " accepted by the baseline" : "")
                + (result.suppressed().isEmpty() ? "" : ", " + result.suppressed().size() + " suppressed")
                + (result.skipped().isEmpty() ? "" : ", " + plural(result.skipped().size(), "input") + " skipped"));
        if (!shown.isEmpty()) {
            Map<String, Map<Severity, Integer>> table = new TreeMap<>();
            for (Finding finding : shown) {
                table.computeIfAbsent(finding.ruleId(), id -> new EnumMap<>(Severity.class))
                        .merge(finding.severity(), 1, Integer::sum);
            }
            int width = Math.max("rule".length(), table.keySet().stream().mapToInt(String::length).max().orElse(0));
            List<String> rows = new ArrayList<>();
            rows.add(String.format("  %-" + width + "s  %5s  %7s  %4s", "rule", "ERROR", "WARNING", "INFO"));
            table.forEach((rule, counts) -> rows.add(String.format("  %-" + width + "s  %5d  %7d  %4d", rule,
                    counts.getOrDefault(Severity.ERROR, 0), counts.getOrDefault(Severity.WARNING, 0),
                    counts.getOrDefault(Severity.INFO, 0))));
            rows.add(String.format("  %-" + width + "s  %5d  %7d  %4d", "total", bySeverity.get(Severity.ERROR),
                    bySeverity.get(Severity.WARNING), bySeverity.get(Severity.INFO)));
            rows.forEach(sink::info);
        }
        if (report.fixedBaseline() > 0) {
            sink.info("Baseline: " + plural(report.fixedBaseline(), "entry", "entries")
                    + (report.fixedBaseline() == 1 ? " no longer matches" : " no longer match") + " a finding (fixed); run mvn archlint:baseline to prune "
                    + (report.fixedBaseline() == 1 ? "it" : "them"));
        }
        for (String file : writtenFiles) {
            sink.info("Report: " + file);
        }
    }

    static String plural(long count, String singular) {
        return plural(count, singular, singular + "s");
    }

    static String plural(long count, String singular, String pluralForm) {
        return count + " " + (count == 1 ? singular : pluralForm);
    }
}
