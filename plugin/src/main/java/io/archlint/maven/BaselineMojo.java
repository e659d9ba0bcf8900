package io.archlint.maven;

import io.archlint.engine.Finding;
import io.archlint.maven.baseline.Baseline;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Records today's findings in the baseline file so that {@code check} fails only on new ones;
 * entries that no longer match a finding are pruned.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractArchlintMojo {

    @Inject
    public BaselineMojo(ProjectDependenciesResolver dependenciesResolver) {
        super(dependenciesResolver);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Archlint is skipped (archlint.skip=true)");
            return;
        }
        RuleSelection selection = selectRules();
        if (nothingToAnalyse()) {
            return;
        }
        Optional<Baseline> previous;
        try {
            previous = readBaseline();
        } catch (MojoExecutionException e) {
            // A broken baseline is replaced: this goal's job is to write a good one.
            getLog().warn(e.getMessage());
            previous = Optional.empty();
        }
        Analysis analysis = analyze(selection);
        List<Finding> findings = analysis.result().findings();
        Baseline baseline = Baseline.of(findings);
        writeAtomically(baselineFile.toPath(), baseline.toJson(), "baseline");

        Set<String> before = new HashSet<>();
        previous.ifPresent(b -> b.entries().forEach(e -> before.add(e.ruleId() + '\n' + e.fingerprint())));
        Set<String> now = new HashSet<>();
        baseline.entries().forEach(e -> now.add(e.ruleId() + '\n' + e.fingerprint()));
        long added = now.stream().filter(k -> !before.contains(k)).count();
        long pruned = before.stream().filter(k -> !now.contains(k)).count();
        getLog().info("Archlint baseline " + analysis.codebase().relativize(baselineFile.toPath()) + ": "
                + baseline.entries().size() + (baseline.entries().size() == 1 ? " finding" : " findings")
                + " accepted (" + added + " added, " + pruned + " pruned)");
    }
}
