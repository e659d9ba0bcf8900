package io.archlint.maven.report;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Category;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page: inline CSS, script and SVG, no network request, everything taken
 * from the analysed code escaped.
 *
 * <p>A dashboard comes first, then the findings, each expandable to the code around it and its
 * rule's documentation.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "archlint.html";

    /** Entries in the most-affected files and packages lists. */
    static final int TOP = 10;

    private static final String CSS = """
            :root{--err:#b42318;--warn:#b54708;--info:#175cd3;--line:#e4e7ec;--muted:#475467;--bar:#2e90fa}
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#101828}
            header{padding:20px 32px;border-bottom:1px solid var(--line)}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
            main{padding:0 32px 32px}.muted{color:var(--muted)}
            .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:110px}
            .card b{display:block;font-size:22px}
            .dashboard{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:8px 32px}
            .dashboard ol{margin:0;padding-left:22px}.dashboard li{margin:2px 0}
            .chart text{font:12px system-ui,sans-serif;fill:#101828}.chart .bar{fill:var(--bar)}
            .chart .count{fill:var(--muted)}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:#f9fafb;cursor:pointer;user-select:none}
            .sev{font-weight:600}.ERROR{color:var(--err)}.WARNING{color:var(--warn)}.INFO{color:var(--info)}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f2f4f7;padding:1px 4px;border-radius:4px}
            .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}
            input[type=search]{padding:4px 8px;min-width:260px}select{padding:3px 4px;max-width:260px}
            details.more{margin-top:6px}details.more>summary{cursor:pointer;color:var(--info)}
            pre.snippet{background:#f9fafb;border:1px solid var(--line);border-radius:6px;padding:6px 0;overflow-x:auto;margin:6px 0;max-width:46vw}
            .md pre{max-width:46vw;overflow-x:auto}
            pre.snippet code{background:none;padding:0;display:block}
            pre.snippet span{display:block;padding:0 10px;white-space:pre}
            pre.snippet .hit{background:#fef0c7;border-left:3px solid var(--warn);padding-left:7px}
            pre.snippet .ln{display:inline;padding:0 10px 0 0;color:var(--muted);user-select:none}
            .md{border-left:3px solid var(--line);padding-left:12px}.md h3{font-size:15px}.md h4{font-size:14px}
            .md pre{background:#f9fafb;padding:8px;overflow-x:auto}.md pre code{background:none}
            details.doc{border-bottom:1px solid var(--line);padding:6px 0}details.doc>summary{cursor:pointer}
            @media print{.filters{display:none}th{cursor:auto}header{border:0}tr,pre,svg,.dashboard>section{break-inside:avoid}
            details>summary{list-style:none}details.more>summary{display:none}.more .md{display:none}
            details.doc{break-inside:auto}body{font-size:12px}main,header{padding:0 8px}}
            """;

    private static final String SCRIPT = """
            (function(){
              var rows=[].slice.call(document.querySelectorAll('#findings tbody tr'));
              var boxes=[].slice.call(document.querySelectorAll('.filters input[type=checkbox]'));
              var rule=document.getElementById('f-rule'),category=document.getElementById('f-category');
              var text=document.getElementById('q');
              function apply(){
                var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
                var q=text.value.toLowerCase();
                rows.forEach(function(r){
                  var show=on[r.dataset.severity]&&(!rule.value||r.dataset.rule===rule.value)
                    &&(!category.value||r.dataset.category===category.value)
                    &&(!q||r.dataset.text.indexOf(q)>=0);
                  r.style.display=show?'':'none';
                });
              }
              boxes.forEach(function(b){b.addEventListener('change',apply);});
              [rule,category].forEach(function(s){s.addEventListener('change',apply);});
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
              // A rule's page is in the document once; a finding shows a copy when first opened.
              [].slice.call(document.querySelectorAll('details.more')).forEach(function(d){
                d.addEventListener('toggle',function(){
                  var slot=d.querySelector('.doc-slot');
                  if(!d.open||!slot||slot.dataset.done)return;
                  var doc=document.getElementById('doc-'+slot.dataset.rule);
                  var md=doc&&doc.querySelector('.md');
                  if(md){slot.appendChild(md.cloneNode(true));slot.dataset.done='1';}
                });
              });
              var opened=[];
              window.addEventListener('beforeprint',function(){
                opened=[].slice.call(document.querySelectorAll('details:not([open])'));
                opened.forEach(function(d){d.open=true;});
              });
              window.addEventListener('afterprint',function(){opened.forEach(function(d){d.open=false;});opened=[];});
            })();
            """;

    private final Path moduleBaseDir;
    private final Charset sourceEncoding;

    /** A report without source snippets. */
    public HtmlReport() {
        this(null, StandardCharsets.UTF_8);
    }

    /** A report that shows the lines around each finding, read from the module's UTF-8 sources. */
    public HtmlReport(Path moduleBaseDir) {
        this(moduleBaseDir, StandardCharsets.UTF_8);
    }

    /**
     * A report that shows the lines around each finding.
     *
     * @param moduleBaseDir  the directory finding paths are relative to, or {@code null} for no snippets
     * @param sourceEncoding the sources' encoding ({@code project.build.sourceEncoding})
     */
    public HtmlReport(Path moduleBaseDir, Charset sourceEncoding) {
        this.moduleBaseDir = moduleBaseDir;
        this.sourceEncoding = sourceEncoding == null ? StandardCharsets.UTF_8 : sourceEncoding;
    }

    public String render(Report report) {
        AnalysisResult result = report.result();
        Map<String, RuleDefinition> rules = new TreeMap<>();
        result.rules().forEach(r -> rules.put(r.id(), r));
        StringBuilder html = new StringBuilder(65_536);
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
        int newCount = report.newFindings().size();
        card(html, "Findings", result.findings().size(), "", "total");
        for (Severity severity : Severity.values()) {
            card(html, severity.name(), counts.get(severity), severity.name(), severity.name().toLowerCase(Locale.ROOT));
        }
        card(html, "New", newCount, "", "new");
        card(html, "Baseline", result.findings().size() - newCount, "", "baseline");
        card(html, "Suppressed", result.suppressed().size(), "", "suppressed");
        card(html, "Skipped inputs", result.skipped().size(), "", "skipped");
        html.append("</div>\n</header>\n<main>\n");

        dashboard(html, result, rules);

        html.append("<h2>Findings by rule</h2>\n<table id=\"by-rule\"><thead><tr><th>Rule</th><th>Severity</th>")
                .append("<th>Category</th><th>Findings</th><th>Why it matters</th></tr></thead><tbody>\n");
        Map<String, Integer> byRule = result.countByRule();
        for (RuleDefinition rule : rules.values()) {
            html.append("<tr id=\"rule-").append(escape(rule.id())).append("\"><td><code>").append(escape(rule.id()))
                    .append("</code><br>").append(escape(rule.title())).append("</td><td class=\"sev ")
                    .append(rule.defaultSeverity().name()).append("\">").append(rule.defaultSeverity().name())
                    .append("</td><td>").append(escape(rule.category().title())).append("</td><td>")
                    .append(byRule.getOrDefault(rule.id(), 0)).append("</td><td>").append(escape(rule.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        findings(html, result, rules);

        if (!result.skipped().isEmpty()) {
            html.append("<h2>Skipped input</h2>\n<table id=\"skipped\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>\n");
            for (Skipped skipped : result.skipped()) {
                html.append("<tr><td><code>").append(escape(skipped.file())).append("</code></td><td>")
                        .append(escape(skipped.reason())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        ruleDocs(html, result, rules);
        html.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void dashboard(StringBuilder html, AnalysisResult result, Map<String, RuleDefinition> rules) {
        if (result.findings().isEmpty()) {
            return;
        }
        Map<String, Integer> byCategory = new HashMap<>();
        Map<String, Integer> files = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        for (Finding finding : result.findings()) {
            byCategory.merge(categoryTitle(rules, finding.ruleId()), 1, Integer::sum);
            files.merge(finding.file(), 1, Integer::sum);
            packages.merge(packageOf(finding.file()), 1, Integer::sum);
        }
        html.append("<h2>Overview</h2>\n<div class=\"dashboard\">\n<section><h3>Findings by category</h3>\n");
        SvgBarChart.render(html, "chart-category", "Findings by category", ranked(byCategory, Integer.MAX_VALUE));
        html.append("</section>\n<section><h3>Findings by rule</h3>\n");
        SvgBarChart.render(html, "chart-rule", "Findings by rule", ranked(result.countByRule(), Integer.MAX_VALUE));
        html.append("</section>\n<section><h3>Most affected files</h3>\n");
        topList(html, "top-files", ranked(files, TOP));
        html.append("</section>\n<section><h3>Most affected packages</h3>\n");
        topList(html, "top-packages", ranked(packages, TOP));
        html.append("</section>\n</div>\n");
    }

    private void findings(StringBuilder html, AnalysisResult result, Map<String, RuleDefinition> rules) {
        html.append("<h2>Findings</h2>\n<div class=\"filters\">");
        for (Severity severity : Severity.values()) {
            html.append("<label><input type=\"checkbox\" value=\"").append(severity.name()).append("\" checked> ")
                    .append(severity.name()).append("</label>");
        }
        Map<String, Integer> byRule = result.countByRule();
        html.append("<label>Rule <select id=\"f-rule\"><option value=\"\">All rules</option>");
        byRule.forEach((id, count) -> html.append("<option value=\"").append(escape(id)).append("\">")
                .append(escape(id)).append(" (").append(count).append(")</option>"));
        html.append("</select></label><label>Category <select id=\"f-category\"><option value=\"\">All categories</option>");
        new TreeMap<>(result.findings().stream().collect(Collectors.groupingBy(
                f -> categoryId(rules, f.ruleId()), Collectors.counting())))
                .forEach((id, count) -> html.append("<option value=\"").append(escape(id)).append("\">")
                        .append(escape(categoryTitleOf(id))).append(" (").append(count).append(")</option>"));
        html.append("</select></label>")
                .append("<input type=\"search\" id=\"q\" placeholder=\"Filter by text, file, rule\"></div>\n")
                .append("<table id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>Category</th><th>Location</th>")
                .append("<th>Message</th><th>Status</th></tr></thead><tbody>\n");
        SourceSnippets snippets = new SourceSnippets(moduleBaseDir, sourceEncoding);
        Map<String, Set<Integer>> secretLines = new HashMap<>();
        for (Finding finding : result.findings()) {
            if (SourceSnippets.isSecretRule(finding.ruleId())) {
                secretLines.computeIfAbsent(finding.file(), f -> new HashSet<>()).add(finding.line());
            }
        }
        for (Finding finding : result.findings()) {
            String location = ConsoleReport.location(finding);
            String category = categoryId(rules, finding.ruleId());
            String searchText = String.join(" ", finding.severity().name(), finding.ruleId(),
                    categoryTitle(rules, finding.ruleId()), location, nullToEmpty(finding.symbol()),
                    nullToEmpty(finding.message()), finding.status().id()).toLowerCase(Locale.ROOT);
            html.append("<tr data-severity=\"").append(finding.severity().name())
                    .append("\" data-rule=\"").append(escape(finding.ruleId()))
                    .append("\" data-category=\"").append(escape(category))
                    .append("\" data-text=\"").append(escape(searchText))
                    .append("\"><td class=\"sev ").append(finding.severity().name()).append("\" data-key=\"")
                    .append(finding.severity().ordinal()).append("\">").append(finding.severity().name())
                    .append("</td><td><a href=\"#rule-").append(escape(finding.ruleId())).append("\"><code>")
                    .append(escape(finding.ruleId())).append("</code></a></td><td>")
                    .append(escape(categoryTitle(rules, finding.ruleId()))).append("</td><td><code>")
                    .append(escape(location)).append("</code><br><span class=\"muted\">")
                    .append(escape(finding.symbol())).append("</span></td><td><span class=\"msg\">")
                    .append(escape(finding.message())).append("</span>");
            details(html, finding, rules.containsKey(finding.ruleId()),
                    snippets.around(finding.ruleId(), finding.file(), finding.line(),
                            secretLines.getOrDefault(finding.file(), Set.of())));
            html.append("</td><td>").append(finding.status().id()).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (result.findings().isEmpty()) {
            html.append("<p class=\"muted\">No findings.</p>\n");
        }
    }

    private static void details(StringBuilder html, Finding finding, boolean documented,
            List<SourceSnippets.Line> snippet) {
        if (snippet.isEmpty() && !documented) {
            return;
        }
        html.append("<details class=\"more\"><summary>")
                .append(snippet.isEmpty() ? "Rule documentation" : "Code and rule documentation")
                .append("</summary>");
        if (!snippet.isEmpty()) {
            html.append("<pre class=\"snippet\"><code>");
            for (SourceSnippets.Line line : snippet) {
                html.append("<span").append(line.hit() ? " class=\"hit\"" : "").append(" data-line=\"")
                        .append(line.number()).append("\"><span class=\"ln\">").append(line.number())
                        .append("</span>").append(escape(line.text())).append("</span>");
            }
            html.append("</code></pre>");
        }
        if (documented) {
            html.append("<div class=\"doc-slot\" data-rule=\"").append(escape(finding.ruleId()))
                    .append("\"><a href=\"#doc-").append(escape(finding.ruleId())).append("\">Documentation of <code>")
                    .append(escape(finding.ruleId())).append("</code></a></div>");
        }
        html.append("</details>");
    }

    /** The documentation of every rule with a finding, once each. */
    private static void ruleDocs(StringBuilder html, AnalysisResult result, Map<String, RuleDefinition> rules) {
        Map<String, Integer> byRule = result.countByRule();
        List<RuleDefinition> documented = rules.values().stream()
                .filter(r -> byRule.containsKey(r.id()))
                .toList();
        if (documented.isEmpty()) {
            return;
        }
        MarkdownRenderer markdown = new MarkdownRenderer(1);
        html.append("<h2>Rule documentation</h2>\n<section id=\"docs\">\n");
        for (RuleDefinition rule : documented) {
            String page = markdown.render(rule.docs());
            html.append("<details class=\"doc\" id=\"doc-").append(escape(rule.id())).append("\"><summary><code>")
                    .append(escape(rule.id())).append("</code> ").append(escape(rule.title()))
                    .append(" <span class=\"muted\">&middot; ").append(escape(rule.category().title()))
                    .append(" &middot; ").append(rule.defaultSeverity().name()).append(" &middot; since ")
                    .append(escape(rule.since())).append("</span></summary>\n<div class=\"md\">")
                    .append(page.isEmpty() ? "<p class=\"muted\">No documentation page.</p>" : page)
                    .append("</div></details>\n");
        }
        html.append("</section>\n");
    }

    private static void topList(StringBuilder html, String id, List<Map.Entry<String, Integer>> entries) {
        html.append("<ol id=\"").append(id).append("\">");
        for (Map.Entry<String, Integer> entry : entries) {
            html.append("<li><code>").append(escape(entry.getKey())).append("</code> <span class=\"muted\">")
                    .append(entry.getValue()).append("</span></li>");
        }
        html.append("</ol>\n");
    }

    /** Highest count first, then by name, so the page is the same for the same findings. */
    static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The Java package of a source file ({@code src/main/java/com/acme/A.java} is {@code com.acme}),
     * or the folder of any other file.
     */
    static String packageOf(String file) {
        String path = nullToEmpty(file).replace('\\', '/');
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        if (path.endsWith(".java") || path.endsWith(".kt")) {
            String padded = "/" + dir + "/";
            for (String root : SOURCE_ROOTS) {
                int at = padded.indexOf("/" + root);
                if (at >= 0) {
                    String pkg = padded.substring(at + 1 + root.length());
                    pkg = pkg.isEmpty() ? pkg : pkg.substring(0, pkg.length() - 1);
                    return pkg.isEmpty() ? "(default package)" : pkg.replace('/', '.');
                }
            }
        }
        return dir.isEmpty() ? "(module root)" : dir + "/";
    }

    private static final List<String> SOURCE_ROOTS = List.of("src/main/java/", "src/test/java/",
            "src/main/kotlin/", "src/test/kotlin/");

    private static String categoryId(Map<String, RuleDefinition> rules, String ruleId) {
        RuleDefinition rule = rules.get(ruleId);
        return rule == null ? OTHER_ID : rule.category().id();
    }

    private static String categoryTitle(Map<String, RuleDefinition> rules, String ruleId) {
        RuleDefinition rule = rules.get(ruleId);
        return rule == null ? OTHER_TITLE : rule.category().title();
    }

    private static String categoryTitleOf(String categoryId) {
        for (Category category : Category.values()) {
            if (category.id().equals(categoryId)) {
                return category.title();
            }
        }
        return OTHER_TITLE;
    }

    // Findings of rules the result does not describe (a custom rule without metadata).
    private static final String OTHER_ID = "other";
    private static final String OTHER_TITLE = "Other";

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void card(StringBuilder html, String label, int count, String cssClass, String id) {
        html.append("<div class=\"card\" id=\"card-").append(id).append("\"><b class=\"").append(cssClass)
                .append("\">").append(count).append("</b> ")
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
