package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.ArchlintVersion;
import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import java.util.List;
import java.util.Map;

/**
 * The reactor's reports in one place: {@code archlint-aggregate.json} and {@code archlint-aggregate.html},
 * with every module's totals and findings.
 *
 * @param project the top-level project
 * @param modules the modules' reports, in reactor order
 * @param missing modules that run {@code check} but whose report was not there when the aggregate was written
 */
public record AggregateReport(ModuleInfo project, List<Report> modules, List<String> missing) {

    public static final String JSON_FILE_NAME = "archlint-aggregate.json";
    public static final String HTML_FILE_NAME = "archlint-aggregate.html";

    public int total() {
        return modules.stream().mapToInt(m -> m.result().findings().size()).sum();
    }

    private int count(Report module, Severity severity) {
        return module.result().countBySeverity().getOrDefault(severity, 0);
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
        ObjectNode bySeverityAll = mapper.createObjectNode();
        for (Severity severity : Severity.values()) {
            bySeverityAll.put(severity.name(), 0);
        }
        for (Report module : modules) {
            ObjectNode node = moduleNodes.addObject();
            ObjectNode coordinates = node.putObject("module");
            coordinates.put("groupId", module.module().groupId());
            coordinates.put("artifactId", module.module().artifactId());
            coordinates.put("version", module.module().version());
            ObjectNode summary = node.putObject("summary");
            List<Finding> findings = module.result().findings();
            summary.put("total", findings.size());
            summary.put("new", findings.stream().filter(f -> f.status() == Finding.Status.NEW).count());
            summary.put("baseline", findings.stream().filter(f -> f.status() == Finding.Status.BASELINE).count());
            ObjectNode bySeverity = summary.putObject("bySeverity");
            for (Map.Entry<Severity, Integer> entry : module.result().countBySeverity().entrySet()) {
                bySeverity.put(entry.getKey().name(), entry.getValue());
                bySeverityAll.put(entry.getKey().name(), bySeverityAll.get(entry.getKey().name()).asInt() + entry.getValue());
            }
            summary.put("skipped", module.result().skipped().size());
            summary.put("failOnSeverity", module.thresholdName());
            summary.put("failed", module.failed());
            ArrayNode findingNodes = node.putArray("findings");
            for (Finding finding : findings) {
                ObjectNode f = findingNodes.addObject();
                f.put("ruleId", finding.ruleId());
                f.put("severity", finding.severity().name());
                f.put("message", finding.message());
                f.put("file", finding.file());
                f.put("line", finding.line());
                f.put("column", finding.column());
                f.put("symbol", finding.symbol());
                f.put("fingerprint", finding.fingerprint());
                f.put("status", finding.status().id());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("modules", modules.size());
        summary.put("total", total());
        summary.set("bySeverity", bySeverityAll);
        summary.put("failed", modules.stream().anyMatch(Report::failed));
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
            html.append("<p class=\"note\" id=\"missing\">No report yet from: ")
                    .append(HtmlReport.escape(String.join(", ", missing))).append("</p>\n");
        }
        html.append("<h2>Modules</h2>\n<table id=\"modules\">\n<thead><tr><th>Module</th><th>Findings</th>")
                .append("<th>Errors</th><th>Warnings</th><th>Infos</th><th>Result</th></tr></thead>\n<tbody>\n");
        for (Report module : modules) {
            html.append("<tr><td>").append(HtmlReport.escape(module.module().artifactId())).append("</td><td class=\"n\">")
                    .append(module.result().findings().size()).append("</td><td class=\"n\">").append(count(module, Severity.ERROR))
                    .append("</td><td class=\"n\">").append(count(module, Severity.WARNING)).append("</td><td class=\"n\">")
                    .append(count(module, Severity.INFO)).append("</td><td>").append(module.failed() ? "failed" : "passed")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h2>Findings</h2>\n<table id=\"findings\">\n<thead><tr><th>Module</th>")
                .append("<th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (Report module : modules) {
            for (Finding finding : module.result().findings()) {
                html.append("<tr><td>").append(HtmlReport.escape(module.module().artifactId()))
                        .append("</td><td class=\"").append(finding.severity().name()).append("\">").append(finding.severity().name())
                        .append("</td><td>").append(HtmlReport.escape(finding.ruleId())).append("</td><td>")
                        .append(HtmlReport.escape(finding.file() + ":" + finding.line())).append("</td><td>")
                        .append(HtmlReport.escape(finding.message())).append("</td><td>").append(finding.status().id())
                        .append("</td></tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }
}
