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
    CONFIG("configuration files"),
    /** Flyway and Liquibase migrations, read for DDL. */
    MIGRATIONS("schema migrations");

    private final String description;

    Facet(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Whether a module commonly has none of it: rules that need such a facet are skipped quietly
     * when it is missing, since having no migrations is not input the analysis failed to use.
     */
    public boolean optional() {
        return this == MIGRATIONS;
    }
}
