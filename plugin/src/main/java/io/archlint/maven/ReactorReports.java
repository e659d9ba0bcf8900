package io.archlint.maven;

import io.archlint.maven.report.AggregateReport;
import io.archlint.maven.report.ModuleInfo;
import io.archlint.maven.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * Collects the {@code check} reports of one build's modules, so that the execution that completes the
 * reactor writes the aggregate.
 *
 * <p>Under {@code -T} the last project of the reactor order is not necessarily the last one built, so the
 * aggregate is not tied to a project: every {@code check} execution records its module here (with its report,
 * or none for a pom or a skipped module), and the one after which every module that runs {@code check} has
 * recorded itself (or has finished its build without getting there, e.g. failed before) writes it, exactly
 * once. The plugin's class realm is shared by the whole build, so one registry per build request.
 */
final class ReactorReports {

    static final String PLUGIN_KEY = "io.archlint:archlint-maven-plugin";

    private static final Map<MavenExecutionRequest, ReactorReports> BUILDS = new WeakHashMap<>();

    private final Map<String, Optional<Report>> recorded = new HashMap<>();
    private boolean written;

    private ReactorReports() {}

    /**
     * Records this module's outcome and returns the aggregate when this execution completes the reactor and
     * more than one module has a report; empty otherwise.
     */
    static Optional<AggregateReport> record(MavenSession session, MavenProject project, Report report) {
        synchronized (BUILDS) {
            ReactorReports build = BUILDS.computeIfAbsent(session.getRequest(), r -> new ReactorReports());
            build.recorded.put(key(project), Optional.ofNullable(report));
            if (build.written) {
                return Optional.empty();
            }
            List<MavenProject> projects = session.getProjects();
            List<Report> modules = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (MavenProject p : projects) {
                Optional<Report> r = build.recorded.get(key(p));
                if (r != null) {
                    r.ifPresent(modules::add);
                } else if (runsCheck(session, p)) {
                    if (session.getResult() == null || session.getResult().getBuildSummary(p) == null) {
                        return Optional.empty(); // still to come
                    }
                    missing.add(p.getArtifactId()); // finished without a report, e.g. failed before check
                }
            }
            build.written = true;
            if (modules.size() < 2) {
                return Optional.empty();
            }
            MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : projects.get(0);
            return Optional.of(new AggregateReport(
                    new ModuleInfo(top.getGroupId(), top.getArtifactId(), top.getVersion()), modules, missing));
        }
    }

    /** Whether {@code check} runs on the project: bound in its build, or asked for on the command line. */
    static boolean runsCheck(MavenSession session, MavenProject project) {
        for (String goal : session.getGoals()) {
            if (goal.equals("archlint:check") || (goal.startsWith(PLUGIN_KEY + ":") && goal.endsWith(":check"))) {
                return true;
            }
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains("check")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }
}
