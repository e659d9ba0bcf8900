package io.archlint.engine.dependencies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The module's resolved dependencies as a plain graph: every artifact once, with the scope
 * and the first path that brings it in, in the resolver's (breadth-first) order.
 */
public final class DependencyGraph {

    private final Artifact root;
    private final Map<String, Dependency> byKey;

    private DependencyGraph(Artifact root, Map<String, Dependency> byKey) {
        this.root = root;
        this.byKey = byKey;
    }

    public static Builder builder(Artifact root) {
        return new Builder(root);
    }

    public Artifact root() {
        return root;
    }

    public Collection<Dependency> all() {
        return byKey.values();
    }

    public Optional<Dependency> find(String groupId, String artifactId) {
        return Optional.ofNullable(byKey.get(groupId + ':' + artifactId));
    }

    public List<Dependency> matching(Predicate<Dependency> predicate) {
        List<Dependency> result = new ArrayList<>();
        for (Dependency dependency : byKey.values()) {
            if (predicate.test(dependency)) {
                result.add(dependency);
            }
        }
        return result;
    }

    /** Whether any artifact outside test scope matches. */
    public boolean hasNonTest(Predicate<Artifact> predicate) {
        return byKey.values().stream().anyMatch(d -> !d.isTestScope() && predicate.test(d.artifact()));
    }

    /** Builds a graph; the first path added for an artifact wins, as in Maven's mediation. */
    public static final class Builder {
        private final Artifact root;
        private final Map<String, Dependency> byKey = new LinkedHashMap<>();

        private Builder(Artifact root) {
            this.root = root;
        }

        public Builder add(Dependency dependency) {
            byKey.putIfAbsent(dependency.artifact().key(), dependency);
            return this;
        }

        public DependencyGraph build() {
            return new DependencyGraph(root, new LinkedHashMap<>(byKey));
        }
    }
}
