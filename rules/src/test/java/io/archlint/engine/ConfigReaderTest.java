package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.config.ConfigFacet;
import io.archlint.engine.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path base;

    private final List<Skipped> skipped = new ArrayList<>();

    private ConfigFacet read() {
        return new ConfigReader(p -> base.relativize(p).toString().replace('\\', '/'), skipped::add)
                .read(List.of(base.resolve("src/main/resources")));
    }

    private void write(String path, String text) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Nested
    class Properties {

        @Test
        void readsKeysWithTheirLinesAndTheProfileFromTheFileName() throws IOException {
            write("src/main/resources/application.properties", """
                    # datasource
                    spring.datasource.url=jdbc:postgresql://db/orders

                    spring.datasource.type = com.zaxxer.hikari.HikariDataSource
                    """);
            write("src/main/resources/application-prod.properties", "spring.jpa.hibernate.ddl-auto: validate\n");

            ConfigFacet config = read();

            assertThat(config.files()).containsExactly("src/main/resources/application-prod.properties",
                    "src/main/resources/application.properties");
            assertThat(config.get("spring.datasource.type")).singleElement().isEqualTo(new ConfigEntry(
                    "spring.datasource.type", "com.zaxxer.hikari.HikariDataSource", "",
                    "src/main/resources/application.properties", 4));
            assertThat(config.get("SPRING_JPA_HIBERNATE_DDLAUTO")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.profile()).isEqualTo("prod");
                        assertThat(e.line()).isEqualTo(1);
                    });
        }
    }

    @Test
    void readsARootListedTwiceOnce() throws IOException {
        write("src/main/resources/application.properties", "spring.datasource.password=${DB_PASSWORD}\n");
        Path root = base.resolve("src/main/resources");
        ConfigFacet config = new ConfigReader(p -> base.relativize(p).toString().replace('\\', '/'), skipped::add)
                .read(List.of(root, root.resolve("../resources")));
        assertThat(config.entries()).hasSize(1);
    }

    @Nested
    class Yaml {

        @Test
        void flattensNestedKeysAndListsAndReadsProfilesOfEachDocument() throws IOException {
            write("src/main/resources/application.yml", """
                    spring:
                      datasource:
                        url: jdbc:postgresql://db/orders
                    cors:
                      origins:
                        - https://a.example
                        - https://b.example
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: local
                      jpa:
                        hibernate:
                          ddl-auto: create-drop
                    """);

            ConfigFacet config = read();

            assertThat(config.get("spring.datasource.url")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.profile()).isEmpty();
                    });
            assertThat(config.get("cors.origins[1]")).singleElement()
                    .satisfies(e -> assertThat(e.value()).isEqualTo("https://b.example"));
            assertThat(config.get("spring.jpa.hibernate.ddl-auto")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.profile()).isEqualTo("local");
                        assertThat(e.line()).isEqualTo(15);
                    });
        }

        @Test
        void reportsAMalformedFileAsSkippedAndKeepsReadingTheOthers() throws IOException {
            write("src/main/resources/application.yml", "spring:\n  datasource: [unclosed\n");
            write("src/main/resources/config/application.properties", "server.port=8081\n");

            ConfigFacet config = read();

            assertThat(skipped).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/resources/application.yml");
                assertThat(s.reason()).startsWith("does not parse at line 3: ");
            });
            assertThat(config.entries()).extracting(ConfigEntry::key).containsExactly("server.port");
        }
    }
}
