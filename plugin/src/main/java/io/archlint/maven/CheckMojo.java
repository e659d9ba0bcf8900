package io.archlint.maven;

import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import io.archlint.maven.baseline.Baseline;
import io.archlint.maven.report.AggregateReport;
import io.archlint.maven.report.CheckstyleReport;
import io.archlint.maven.report.CodeQualityReport;
import io.archlint.maven.report.ConsoleReport;
import io.archlint.maven.report.HtmlReport;
import io.archlint.maven.report.JsonReport;
import io.archlint.maven.report.JunitReport;
import io.archlint.maven.report.ModuleInfo;
import io.archlint.maven.report.Report;
import io.archlint.maven.report.SarifReport;
import io.archlint.maven.report.TimingsReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Analyses the module, prints the findings, writes the reports and fails the build on new
 * findings at or above {@code archlint.failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractArchlintMojo {

    /** The lowest severity that fails the build: {@code ERROR}, {@code WARNING}, {@code INFO} or {@code NONE}. */
    @Parameter(property = "archlint.failOnSeverity", defaultValue = "ERROR")
    private String failOnSeverity;

    /**
     * Comma-separated outputs: {@code console}, {@code html}, {@code json}, {@code sarif}, and for CI
     * {@code codequality} (GitLab Code Quality), {@code checkstyle} (Checkstyle XML) and {@code junit} (JUnit XML).
     */
    @Parameter(property = "archlint.formats", defaultValue = "console,html,json,sarif")
    private String formats;

    /** Where reports are written. */
    @Parameter(property = "archlint.outputDirectory", defaultValue = "${project.build.directory}/archlint")
    private File outputDirectory;

    /** Fails the build when the baseline file is missing, so CI cannot silently run without it. */
    @Parameter(property = "archlint.baselineStrict", defaultValue = "false")
    private boolean baselineStrict;

    /**
     * Prints where the analysis spent its time (each facet and each rule, slowest first) and writes
     * {@code timings.json} beside the reports.
     */
    @Parameter(property = "archlint.timings", defaultValue = "false")
    private boolean timings;

    /**
     * Fails the build when input could not be analysed: a source that does not parse, malformed
     * configuration, an unreadable class file, a module not compiled yet, an incomplete dependency graph.
     */
    @Parameter(property = "archlint.failOnAnalysisError", defaultValue = "false")
    private boolean failOnAnalysisError;

    @Inject
    public CheckMojo(ProjectDependenciesResolver dependenciesResolver) {
        super(dependenciesResolver);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Archlint is skipped (archlint.skip=true)");
            writeAggregate(ReactorReports.record(session, project, null));
            return;
        }
        Severity threshold = Options.failOnSeverity(failOnSeverity);
        Set<String> outputs = Options.formats(formats);
        RuleSelection selection = selectRules();
        if (nothingToAnalyse()) {
            writeAggregate(ReactorReports.record(session, project, null));
            return;
        }
        Optional<Baseline> baseline = readBaseline();
        if (baseline.isEmpty() && baselineStrict) {
            throw new MojoFailureException("The baseline " + baselineFile + " does not exist and "
                    + "archlint.baselineStrict=true: commit the baseline (mvn archlint:baseline writes it), "
                    + "or point archlint.baselineFile at it");
        }

        Analysis analysis = analyze(selection);
        Baseline.Applied applied = baseline.map(b -> b.apply(analysis.result()))
                .orElseGet(() -> new Baseline.Applied(analysis.result(), List.of()));
        Report report = Report.of(new ModuleInfo(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                applied.result(), threshold, applied.fixed().size());

        List<String> written = new ArrayList<>();
        if (outputs.contains("html")) {
            written.add(write(analysis, HtmlReport.FILE_NAME, new HtmlReport(project.getBasedir().toPath(),
                    ProjectCodebase.encoding(project)).render(report)));
        }
        if (outputs.contains("json")) {
            written.add(write(analysis, JsonReport.FILE_NAME, new JsonReport().render(report)));
        }
        if (outputs.contains("sarif")) {
            written.add(write(analysis, SarifReport.FILE_NAME, new SarifReport().render(report)));
        }
        if (outputs.contains("codequality")) {
            written.add(write(analysis, CodeQualityReport.FILE_NAME, new CodeQualityReport().render(report)));
        }
        if (outputs.contains("checkstyle")) {
            written.add(write(analysis, CheckstyleReport.FILE_NAME, new CheckstyleReport().render(report)));
        }
        if (outputs.contains("junit")) {
            written.add(write(analysis, JunitReport.FILE_NAME, new JunitReport().render(report)));
        }
        if (outputs.contains("console")) {
            new ConsoleReport().print(report, written, new ConsoleReport.Sink() {
                @Override
                public void error(String line) {
                    log.error(line);
                }

                @Override
                public void warn(String line) {
                    log.warn(line);
                }

                @Override
                public void info(String line) {
                    log.info(line);
                }
            });
        }

        if (timings) {
            TimingsReport timingsReport = new TimingsReport();
            write(analysis, TimingsReport.FILE_NAME, timingsReport.render(analysis.result().timings()));
            timingsReport.lines(analysis.result().timings()).forEach(log::info);
        }

        writeAggregate(ReactorReports.record(session, project, new JsonReport().render(report)));

        List<Finding> failing = applied.result().failing(threshold);
        Optional<String> analysisError = failOnAnalysisError
                ? analysisErrorMessage(applied.result().skipped()) : Optional.empty();
        if (!failing.isEmpty()) {
            String them = failing.size() == 1 ? "it" : "them";
            throw new MojoFailureException(failing.size() + (failing.size() == 1 ? " finding" : " findings")
                    + " at " + threshold + " or above (archlint.failOnSeverity=" + threshold + "): fix " + them
                    + ", suppress " + them + " with a reason (// archlint:ignore <rule-id> <reason>), "
                    + "or record a baseline (mvn archlint:baseline)" + analysisError.map(m -> "; also " + m).orElse(""));
        }
        if (analysisError.isPresent()) {
            throw new MojoFailureException(analysisError.get());
        }
    }

    /** What {@code archlint.failOnAnalysisError} fails on: how many inputs were skipped, and the first ones. */
    static Optional<String> analysisErrorMessage(List<Skipped> skipped) {
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        int shown = Math.min(3, skipped.size());
        String first = String.join(", ", skipped.subList(0, shown).stream()
                .map(s -> s.file() + " (" + s.reason() + ")").toList());
        return Optional.of(skipped.size() + (skipped.size() == 1 ? " input" : " inputs")
                + " could not be analysed (archlint.failOnAnalysisError=true): " + first
                + (skipped.size() > shown ? " and " + (skipped.size() - shown) + " more" : "")
                + "; fix them, or set archlint.failOnAnalysisError=false to report them without failing");
    }

    /** Writes the reactor's aggregate into the top-level project's {@code target/archlint}, when this execution completes it. */
    private void writeAggregate(Optional<AggregateReport> aggregate) throws MojoExecutionException {
        if (aggregate.isEmpty()) {
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path directory = Path.of(top.getBuild().getDirectory(), "archlint");
        Path html = directory.resolve(AggregateReport.HTML_FILE_NAME);
        writeAtomically(directory.resolve(AggregateReport.JSON_FILE_NAME), aggregate.get().renderJson(), "aggregate report");
        writeAtomically(html, aggregate.get().renderHtml(), "aggregate report");
        getLog().info("Archlint aggregate of " + aggregate.get().modules().size() + " modules ("
                + aggregate.get().total() + (aggregate.get().total() == 1 ? " finding" : " findings") + "): "
                + Path.of(session.getExecutionRootDirectory()).toAbsolutePath().relativize(html.toAbsolutePath()).toString().replace('\\', '/'));
        if (!aggregate.get().missing().isEmpty()) {
            getLog().warn("Archlint aggregate: no report from " + String.join(", ", aggregate.get().missing())
                    + " (its build stopped before archlint:check)");
        }
    }

    private String write(Analysis analysis, String fileName, String content) throws MojoExecutionException {
        Path target = outputDirectory.toPath().resolve(fileName);
        writeAtomically(target, content, "report");
        return analysis.codebase().relativize(target);
    }
}
