package io.archlint.maven.report;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page: inline CSS and script, no network request, everything taken from
 * the analysed code escaped.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "archlint.html";

    private static final String CSS = """
            :root{--err:#b42318;--warn:#b54708;--info:#175cd3;--line:#e4e7ec;--muted:#475467}
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#101828}
            header{padding:20px 32px;border-bottom:1px solid var(--line)}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
            main{padding:0 32px 32px}.muted{color:var(--muted)}
            .cards{display:flex;gap:12px;margin-top:16px}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:110px}
            .card b{display:block;font-size:22px}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:#f9fafb;cursor:pointer;user-select:none}
            .sev{font-weight:600}.ERROR{color:var(--err)}.WARNING{color:var(--warn)}.INFO{color:var(--info)}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f2f4f7;padding:1px 4px;border-radius:4px}
            .filters{display:flex;gap:12px;align-items:center;margin:8px 0}
            input[type=search]{padding:4px 8px;min-width:260px}
            @media print{.filters{display:none}th{cursor:auto}header{border:0}tr{break-inside:avoid}}
            """;

    private static final String SCRIPT = """
            (function(){
              var rows=[].slice.call(document.querySelectorAll('#findings tbody tr'));
              var boxes=[].slice.call(document.querySelectorAll('.filters input[type=checkbox]'));
              var text=document.getElementById('q');
              function apply(){
                var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
                var q=text.value.toLowerCase();
                rows.forEach(function(r){
                  var show=on[r.dataset.severity]&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
                  r.style.display=show?'':'none';
                });
              }
              boxes.forEach(function(b){b.addEventListener('change',apply);});
              text.addEventListener('input',apply);
              [].slice.call(document.querySelectorAll('#findings th')).forEach(function(th,i){
                th.addEventListener('click',function(){
                  var asc=th.dataset.asc!=='true';th.dataset.asc=asc;
                  var body=th.closest('table').tBodies[0];
                  rows.sort(function(a,b){
                    var x=a.cells[i].dataset.key||a.cells[i].textContent,y=b.cells[i].dataset.key||b.cells[i].textContent;
                    var n=x-y;var c=isNaN(n)?x.localeCompare(y):n;return asc?c:-c;
                  }).forEach(function(r){body.appendChild(r);});
                });
              });
            })();
            """;

    public String render(Report report) {
        AnalysisResult result = report.result();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Archlint report: ").append(escape(report.module().artifactId())).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<header>\n")
                .append("<h1>Archlint report: ").append(escape(report.module().artifactId())).append("</h1>\n")
                .append("<div class=\"muted\">").append(escape(report.module().groupId())).append(':')
                .append(escape(report.module().artifactId())).append(':').append(escape(report.module().version()))
                .append(" &middot; Archlint ").append(escape(report.toolVersion())).append(" &middot; ")
                .append(escape(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(report.time().atOffset(ZoneOffset.UTC))))
                .append(" &middot; failOnSeverity ").append(escape(report.thresholdName()))
                .append(report.failed() ? " &middot; <b class=\"ERROR\">build fails</b>" : "")
                .append("</div>\n<div class=\"cards\">\n");
        Map<Severity, Integer> counts = result.countBySeverity();
        card(html, "Findings", result.findings().size(), "");
        for (Severity severity : Severity.values()) {
            card(html, severity.name(), counts.get(severity), severity.name());
        }
        card(html, "Suppressed", result.suppressed().size(), "");
        card(html, "Skipped inputs", result.skipped().size(), "");
        html.append("</div>\n</header>\n<main>\n");

        html.append("<h2>Findings by rule</h2>\n<table id=\"by-rule\"><thead><tr><th>Rule</th><th>Severity</th>")
                .append("<th>Category</th><th>Findings</th><th>Why it matters</th></tr></thead><tbody>\n");
        Map<String, Integer> byRule = result.countByRule();
        Map<String, RuleDefinition> rules = new TreeMap<>();
        result.rules().forEach(r -> rules.put(r.id(), r));
        for (RuleDefinition rule : rules.values()) {
            html.append("<tr id=\"rule-").append(escape(rule.id())).append("\"><td><code>").append(escape(rule.id()))
                    .append("</code><br>").append(escape(rule.title())).append("</td><td class=\"sev ")
                    .append(rule.defaultSeverity().name()).append("\">").append(rule.defaultSeverity().name())
                    .append("</td><td>").append(escape(rule.category().title())).append("</td><td>")
                    .append(byRule.getOrDefault(rule.id(), 0)).append("</td><td>").append(escape(rule.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        html.append("<h2>Findings</h2>\n<div class=\"filters\">");
        for (Severity severity : Severity.values()) {
            html.append("<label><input type=\"checkbox\" value=\"").append(severity.name()).append("\" checked> ")
                    .append(severity.name()).append("</label>");
        }
        html.append("<input type=\"search\" id=\"q\" placeholder=\"Filter by text, file, rule\"></div>\n")
                .append("<table id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>Location</th>")
                .append("<th>Message</th><th>Status</th></tr></thead><tbody>\n");
        for (Finding finding : result.findings()) {
            html.append("<tr data-severity=\"").append(finding.severity().name()).append("\"><td class=\"sev ")
                    .append(finding.severity().name()).append("\" data-key=\"").append(finding.severity().ordinal())
                    .append("\">").append(finding.severity().name()).append("</td><td><a href=\"#rule-")
                    .append(escape(finding.ruleId())).append("\"><code>").append(escape(finding.ruleId()))
                    .append("</code></a></td><td><code>").append(escape(ConsoleReport.location(finding)))
                    .append("</code><br><span class=\"muted\">").append(escape(finding.symbol())).append("</span></td><td>")
                    .append(escape(finding.message())).append("</td><td>").append(finding.status().id())
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (result.findings().isEmpty()) {
            html.append("<p class=\"muted\">No findings.</p>\n");
        }
        if (!result.skipped().isEmpty()) {
            html.append("<h2>Skipped input</h2>\n<table><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>\n");
            for (Skipped skipped : result.skipped()) {
                html.append("<tr><td><code>").append(escape(skipped.file())).append("</code></td><td>")
                        .append(escape(skipped.reason())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void card(StringBuilder html, String label, int count, String cssClass) {
        html.append("<div class=\"card\"><b class=\"").append(cssClass).append("\">").append(count).append("</b> ")
                .append(escape(label)).append("</div>\n");
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
