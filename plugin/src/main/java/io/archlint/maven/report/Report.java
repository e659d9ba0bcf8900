package io.archlint.maven.report;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.ArchlintVersion;
import io.archlint.engine.Severity;

/**
 * Everything a writer renders: the module, the analysis result and the failure threshold.
 *
 * @param failOnSeverity the threshold, or {@code null} for {@code NONE}
 * @param time           when the analysis ran
 */
public record Report(ModuleInfo module, AnalysisResult result, Severity failOnSeverity, String toolVersion,
        java.time.Instant time) {

    public static Report of(ModuleInfo module, AnalysisResult result, Severity failOnSeverity) {
        return new Report(module, result, failOnSeverity, ArchlintVersion.get(), java.time.Instant.now());
    }

    public String thresholdName() {
        return failOnSeverity == null ? "NONE" : failOnSeverity.name();
    }

    public boolean failed() {
        return !result.failing(failOnSeverity).isEmpty();
    }
}
