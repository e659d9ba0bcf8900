package io.archlint.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIndexTest {

    @Test
    void readsDeclaredTypesWithTheTopLevelTypeOfNestedOnes() {
        SourceIndex.Names names = SourceIndex.names("""
                package com.acme;

                /** Not a class Comment here. */
                public class OrderQueryRepository {
                    String text = "record Quoted";
                    Class<?> type = String.class;

                    public record Row(long id) {}

                    enum Status { OPEN, CLOSED }

                    void run() {
                        var record = new Object();
                        interface Local {}
                    }
                }

                @interface Audited {}
                """);

        assertThat(names.declared()).containsExactlyInAnyOrder("OrderQueryRepository", "Row", "Status", "Local",
                "Audited");
        assertThat(names.nestedIn()).isEqualTo(Map.of("Row", "OrderQueryRepository", "Status",
                "OrderQueryRepository", "Local", "OrderQueryRepository"));
    }

    @Test
    void mentionsEveryIdentifierIncludingCommentsAndStrings() {
        String quotes = "\"\"\"";
        SourceIndex.Names names = SourceIndex.names("class A {\n"
                + "    // uses Billing\n"
                + "    String s = \"com.acme.Shipping\";\n"
                + "    char c = '\"';\n"
                + "    String block = " + quotes + "\n"
                + "        Catalog \\" + quotes + " still inside\n"
                + "        " + quotes + ";\n"
                + "    int n = 42L + 0x1F;\n"
                + "}\n");

        assertThat(names.mentioned()).contains("A", "Billing", "com", "acme", "Shipping", "Catalog", "still");
        assertThat(names.mentioned()).doesNotContain("42L", "0x1F", "x1F", "L");
    }

    @Test
    void readsSupertypesAnonymousClassesAndQualifiers() {
        SourceIndex.Names names = SourceIndex.names("""
                import static com.acme.Registry.SEEN;

                class Impl extends Base implements Notifier, Comparable<Impl> {
                    Runnable task = new Task(1, "x") {
                        public void run() {}
                    };
                    void clear() {
                        Registry.SEEN.clear();
                        Limits . MAX.hashCode();
                    }
                }
                """);

        assertThat(names.supertypes()).contains("Base", "Notifier", "Comparable", "Impl", "Task");
        assertThat(names.qualifiers()).contains("Registry", "Limits", "com", "acme", "SEEN");
        assertThat(names.qualifiers()).doesNotContain("Base", "Impl");
    }

    @Test
    void digestsEachFileWithTheClassFilesCompiledFromIt(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("src/main/java");
        Path classes = dir.resolve("target/classes");
        Path order = write(sources.resolve("com/acme/Order.java"), "class Order {}");
        Path other = write(sources.resolve("com/acme/Other.java"), "class Other {}");
        write(classes.resolve("com/acme/Order.class"), "order");
        write(classes.resolve("com/acme/Order$Line.class"), "line");
        write(classes.resolve("com/acme/Orphan.class"), "second top-level class of some file");

        SourceIndex index = SourceIndex.build(List.of(order, other), List.of(), List.of(sources), classes,
                p -> dir.relativize(p).toString().replace('\\', '/'));
        String before = index.entries().get("src/main/java/com/acme/Order.java").digest();
        write(classes.resolve("com/acme/Order$Line.class"), "line changed");
        SourceIndex after = SourceIndex.build(List.of(order, other), List.of(), List.of(sources), classes,
                p -> dir.relativize(p).toString().replace('\\', '/'));

        assertThat(index.entries()).containsOnlyKeys("src/main/java/com/acme/Order.java",
                "src/main/java/com/acme/Other.java");
        assertThat(index.classFiles(List.of("src/main/java/com/acme/Order.java")))
                .containsExactly(classes.resolve("com/acme/Order$Line.class"), classes.resolve("com/acme/Order.class"));
        assertThat(index.otherClassFiles()).containsExactly(classes.resolve("com/acme/Orphan.class"));
        assertThat(after.entries().get("src/main/java/com/acme/Order.java").digest()).isNotEqualTo(before);
        assertThat(after.entries().get("src/main/java/com/acme/Other.java").digest())
                .isEqualTo(index.entries().get("src/main/java/com/acme/Other.java").digest());
    }

    @Test
    void reusesTheDigestOfAFileWhoseStampDidNotChange(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("src/main/java");
        Path order = write(sources.resolve("com/acme/Order.java"), "class Order {}");
        java.util.function.Function<Path, String> relative = p -> dir.relativize(p).toString().replace('\\', '/');
        SourceIndex first = SourceIndex.build(List.of(order), List.of(), List.of(sources), dir.resolve("classes"),
                relative);
        String path = "src/main/java/com/acme/Order.java";
        SourceIndex.Known known = first.known().get(path);

        SourceIndex unchanged = SourceIndex.build(List.of(order), List.of(), List.of(sources), dir.resolve("classes"),
                relative, Map.of(path, new SourceIndex.Known(known.stamp(), "remembered")));
        Files.writeString(order, "class Order { int id; }");
        Files.setLastModifiedTime(order, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        SourceIndex changed = SourceIndex.build(List.of(order), List.of(), List.of(sources), dir.resolve("classes"),
                relative, Map.of(path, new SourceIndex.Known(known.stamp(), "remembered")));

        assertThat(unchanged.entries().get(path).digest()).isEqualTo("remembered");
        assertThat(changed.entries().get(path).digest()).isNotEqualTo("remembered")
                .isNotEqualTo(first.entries().get(path).digest());
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
