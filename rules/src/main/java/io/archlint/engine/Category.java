package io.archlint.engine;

/** The sections of the pitfall catalog; {@link #id()} is the last package segment of its rules. */
public enum Category {
    DATABASE("database", "Databases and data access"),
    LAYERING("layering", "Layering"),
    RESILIENCE("resilience", "Resilience"),
    CONCURRENCY("concurrency", "Concurrency and memory"),
    ERRORS("errors", "Error handling and logging"),
    SECURITY("security", "Security"),
    OPERATIONS("operations", "Operations");

    private final String id;
    private final String title;

    Category(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
