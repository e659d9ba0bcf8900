package io.archlint.engine;

/** A view of the analysed module that rules read; built once, on first use. */
public enum Facet {
    /** The resolved dependency graph, with scopes and paths. */
    DEPENDENCIES("dependency graph"),
    /** The module's own compiled classes, imported with ArchUnit. */
    CLASSES("compiled classes"),
    /** The main Java sources, parsed with JavaParser. */
    SOURCES("Java sources"),
    /** Spring, Micronaut and MicroProfile configuration files. */
    CONFIG("configuration files");

    private final String description;

    Facet(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
