package io.archlint.engine.migrations;

import io.archlint.engine.Skipped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads a Liquibase changelog and the changelogs it includes. */
final class LiquibaseReader {

    private final Function<Path, String> relativizer;
    private final Consumer<Skipped> skipped;
    private final ChangeRecorder recorder;
    private final SqlDdl ddl;
    private final List<Path> roots;
    private final Path baseDir;

    LiquibaseReader(Function<Path, String> relativizer, Consumer<Skipped> skipped, ChangeRecorder recorder,
            SqlDdl ddl, List<Path> roots, Path baseDir) {
        this.relativizer = relativizer;
        this.skipped = skipped;
        this.recorder = recorder;
        this.ddl = ddl;
        this.roots = roots;
        this.baseDir = baseDir;
    }

    /** A changelog path as Liquibase resolves it: on the classpath (resource roots), else under the base directory. */
    static Path find(String location, List<Path> roots, Path baseDir) {
        String loc = location.strip().replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        for (Path root : roots) {
            Path candidate = root.resolve(loc).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        Path candidate = baseDir.resolve(loc).normalize();
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    void read(Path master, List<Migration> migrations) {
        // Liquibase follows in the next commit.
    }
}
