package io.archlint.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlint.engine.Codebase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StringValuesTest {

    @TempDir
    Path base;

    private void write(String path, String text) throws IOException {
        Path file = base.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The value of each {@code use(..)} argument in {@code Client.java}, by the method that holds it. */
    private Map<String, Optional<String>> values() {
        SourceFacet sources = Codebase.builder(base).sourceRoot(base.resolve("src/main/java")).build().sources();
        SourceFile client = sources.file("src/main/java/com/acme/Client.java").orElseThrow();
        return client.unit().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("use")).stream()
                .collect(Collectors.toMap(
                        c -> c.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class).orElseThrow()
                                .getNameAsString(),
                        c -> StringValues.of(sources, client, c.getArgument(0))));
    }

    @Test
    void resolvesLiteralsConcatenationsAndConstantsOfTheModule() throws IOException {
        write("com/acme/Headers.java", """
                package com.acme;

                public interface Headers {
                    String PREFIX = "X-";
                    String IDEMPOTENCY_KEY = PREFIX + "Idempotency-Key";
                }
                """);
        write("com/acme/Client.java", """
                package com.acme;

                import static com.acme.Headers.IDEMPOTENCY_KEY;

                class Client {
                    private static final String TABLE = "orders";
                    private String mutable = "changes";

                    void literal() { use("plain"); }
                    void block() { use(\"""
                            text
                            \"""); }
                    void concatenated() { use("select * from " + TABLE + (" where id = ?")); }
                    void qualified() { use(Headers.IDEMPOTENCY_KEY); }
                    void staticImport() { use(IDEMPOTENCY_KEY); }
                    void notConstant() { use(mutable); }
                    void parameter(String value) { use(value + "!"); }

                    void use(String value) {}
                }
                """);

        Map<String, Optional<String>> values = values();

        assertThat(values.get("literal")).contains("plain");
        assertThat(values.get("block")).contains("text\n");
        assertThat(values.get("concatenated")).contains("select * from orders where id = ?");
        assertThat(values.get("qualified")).contains("X-Idempotency-Key");
        assertThat(values.get("staticImport")).contains("X-Idempotency-Key");
        assertThat(values.get("notConstant")).isEmpty();
        assertThat(values.get("parameter")).isEmpty();
    }
}
