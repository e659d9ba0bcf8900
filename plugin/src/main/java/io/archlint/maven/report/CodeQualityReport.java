package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * GitLab Code Quality, the JSON array merge requests show as a widget and in the diff.
 *
 * <p>Every finding is written, accepted ones included: GitLab compares the report with the
 * target branch's and shows only what a merge request adds or fixes.
 */
public final class CodeQualityReport {

    public static final String FILE_NAME = "archlint-codequality.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Report report) {
        ArrayNode issues = mapper.createArrayNode();
        Set<String> fingerprints = new HashSet<>();
        for (Finding finding : report.result().findings()) {
            ObjectNode issue = issues.addObject();
            issue.put("description", finding.ruleId() + ": " + finding.message());
            issue.put("check_name", finding.ruleId());
            issue.put("fingerprint", unique(finding.fingerprint(), fingerprints));
            issue.put("severity", severity(finding.severity()));
            ObjectNode location = issue.putObject("location");
            location.put("path", finding.file());
            location.putObject("lines").put("begin", Math.max(1, finding.line()));
        }
        try {
            return mapper.writeValueAsString(issues) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Code Quality report could not be rendered", e);
        }
    }

    /**
     * GitLab drops issues whose fingerprint repeats; two findings on the same snippet in the same
     * symbol share ours, so later ones get a suffix that stays stable as long as their order does.
     */
    private static String unique(String fingerprint, Set<String> seen) {
        String candidate = fingerprint;
        for (int n = 2; !seen.add(candidate); n++) {
            candidate = fingerprint + "-" + n;
        }
        return candidate;
    }

    /** GitLab's scale is info, minor, major, critical, blocker; blocker is left for nothing we find. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }
}
