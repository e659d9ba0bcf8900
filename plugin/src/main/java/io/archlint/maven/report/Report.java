package io.archlint.maven.report;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.ArchlintVersion;
import io.archlint.engine.Severity;

/**
 * Everything a writer renders: the module, the analysis result and the failure threshold.
 *
 * @param failOnSeverity the threshold, or {@code null} for {@code NONE}
 * @param time           when the analysis ran
 * @param fixedBaseline  baseline entries that no longer match a finding
 */
public record Report(ModuleInfo module, AnalysisResult result, Severity failOnSeverity, String toolVersion,
        java.time.Instant time, int fixedBaseline) {

    public Report(ModuleInfo module, AnalysisResult result, Severity failOnSeverity, String toolVersion,
            java.time.Instant time) {
        this(module, result, failOnSeverity, toolVersion, time, 0);
    }

    public static Report of(ModuleInfo module, AnalysisResult result, Severity failOnSeverity, int fixedBaseline) {
        return new Report(module, result, failOnSeverity, ArchlintVersion.get(), java.time.Instant.now(), fixedBaseline);
    }

    /** Findings not accepted by the baseline. */
    public java.util.List<io.archlint.engine.Finding> newFindings() {
        return result.findings().stream().filter(f -> f.status() == io.archlint.engine.Finding.Status.NEW).toList();
    }

    public String thresholdName() {
        return failOnSeverity == null ? "NONE" : failOnSeverity.name();
    }

    public boolean failed() {
        return !result.failing(failOnSeverity).isEmpty();
    }
}
