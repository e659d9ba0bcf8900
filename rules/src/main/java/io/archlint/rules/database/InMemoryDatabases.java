package io.archlint.rules.database;

import java.util.List;

/** JDBC URLs of in-memory databases: their schema lives only as long as the process. */
final class InMemoryDatabases {

    private static final List<String> URL_PREFIXES = List.of(
            "jdbc:h2:mem:", "jdbc:hsqldb:mem:", "jdbc:derby:memory:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:");

    private InMemoryDatabases() {}

    /** Whether a JDBC URL, in lower case, names an in-memory database. */
    static boolean isInMemory(String url) {
        return URL_PREFIXES.stream().anyMatch(url::startsWith);
    }
}
