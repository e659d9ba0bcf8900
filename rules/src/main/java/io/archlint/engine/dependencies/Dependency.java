package io.archlint.engine.dependencies;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One artifact of the module's resolved graph.
 *
 * @param scope      the effective Maven scope ({@code compile}, {@code runtime}, {@code provided},
 *                   {@code test}, {@code system})
 * @param path       the artifacts from the direct dependency down to this one; a direct
 *                   dependency's path holds only itself
 * @param declaredAt where the direct dependency of the path is declared, or {@code null}
 */
public record Dependency(Artifact artifact, String scope, boolean optional, List<Artifact> path, Declaration declaredAt) {

    /** A place in a build file. */
    public record Declaration(String file, int line, int column) {}

    public Dependency {
        path = List.copyOf(path);
    }

    public boolean isDirect() {
        return path.size() == 1;
    }

    public boolean isTestScope() {
        return "test".equals(scope);
    }

    /** On the runtime classpath the application ships with. */
    public boolean isRuntime() {
        return "compile".equals(scope) || "runtime".equals(scope);
    }

    /** "module -> a:b:1 -> c:d:2", the answer to "why is this here". */
    public String describePath(String root) {
        return root + " -> " + path.stream().map(Artifact::toString).collect(Collectors.joining(" -> "));
    }
}
