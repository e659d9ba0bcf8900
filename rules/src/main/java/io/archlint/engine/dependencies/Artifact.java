package io.archlint.engine.dependencies;

/** A resolved artifact's coordinates. */
public record Artifact(String groupId, String artifactId, String version) {

    public String key() {
        return groupId + ':' + artifactId;
    }

    @Override
    public String toString() {
        return groupId + ':' + artifactId + ':' + version;
    }
}
