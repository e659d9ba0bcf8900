package io.archlint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlint.maven.report.AggregateReport;
import io.archlint.maven.report.ModuleInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * Collects the {@code check} reports of one build's modules, so that the execution that completes the
 * reactor writes the aggregate.
 *
 * <p>Under {@code -T} the last project of the reactor order is not necessarily the last one built, so the
 * aggregate is not tied to a project: every {@code check} execution records its module (its
 * {@code archlint.json} document, or nothing for a pom or a skipped module), and the one after which every
 * module that runs {@code check} has recorded itself (or has finished its build without getting there, e.g.
 * failed before) writes it, exactly once.
 *
 * <p>The record lives in the build's resolver session data and holds only JDK types: modules that add
 * dependencies to the plugin get a class realm of their own, so a static field would not be shared.
 */
final class ReactorReports {

    static final String PLUGIN_KEY = "io.archlint:archlint-maven-plugin";
    private static final String DATA_KEY = ReactorReports.class.getName() + ".modules";
    private static final String WRITTEN = "<aggregate written>";
    private static final String NO_REPORT = "";

    private ReactorReports() {}

    /**
     * Records this module's {@code archlint.json} (or {@code null} when it has none) and returns the
     * aggregate when this execution completes the reactor and more than one module has a report.
     */
    @SuppressWarnings("unchecked")
    static Optional<AggregateReport> record(MavenSession session, MavenProject project, String moduleJson) {
        if (session == null || session.getRepositorySession() == null || session.getProjects() == null
                || session.getProjects().size() < 2) {
            return Optional.empty(); // a single module, or no build around us (unit tests)
        }
        Map<String, String> recorded = (Map<String, String>) session.getRepositorySession().getData()
                .computeIfAbsent(DATA_KEY, HashMap::new);
        synchronized (recorded) {
            recorded.put(key(project), moduleJson == null ? NO_REPORT : moduleJson);
            if (recorded.containsKey(WRITTEN)) {
                return Optional.empty();
            }
            List<MavenProject> projects = session.getProjects();
            List<JsonNode> modules = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            for (MavenProject p : projects) {
                String json = recorded.get(key(p));
                if (json != null) {
                    if (!json.isEmpty()) {
                        try {
                            modules.add(mapper.readTree(json));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                } else if (runsCheck(session, p)) {
                    if (session.getResult() == null || session.getResult().getBuildSummary(p) == null) {
                        return Optional.empty(); // still to come: its own check will write the aggregate
                    }
                    missing.add(p.getArtifactId()); // finished without a report, e.g. failed before check
                }
            }
            recorded.put(WRITTEN, "written");
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
