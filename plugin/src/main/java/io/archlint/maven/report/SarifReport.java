package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0, the format GitHub code scanning and most CI annotators read. */
public final class SarifReport {

    public static final String FILE_NAME = "archlint.sarif";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SOURCE_ROOT = "%SRCROOT%";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Report report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Archlint");
        driver.put("version", report.toolVersion());
        driver.put("semanticVersion", report.toolVersion().replace("-SNAPSHOT", ""));
        ArrayNode rules = driver.putArray("rules");
        List<RuleDefinition> definitions = report.result().rules();
        Map<String, Integer> index = new HashMap<>();
        for (RuleDefinition definition : definitions) {
            index.put(definition.id(), index.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", definition.id());
            rule.put("name", RuleDefinition.expectedSimpleClassName(definition.id()).replaceFirst("Rule$", ""));
            rule.putObject("shortDescription").put("text", definition.title());
            rule.putObject("fullDescription").put("text", definition.reason());
            String docs = definition.docs();
            ObjectNode help = rule.putObject("help");
            help.put("text", docs.isEmpty() ? definition.reason() : docs);
            if (!docs.isEmpty()) {
                help.put("markdown", docs);
            }
            rule.putObject("defaultConfiguration").put("level", level(definition.defaultSeverity()));
            ObjectNode properties = rule.putObject("properties");
            properties.putArray("tags").add(definition.category().id()).add("architecture");
        }
        ObjectNode base = run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT);
        base.putObject("description").put("text", "The base directory of module " + report.module().artifactId());
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.result().findings()) {
            addResult(results, finding, index);
        }
        for (Finding finding : report.result().suppressed()) {
            // Code scanning shows these as dismissed, with the reason written in the source.
            addResult(results, finding, index).putArray("suppressions").addObject().put("kind", "inSource");
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (Skipped skipped : report.result().skipped()) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "warning");
            notification.putObject("message").put("text", skipped.file() + ": " + skipped.reason());
            ObjectNode location = notification.putArray("locations").addObject().putObject("physicalLocation")
                    .putObject("artifactLocation");
            location.put("uri", skipped.file());
            location.put("uriBaseId", SOURCE_ROOT);
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SARIF report could not be rendered", e);
        }
    }

    private static ObjectNode addResult(ArrayNode results, Finding finding, Map<String, Integer> index) {
        ObjectNode result = results.addObject();
        result.put("ruleId", finding.ruleId());
        if (index.containsKey(finding.ruleId())) {
            result.put("ruleIndex", index.get(finding.ruleId()));
        }
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message());
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", finding.file());
        artifact.put("uriBaseId", SOURCE_ROOT);
        if (finding.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", finding.line());
            if (finding.column() > 0) {
                region.put("startColumn", finding.column());
            }
        }
        result.putObject("partialFingerprints").put("archlint/v1", finding.fingerprint());
        result.put("baselineState", finding.status() == Finding.Status.NEW ? "new" : "unchanged");
        return result;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
