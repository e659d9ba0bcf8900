package io.archlint.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.archlint.engine.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any bytes as {@code application.properties} or {@code application.yml}: read, or reported once
 * in skipped, never thrown. Seeds in {@code ConfigReaderFuzzTestInputs/<method>}.
 */
class ConfigReaderFuzzTest {

    private static void readsOrSkips(String file, byte[] bytes) {
        List<Skipped> skipped = new ArrayList<>();
        ConfigReader reader = new ConfigReader(Path::toString, skipped::add);

        Optional<List<ConfigEntry>> entries = reader.read(file, "", bytes);

        if (entries.isPresent()) {
            assertThat(skipped).isEmpty();
            long lines = bytes.length + 1L;
            assertThat(entries.get()).allSatisfy(e -> {
                assertThat(e.file()).isEqualTo(file);
                assertThat(e.key()).isNotNull();
                assertThat((long) e.line()).isBetween(0L, lines);
            });
            // The relaxed-binding lookup every configuration rule uses.
            ConfigFacet facet = new ConfigFacet(List.of(file), entries.get());
            entries.get().stream().limit(20).forEach(e -> assertThat(facet.get(e.key())).isNotEmpty());
        } else {
            assertThat(skipped).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo(file);
                assertThat(s.reason()).isNotBlank().doesNotContain("\n");
            });
        }
    }

    @FuzzTest
    void readsAnyProperties(byte[] bytes) {
        readsOrSkips("src/main/resources/application.properties", bytes);
    }

    @FuzzTest
    void readsAnyYaml(byte[] bytes) {
        readsOrSkips("src/main/resources/application.yml", bytes);
    }
}
