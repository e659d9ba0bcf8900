package io.archlint.maven;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Analyzer;
import io.archlint.engine.Codebase;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import io.archlint.maven.report.AtomicFiles;
import io.archlint.maven.report.ConsoleReport;
import io.archlint.maven.report.HtmlReport;
import io.archlint.maven.report.JsonReport;
import io.archlint.maven.report.ModuleInfo;
import io.archlint.maven.report.Report;
import io.archlint.maven.report.SarifReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Analyses the module, prints the findings, writes the reports and fails the build on findings
 * at or above {@code archlint.failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Skips the analysis. */
    @Parameter(property = "archlint.skip", defaultValue = "false")
    private boolean skip;

    /** The lowest severity that fails the build: {@code ERROR}, {@code WARNING}, {@code INFO} or {@code NONE}. */
    @Parameter(property = "archlint.failOnSeverity", defaultValue = "ERROR")
    private String failOnSeverity;

    /** Comma-separated outputs: {@code console}, {@code html}, {@code json}, {@code sarif}. */
    @Parameter(property = "archlint.formats", defaultValue = "console,html,json,sarif")
    private String formats;

    /** Where reports are written. */
    @Parameter(property = "archlint.outputDirectory", defaultValue = "${project.build.directory}/archlint")
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final ProjectDependenciesResolver dependenciesResolver;

    @Inject
    public CheckMojo(ProjectDependenciesResolver dependenciesResolver) {
        this.dependenciesResolver = dependenciesResolver;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Archlint is skipped (archlint.skip=true)");
            return;
        }
        Severity threshold = Options.failOnSeverity(failOnSeverity);
        Set<String> outputs = Options.formats(formats);
        if ("pom".equals(project.getPackaging())) {
            log.info("Archlint: nothing to analyse in " + project.getArtifactId() + " (packaging pom)");
            return;
        }

        DependencyGraphReader.Outcome dependencies = new DependencyGraphReader(dependenciesResolver).read(project, session);
        int parallelism = innerParallelism();
        Codebase codebase = ProjectCodebase.of(project, dependencies.graph(), parallelism);
        dependencies.problems().forEach(p -> codebase.skip(new Skipped("pom.xml",
                "dependency graph incomplete, dependency rules see only what was collected: " + p)));
        AnalysisResult result = new Analyzer(RuleRegistry.builtIn(), Map.of(), parallelism).analyze(codebase);
        Report report = Report.of(new ModuleInfo(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                result, threshold);

        List<String> written = new ArrayList<>();
        if (outputs.contains("html")) {
            written.add(write(codebase, HtmlReport.FILE_NAME, new HtmlReport().render(report)));
        }
        if (outputs.contains("json")) {
            written.add(write(codebase, JsonReport.FILE_NAME, new JsonReport().render(report)));
        }
        if (outputs.contains("sarif")) {
            written.add(write(codebase, SarifReport.FILE_NAME, new SarifReport().render(report)));
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

        List<Finding> failing = result.failing(threshold);
        if (!failing.isEmpty()) {
            String them = failing.size() == 1 ? "it" : "them";
            throw new MojoFailureException(failing.size() + (failing.size() == 1 ? " finding" : " findings")
                    + " at " + threshold + " or above (archlint.failOnSeverity=" + threshold + "): fix " + them
                    + ", or suppress " + them + " with a reason (// archlint:ignore <rule-id> <reason>)");
        }
    }

    /** Threads for parsing and rules: the cores, shared among the modules {@code -T} builds at once. */
    private int innerParallelism() {
        int cores = Runtime.getRuntime().availableProcessors();
        int modulesAtOnce = session.isParallel() ? Math.max(1, session.getRequest().getDegreeOfConcurrency()) : 1;
        return Math.max(1, cores / modulesAtOnce);
    }

    private String write(Codebase codebase, String fileName, String content) throws MojoExecutionException {
        Path target = outputDirectory.toPath().resolve(fileName);
        try {
            AtomicFiles.write(target, content);
            return codebase.relativize(target);
        } catch (IOException e) {
            throw new MojoExecutionException("Archlint could not write " + target + ": " + e.getMessage()
                    + " (check archlint.outputDirectory and its permissions; the previous report, if any, is unchanged)", e);
        }
    }
}
