package io.archlint.maven.report;

/** The analysed module's coordinates, as the reports name it. */
public record ModuleInfo(String groupId, String artifactId, String version) {}
