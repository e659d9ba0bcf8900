package io.archlint.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one module's analysis produced: the rules that ran, their findings in report order,
 * the input that could not be used, the findings suppressed where they stand, and where the time went.
 */
public record AnalysisResult(List<RuleDefinition> rules, List<Finding> findings, List<Skipped> skipped,
        List<Finding> suppressed, Timings timings) {

    public AnalysisResult {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        suppressed = List.copyOf(suppressed);
        timings = timings == null ? Timings.none() : timings;
    }

    public AnalysisResult(List<RuleDefinition> rules, List<Finding> findings, List<Skipped> skipped,
            List<Finding> suppressed) {
        this(rules, findings, skipped, suppressed, Timings.none());
    }

    public AnalysisResult(List<RuleDefinition> rules, List<Finding> findings, List<Skipped> skipped) {
        this(rules, findings, skipped, List.of());
    }

    /** Finding counts per severity, every severity present. */
    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Finding counts per rule id, in id order, only rules with findings. */
    public Map<String, Integer> countByRule() {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        return counts;
    }

    /** New findings at or above a severity; {@code null} means none fail. */
    public List<Finding> failing(Severity threshold) {
        if (threshold == null) {
            return List.of();
        }
        return findings.stream()
                .filter(f -> f.status() == Finding.Status.NEW && f.severity().isAtLeast(threshold))
                .toList();
    }
}
