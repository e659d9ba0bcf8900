package io.archlint.maven;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Analyzer;
import io.archlint.engine.Codebase;
import io.archlint.engine.cache.ResultCache;
import io.archlint.engine.Skipped;
import io.archlint.engine.Stereotypes;
import io.archlint.maven.baseline.Baseline;
import io.archlint.maven.report.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;

/** What the goals share: turning the Maven project into a {@link Codebase} and running the rules. */
abstract class AbstractArchlintMojo extends AbstractMojo {

    /** Skips the analysis. */
    @Parameter(property = "archlint.skip", defaultValue = "false")
    protected boolean skip;

    /** The baseline: findings accepted as they are, so that {@code check} fails only on new ones. */
    @Parameter(property = "archlint.baselineFile", defaultValue = "${project.basedir}/archlint-baseline.json")
    protected File baselineFile;

    /** The starting set of rules: {@code recommended}, {@code strict} (every rule one severity higher) or {@code security}. */
    @Parameter(property = "archlint.preset", defaultValue = "recommended")
    protected String preset;

    /** Per-rule settings on top of the preset: enabled, severity and parameters. */
    @Parameter
    protected List<RuleConfiguration> rules;

    /** Additions to the stereotype tables: controller annotations, data access types, money words... */
    @Parameter
    protected StereotypesConfiguration stereotypes;

    /** Findings accepted by path or package, with a reason and an optional expiry date. */
    @Parameter
    protected List<ExclusionConfiguration> exclusions;

    /** A team's ArchUnit rules from the plugin's dependencies, run like built-in rules. */
    @Parameter
    protected List<ArchRuleConfiguration> archRules;

    /**
     * Keeps the last analysis in {@code target/archlint/cache/} and uses it again when nothing it
     * depends on changed: sources, resources, classes, the pom and dependencies, the rules and this
     * configuration.
     */
    @Parameter(property = "archlint.cache", defaultValue = "true")
    protected boolean cache;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    private final ProjectDependenciesResolver dependenciesResolver;

    AbstractArchlintMojo(ProjectDependenciesResolver dependenciesResolver) {
        this.dependenciesResolver = dependenciesResolver;
    }

    /** A module's analysis, with the codebase it ran on. */
    record Analysis(Codebase codebase, AnalysisResult result) {}

    /** Whether this module has nothing to analyse; says so when it has not. */
    protected boolean nothingToAnalyse() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Archlint: nothing to analyse in " + project.getArtifactId() + " (packaging pom)");
            return true;
        }
        return false;
    }

    /** The rules to run, checked before any work starts. */
    protected RuleSelection selectRules() throws MojoExecutionException {
        return selectRules(getClass().getClassLoader(), archRules, preset, rules, exclusions);
    }

    /** The rules to run, for a goal that cannot extend this class (the site report). */
    static RuleSelection selectRules(ClassLoader loader, List<ArchRuleConfiguration> archRules, String preset,
            List<RuleConfiguration> rules, List<ExclusionConfiguration> exclusions) throws MojoExecutionException {
        List<io.archlint.engine.Rule> available = CustomRules.all(loader, archRules);
        RuleSelection selection = RuleSelection.of(available, preset, rules);
        java.util.Set<String> ids = new java.util.HashSet<>();
        available.forEach(r -> ids.add(r.definition().id()));
        List<io.archlint.engine.Exclusion> parsed = new java.util.ArrayList<>();
        for (ExclusionConfiguration exclusion : exclusions == null ? List.<ExclusionConfiguration>of() : exclusions) {
            parsed.add(exclusion.toExclusion(ids));
        }
        return selection.withExclusions(parsed);
    }

    protected Analysis analyze(RuleSelection selection) {
        ResultCache results = null;
        if (cache) {
            results = new ResultCache(Path.of(project.getBuild().getDirectory(), "archlint", "cache", "results.bin"),
                    pluginClasspath());
        }
        return analyze(dependenciesResolver, project, session, stereotypes, selection, results);
    }

    /** The jars the plugin and custom rules run from, by path, size and time: a new rule jar is a cache miss. */
    private String pluginClasspath() {
        if (plugin == null || plugin.getArtifacts() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (org.apache.maven.artifact.Artifact artifact : plugin.getArtifacts()) {
            java.io.File file = artifact.getFile();
            text.append(artifact.getId());
            if (file != null) {
                text.append(' ').append(file.length()).append(' ').append(file.lastModified());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Analyses the module, for a goal that cannot extend this class (the site report); no cache when null. */
    static Analysis analyze(ProjectDependenciesResolver dependenciesResolver, MavenProject project, MavenSession session,
            StereotypesConfiguration stereotypes, RuleSelection selection, ResultCache results) {
        DependencyGraphReader.Outcome dependencies = new DependencyGraphReader(dependenciesResolver).read(project, session);
        int parallelism = innerParallelism(session);
        Stereotypes tables = stereotypes == null ? Stereotypes.defaults() : stereotypes.applyTo(Stereotypes.defaults());
        Codebase codebase = ProjectCodebase.of(project, dependencies.graph(), parallelism, tables, selection.parameters(),
                dependencies.ownDependencies());
        dependencies.problems().forEach(p -> codebase.skip(new Skipped("pom.xml",
                "dependency graph incomplete, dependency rules see only what was collected: " + p)));
        Analyzer analyzer = new Analyzer(selection.rules(), selection.severities(), parallelism,
                java.time.LocalDate.now(), selection.exclusions());
        AnalysisResult result = results == null ? analyzer.analyze(codebase) : analyzer.analyze(codebase, results);
        return new Analysis(codebase, result);
    }

    /** The baseline file's content, or empty when there is none. */
    protected Optional<Baseline> readBaseline() throws MojoExecutionException {
        return readBaseline(baselineFile);
    }

    static Optional<Baseline> readBaseline(File baselineFile) throws MojoExecutionException {
        Path file = baselineFile.toPath();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Baseline.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new MojoExecutionException("Archlint could not read the baseline " + file + ": " + e.getMessage());
        } catch (Baseline.InvalidBaselineException e) {
            throw new MojoExecutionException("Archlint cannot use the baseline " + file + ": " + e.getMessage()
                    + ". Restore it from version control, or write a new one with mvn archlint:baseline.");
        }
    }

    protected void writeAtomically(Path target, String content, String what) throws MojoExecutionException {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new MojoExecutionException("Archlint could not write the " + what + " " + target + ": "
                    + AtomicFiles.reason(e) + " (check the path and its permissions; the previous file, if any, is unchanged)",
                    e);
        }
    }

    /** Threads for parsing and rules: the cores, shared among the modules {@code -T} builds at once. */
    private static int innerParallelism(MavenSession session) {
        int cores = Runtime.getRuntime().availableProcessors();
        int modulesAtOnce = session.isParallel() ? Math.max(1, session.getRequest().getDegreeOfConcurrency()) : 1;
        return Math.max(1, cores / modulesAtOnce);
    }
}
