package io.archlint.engine.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.archlint.engine.Codebase;
import io.archlint.engine.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Any bytes as a Flyway migration after a valid first one: read into changes, or reported in
 * skipped with the file and a one-line reason, never thrown; the first migration is always read.
 * Seeds in {@code MigrationsFuzzTestInputs/readsAnyMigration}.
 */
class MigrationsFuzzTest {

    private static final String FIRST = "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL);\n";

    @FuzzTest
    void readsAnyMigration(byte[] bytes) throws IOException {
        Path base = Files.createTempDirectory("archlint-fuzz");
        try {
            Path migrations = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
            Files.writeString(migrations.resolve("V1__init.sql"), FIRST);
            Files.write(migrations.resolve("V2__fuzzed.sql"), bytes);
            Codebase codebase = Codebase.builder(base).resourceRoot(base.resolve("src/main/resources")).build();

            MigrationsFacet facet = codebase.migrations();

            assertThat(facet.migrations()).isNotEmpty();
            assertThat(facet.migrations().get(0).version()).isEqualTo("1");
            assertThat(facet.migrations().get(0).changes()).first()
                    .satisfies(c -> assertThat(c.kind()).isEqualTo(SchemaChange.Kind.CREATE_TABLE))
                    .satisfies(c -> assertThat(c.table()).isEqualTo("orders"));
            for (Skipped skipped : codebase.skipped()) {
                assertThat(skipped.file()).isEqualTo("src/main/resources/db/migration/V2__fuzzed.sql");
                assertThat(skipped.reason()).isNotBlank().doesNotContain("\n");
            }
            long lines = bytes.length + 2L;
            assertThat(facet.changes()).allSatisfy(c -> assertThat((long) c.line()).isBetween(1L, lines));
        } finally {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
