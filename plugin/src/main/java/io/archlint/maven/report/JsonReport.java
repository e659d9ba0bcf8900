package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.util.Map;

/** The machine contract {@code archlint.json}; its shape is documented in the README. */
public final class JsonReport {

    public static final String FILE_NAME = "archlint.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Report report) {
        AnalysisResult result = report.result();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "archlint");
        tool.put("version", report.toolVersion());
        ObjectNode module = root.putObject("module");
        module.put("groupId", report.module().groupId());
        module.put("artifactId", report.module().artifactId());
        module.put("version", report.module().version());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", finding.ruleId());
            node.put("severity", finding.severity().name());
            node.put("message", finding.message());
            node.put("file", finding.file());
            node.put("line", finding.line());
            node.put("column", finding.column());
            node.put("symbol", finding.symbol());
            node.put("fingerprint", finding.fingerprint());
            node.put("status", finding.status().id());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("total", result.findings().size());
        summary.put("new", result.findings().stream().filter(f -> f.status() == Finding.Status.NEW).count());
        summary.put("baseline", result.findings().stream().filter(f -> f.status() == Finding.Status.BASELINE).count());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> entry : result.countBySeverity().entrySet()) {
            bySeverity.put(entry.getKey().name(), entry.getValue());
        }
        ObjectNode byRule = summary.putObject("byRule");
        result.countByRule().forEach(byRule::put);
        summary.put("suppressed", result.suppressed().size());
        summary.put("fixed", report.fixedBaseline());
        summary.put("rulesRun", result.rules().size());
        summary.put("failOnSeverity", report.thresholdName());
        summary.put("failed", report.failed());
        ArrayNode skipped = root.putArray("skipped");
        for (Skipped entry : result.skipped()) {
            ObjectNode node = skipped.addObject();
            node.put("file", entry.file());
            node.put("reason", entry.reason());
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the JSON report could not be rendered", e);
        }
    }
}
