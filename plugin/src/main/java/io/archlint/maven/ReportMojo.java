package io.archlint.maven;

import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import io.archlint.maven.baseline.Baseline;
import io.archlint.maven.report.ModuleInfo;
import io.archlint.maven.report.Report;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.AbstractMavenReportRenderer;
import org.apache.maven.reporting.MavenReportException;

/**
 * The same analysis as {@code check}, as a page of the Maven site: a summary by severity and by rule and the
 * findings. It never fails the build; {@code check} is the gate.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** Skips the analysis; the site then has no Archlint page. */
    @Parameter(property = "archlint.skip", defaultValue = "false")
    private boolean skip;

    /** The threshold {@code check} fails on, shown on the page: {@code ERROR}, {@code WARNING}, {@code INFO} or {@code NONE}. */
    @Parameter(property = "archlint.failOnSeverity", defaultValue = "ERROR")
    private String failOnSeverity;

    /** The baseline: its findings are shown with the status {@code baseline}. */
    @Parameter(property = "archlint.baselineFile", defaultValue = "${project.basedir}/archlint-baseline.json")
    private File baselineFile;

    /** The starting set of rules: {@code recommended}, {@code strict} or {@code security}. */
    @Parameter(property = "archlint.preset", defaultValue = "recommended")
    private String preset;

    /** Per-rule settings on top of the preset: enabled, severity and parameters. */
    @Parameter
    private List<RuleConfiguration> rules;

    /** Additions to the stereotype tables. */
    @Parameter
    private StereotypesConfiguration stereotypes;

    /** Findings accepted by path or package, with a reason and an optional expiry date. */
    @Parameter
    private List<ExclusionConfiguration> exclusions;

    /** A team's ArchUnit rules from the plugin's dependencies. */
    @Parameter
    private List<ArchRuleConfiguration> archRules;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final ProjectDependenciesResolver dependenciesResolver;

    @Inject
    public ReportMojo(ProjectDependenciesResolver dependenciesResolver) {
        this.dependenciesResolver = dependenciesResolver;
    }

    @Override
    public String getOutputName() {
        return "archlint";
    }

    @Override
    public String getName(Locale locale) {
        return "Archlint";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Architectural pitfalls found by Archlint: a summary by severity and rule, and every finding.";
    }

    @Override
    public boolean canGenerateReport() {
        return !skip && !"pom".equals(getProject().getPackaging());
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            Severity threshold = Options.failOnSeverity(failOnSeverity);
            RuleSelection selection = AbstractArchlintMojo.selectRules(getClass().getClassLoader(), archRules, preset,
                    rules, exclusions);
            Optional<Baseline> baseline = AbstractArchlintMojo.readBaseline(baselineFile);
            AbstractArchlintMojo.Analysis analysis = AbstractArchlintMojo.analyze(dependenciesResolver, getProject(),
                    session, stereotypes, selection, null);
            Baseline.Applied applied = baseline.map(b -> b.apply(analysis.result()))
                    .orElseGet(() -> new Baseline.Applied(analysis.result(), List.of()));
            Report report = Report.of(new ModuleInfo(getProject().getGroupId(), getProject().getArtifactId(),
                    getProject().getVersion()), applied.result(), threshold, applied.fixed().size());
            new Page(getSink(), report).render();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    /** The page; the sink escapes every text. */
    static final class Page extends AbstractMavenReportRenderer {

        private final Report report;

        Page(Sink sink, Report report) {
            super(sink);
            this.report = report;
        }

        @Override
        public String getTitle() {
            return "Archlint";
        }

        @Override
        protected void renderBody() {
            List<Finding> findings = report.result().findings();
            Map<Severity, Integer> bySeverity = report.result().countBySeverity();
            startSection("Archlint");
            paragraph("Archlint " + report.toolVersion() + " on " + report.module().artifactId() + ": "
                    + findings.size() + (findings.size() == 1 ? " finding" : " findings") + ", "
                    + report.result().rules().size() + " rules run. The build fails at " + report.thresholdName()
                    + (report.failed() ? ": this module fails it." : ": this module passes."));

            startSection("Summary by severity");
            startTable();
            tableHeader(new String[] {"Severity", "Findings"});
            for (Severity severity : Severity.values()) {
                tableRow(new String[] {severity.name(), String.valueOf(bySeverity.getOrDefault(severity, 0))});
            }
            endTable();
            endSection();

            startSection("Summary by rule");
            if (findings.isEmpty()) {
                paragraph("No findings.");
            } else {
                startTable();
                tableHeader(new String[] {"Rule", "ERROR", "WARNING", "INFO", "Total"});
                for (String rule : report.result().countByRule().keySet()) {
                    int[] counts = new int[Severity.values().length];
                    findings.stream().filter(f -> f.ruleId().equals(rule)).forEach(f -> counts[f.severity().ordinal()]++);
                    tableRow(new String[] {rule, String.valueOf(counts[Severity.ERROR.ordinal()]),
                        String.valueOf(counts[Severity.WARNING.ordinal()]), String.valueOf(counts[Severity.INFO.ordinal()]),
                        String.valueOf(report.result().countByRule().get(rule))});
                }
                endTable();
            }
            endSection();

            startSection("Findings");
            if (findings.isEmpty()) {
                paragraph("No findings.");
            } else {
                startTable();
                tableHeader(new String[] {"Severity", "Rule", "File", "Line", "Message", "Status"});
                for (Finding finding : findings) {
                    tableRow(new String[] {finding.severity().name(), finding.ruleId(), finding.file(),
                        String.valueOf(finding.line()), finding.message(), finding.status().id()});
                }
                endTable();
            }
            endSection();

            List<Skipped> skipped = report.result().skipped();
            if (!skipped.isEmpty()) {
                startSection("Not analysed");
                startTable();
                tableHeader(new String[] {"File", "Reason"});
                for (Skipped entry : skipped) {
                    tableRow(new String[] {entry.file(), entry.reason()});
                }
                endTable();
                endSection();
            }
            endSection();
        }
    }
}
