package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.ArchlintVersion;
import io.archlint.engine.Severity;
import java.util.List;

/**
 * The reactor's reports in one place: {@code archlint-aggregate.json} and {@code archlint-aggregate.html},
 * with every module's totals and findings, built from the modules' {@code archlint.json} documents.
 *
 * @param project the top-level project
 * @param modules the modules' {@code archlint.json} documents, in reactor order
 * @param missing modules that run {@code check} but had no report when the aggregate was written
 */
public record AggregateReport(ModuleInfo project, List<JsonNode> modules, List<String> missing) {

    public static final String JSON_FILE_NAME = "archlint-aggregate.json";
    public static final String HTML_FILE_NAME = "archlint-aggregate.html";

    public int total() {
        return modules.stream().mapToInt(m -> m.path("findings").size()).sum();
    }

    private static int count(JsonNode module, Severity severity) {
        return module.path("summary").path("bySeverity").path(severity.name()).asInt(0);
    }

    private static boolean failed(JsonNode module) {
        return module.path("summary").path("failed").asBoolean(false);
    }

    public String renderJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "archlint");
        tool.put("version", ArchlintVersion.get());
        ObjectNode top = root.putObject("project");
        top.put("groupId", project.groupId());
        top.put("artifactId", project.artifactId());
        top.put("version", project.version());
        ArrayNode moduleNodes = root.putArray("modules");
        int[] all = new int[Severity.values().length];
        for (JsonNode module : modules) {
            ObjectNode node = moduleNodes.addObject();
            node.set("module", module.path("module").deepCopy());
            JsonNode source = module.path("summary");
            ObjectNode summary = node.putObject("summary");
            summary.put("total", module.path("findings").size());
            summary.put("new", source.path("new").asInt(0));
            summary.put("baseline", source.path("baseline").asInt(0));
            ObjectNode bySeverity = summary.putObject("bySeverity");
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity.name(), count(module, severity));
                all[severity.ordinal()] += count(module, severity);
            }
            summary.put("skipped", module.path("skipped").size());
            summary.put("failOnSeverity", source.path("failOnSeverity").asText("ERROR"));
            summary.put("failed", failed(module));
            node.set("findings", module.path("findings").isArray() ? module.path("findings").deepCopy() : mapper.createArrayNode());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("modules", modules.size());
        summary.put("total", total());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.name(), all[severity.ordinal()]);
        }
        summary.put("failed", modules.stream().anyMatch(AggregateReport::failed));
        ArrayNode missingNodes = root.putArray("missing");
        missing.forEach(missingNodes::add);
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the aggregate JSON report could not be rendered", e);
        }
    }

    public String renderHtml() {
        StringBuilder html = new StringBuilder(8192);
        String title = "Archlint aggregate report: " + project.artifactId();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(HtmlReport.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}")
                .append("th{background:#f3f3f3}td.n{text-align:right}.ERROR{color:#b00020}.WARNING{color:#a15c00}.INFO{color:#1565c0}")
                .append(".note{background:#fff8e1;border:1px solid #f0c36d;padding:8px}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(HtmlReport.escape(title)).append("</h1>\n<p>Archlint ")
                .append(HtmlReport.escape(ArchlintVersion.get())).append(", ").append(modules.size())
                .append(" modules, ").append(total()).append(total() == 1 ? " finding" : " findings").append(".</p>\n");
        if (!missing.isEmpty()) {
            html.append("<p class=\"note\" id=\"missing\">No report from: ")
                    .append(HtmlReport.escape(String.join(", ", missing))).append("</p>\n");
        }
        html.append("<h2>Modules</h2>\n<table id=\"modules\">\n<thead><tr><th>Module</th><th>Findings</th>")
                .append("<th>Errors</th><th>Warnings</th><th>Infos</th><th>Result</th></tr></thead>\n<tbody>\n");
        for (JsonNode module : modules) {
            html.append("<tr><td>").append(HtmlReport.escape(artifactId(module))).append("</td><td class=\"n\">")
                    .append(module.path("findings").size()).append("</td><td class=\"n\">").append(count(module, Severity.ERROR))
                    .append("</td><td class=\"n\">").append(count(module, Severity.WARNING)).append("</td><td class=\"n\">")
                    .append(count(module, Severity.INFO)).append("</td><td>").append(failed(module) ? "failed" : "passed")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h2>Findings</h2>\n<table id=\"findings\">\n<thead><tr><th>Module</th>")
                .append("<th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (JsonNode module : modules) {
            for (JsonNode finding : module.path("findings")) {
                String severity = HtmlReport.escape(finding.path("severity").asText());
                html.append("<tr><td>").append(HtmlReport.escape(artifactId(module)))
                        .append("</td><td class=\"").append(severity).append("\">").append(severity)
                        .append("</td><td>").append(HtmlReport.escape(finding.path("ruleId").asText())).append("</td><td>")
                        .append(HtmlReport.escape(finding.path("file").asText() + ":" + finding.path("line").asInt()))
                        .append("</td><td>").append(HtmlReport.escape(finding.path("message").asText())).append("</td><td>")
                        .append(HtmlReport.escape(finding.path("status").asText())).append("</td></tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String artifactId(JsonNode module) {
        return module.path("module").path("artifactId").asText();
    }
}
