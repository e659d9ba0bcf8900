package io.archlint.maven;

import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.InputLocation;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.DependencyNode;

/**
 * Turns Maven Resolver's dependency graph of a project into Archlint's plain graph.
 *
 * <p>Only collects: no artifact is downloaded, because the rules read coordinates, scopes and
 * paths, never the libraries' classes.
 */
final class DependencyGraphReader {

    /**
     * The graph, what went wrong collecting it, and where the classes of the dependencies from the
     * project's own group are (see {@link io.archlint.engine.Codebase#ownDependencies()}).
     */
    record Outcome(DependencyGraph graph, List<String> problems, Map<String, Path> ownDependencies) {}

    private final ProjectDependenciesResolver resolver;

    DependencyGraphReader(ProjectDependenciesResolver resolver) {
        this.resolver = resolver;
    }

    Outcome read(MavenProject project, MavenSession session) {
        DefaultDependencyResolutionRequest request =
                new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
        request.setResolutionFilter((node, parents) -> false);
        DependencyResolutionResult result;
        List<String> problems = new ArrayList<>();
        try {
            result = resolver.resolve(request);
        } catch (DependencyResolutionException e) {
            result = e.getResult();
            problems.add(firstLine(e.getMessage()));
        }
        if (result != null) {
            result.getCollectionErrors().stream().map(Exception::getMessage).map(DependencyGraphReader::firstLine)
                    .filter(m -> !problems.contains(m)).forEach(problems::add);
        }
        DependencyNode root = result == null ? null : result.getDependencyGraph();
        missingPoms(root, session).forEach(problems::add);
        return new Outcome(toGraph(project, root), problems, ownDependencies(project, root, session));
    }

    /**
     * The jar dependencies outside test scope from the project's own group, by where their classes
     * are: a module of this build by its output directory, else the jar in the local repository.
     * Ones found in neither place (not built yet, offline) are left out.
     */
    static Map<String, Path> ownDependencies(MavenProject project, DependencyNode root, MavenSession session) {
        Map<String, Path> result = new java.util.TreeMap<>();
        if (root == null) {
            return result;
        }
        Map<String, MavenProject> reactor = new HashMap<>();
        List<MavenProject> projects = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        if (projects != null) {
            projects.forEach(p -> reactor.put(p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion(), p));
        }
        org.eclipse.aether.repository.LocalRepositoryManager local = session.getRepositorySession() == null
                ? null : session.getRepositorySession().getLocalRepositoryManager();
        Deque<DependencyNode> queue = new ArrayDeque<>(root.getChildren());
        while (!queue.isEmpty()) {
            DependencyNode node = queue.removeFirst();
            org.eclipse.aether.artifact.Artifact artifact = node.getArtifact();
            if (node.getDependency() == null || artifact == null || "test".equals(node.getDependency().getScope())) {
                continue;
            }
            queue.addAll(node.getChildren());
            String coordinates = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
            if (!artifact.getGroupId().equals(project.getGroupId()) || !"jar".equals(artifact.getExtension())
                    || result.containsKey(coordinates)) {
                continue;
            }
            MavenProject module = reactor.get(coordinates);
            Path location = null;
            if (module != null) {
                Path classes = Path.of(module.getBuild().getOutputDirectory());
                location = Files.isDirectory(classes) ? classes : null;
            } else if (local != null) {
                Path jar = local.getRepository().getBasedir().toPath().resolve(local.getPathForLocalArtifact(artifact));
                location = Files.isRegularFile(jar) ? jar : null;
            }
            if (location != null) {
                result.put(coordinates, location);
            }
        }
        return result;
    }

    /**
     * Dependencies whose pom was found nowhere (offline, or not in any repository): Maven goes on with
     * a warning, and their own dependencies are missing from the graph. Reactor modules and system
     * dependencies have no pom in the local repository and are not counted.
     */
    private static List<String> missingPoms(DependencyNode root, MavenSession session) {
        if (root == null || session.getRepositorySession() == null
                || session.getRepositorySession().getLocalRepositoryManager() == null) {
            return List.of();
        }
        org.eclipse.aether.repository.LocalRepositoryManager local =
                session.getRepositorySession().getLocalRepositoryManager();
        Path base = local.getRepository().getBasedir().toPath();
        java.util.Set<String> reactor = new java.util.HashSet<>();
        if (session.getProjects() != null) {
            session.getProjects().forEach(p -> reactor.add(p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion()));
        }
        List<String> missing = new ArrayList<>();
        Deque<DependencyNode> queue = new ArrayDeque<>(root.getChildren());
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            DependencyNode node = queue.removeFirst();
            queue.addAll(node.getChildren());
            if (node.getDependency() == null || node.getArtifact() == null) {
                continue;
            }
            org.eclipse.aether.artifact.Artifact artifact = node.getArtifact();
            String gav = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
            if (!seen.add(gav) || reactor.contains(gav) || "system".equals(node.getDependency().getScope())) {
                continue;
            }
            org.eclipse.aether.artifact.Artifact pom = new org.eclipse.aether.artifact.DefaultArtifact(
                    artifact.getGroupId(), artifact.getArtifactId(), "", "pom", artifact.getBaseVersion());
            if (!Files.isRegularFile(base.resolve(local.getPathForLocalArtifact(pom)))) {
                missing.add("the pom of " + gav + " was not found (offline, or in no configured repository), "
                        + "so its own dependencies are unknown");
            }
        }
        return missing;
    }

    private static DependencyGraph toGraph(MavenProject project, DependencyNode root) {
        DependencyGraph.Builder graph = DependencyGraph.builder(
                new Artifact(project.getGroupId(), project.getArtifactId(), project.getVersion()));
        if (root == null) {
            return graph.build();
        }
        Map<String, Dependency.Declaration> declarations = declarations(project);
        record Step(DependencyNode node, List<Artifact> path) {}
        Deque<Step> queue = new ArrayDeque<>();
        for (DependencyNode child : root.getChildren()) {
            queue.add(new Step(child, List.of(artifact(child))));
        }
        // Breadth-first, so every artifact keeps its shortest path: the one Maven's mediation chose.
        while (!queue.isEmpty()) {
            Step step = queue.removeFirst();
            DependencyNode node = step.node();
            if (node.getDependency() == null) {
                continue;
            }
            Artifact direct = step.path().get(0);
            graph.add(new Dependency(artifact(node), node.getDependency().getScope(), node.getDependency().isOptional(),
                    step.path(), declarations.get(direct.key())));
            for (DependencyNode child : node.getChildren()) {
                List<Artifact> path = new ArrayList<>(step.path());
                path.add(artifact(child));
                queue.addLast(new Step(child, path));
            }
        }
        return graph.build();
    }

    /** Where each direct dependency is declared: this pom, or a parent's. */
    private static Map<String, Dependency.Declaration> declarations(MavenProject project) {
        Map<String, Dependency.Declaration> result = new HashMap<>();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        for (org.apache.maven.model.Dependency dependency : project.getModel().getDependencies()) {
            InputLocation location = dependency.getLocation("");
            if (location == null) {
                continue;
            }
            String key = dependency.getGroupId() + ":" + dependency.getArtifactId();
            String source = location.getSource() == null ? null : location.getSource().getLocation();
            if (source != null && source.startsWith("file:")) {
                // Maven 4 gives the pom as a file: URI, Maven 3 as a path.
                try {
                    source = Path.of(java.net.URI.create(source)).toString();
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    source = null;
                }
            }
            if (source == null || !Path.of(source).isAbsolute()) {
                // Declared in a pom from the repository (a released parent): no line here to point at.
                result.put(key, new Dependency.Declaration("pom.xml", 0, 0));
                continue;
            }
            String file = base.relativize(Path.of(source).toAbsolutePath().normalize()).toString().replace('\\', '/');
            int column = tagColumn(Path.of(source), location.getLineNumber(), location.getColumnNumber());
            result.put(key, new Dependency.Declaration(file, location.getLineNumber(), column));
        }
        return result;
    }

    /**
     * The column of the {@code <dependency>} tag: Maven 3 records the position after the start tag,
     * Maven 4 the tag's own; the line itself says which.
     */
    static int tagColumn(Path pom, int line, int recordedColumn) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(pom)) {
            String text = lines.skip(Math.max(0, line - 1)).findFirst().orElse("");
            int tag = text.lastIndexOf("<dependency", Math.max(0, recordedColumn - 1));
            if (tag >= 0) {
                return tag + 1;
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // fall back to the recorded position
        }
        return Math.max(1, recordedColumn - "<dependency>".length());
    }

    private static Artifact artifact(DependencyNode node) {
        org.eclipse.aether.artifact.Artifact artifact = node.getArtifact();
        return new Artifact(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion());
    }

    private static String firstLine(String message) {
        return message == null ? "unknown problem" : message.lines().findFirst().orElse(message).strip();
    }
}
