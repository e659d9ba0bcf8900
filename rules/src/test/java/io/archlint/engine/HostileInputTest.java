package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and unusual input: each case is analysed with the rest of the module, and what cannot be
 * used is reported once in {@code skipped} with its file and a reason, never a crash.
 */
class HostileInputTest {

    @TempDir
    Path base;

    @RuleInfo(id = "every-type", title = "Reports every type", category = Category.LAYERING,
            severity = Severity.WARNING, facets = Facet.SOURCES, since = "0.1.0", reason = "test")
    static final class EveryTypeRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            codebase.sources().files().forEach(f -> f.unit().getTypes().forEach(t ->
                    findings.report(f, t, f.qualifiedName(t), "`" + t.getNameAsString() + "` exists")));
        }
    }

    @RuleInfo(id = "every-key", title = "Reports every configuration key", category = Category.OPERATIONS,
            severity = Severity.INFO, facets = Facet.CONFIG, since = "0.1.0", reason = "test")
    static final class EveryKeyRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            for (ConfigEntry entry : codebase.config().entries()) {
                findings.report(entry.file(), entry.line(), 1, entry.key(), "`" + entry.key() + "` is set", entry.key());
            }
        }
    }

    @RuleInfo(id = "every-class", title = "Reports every compiled class", category = Category.LAYERING,
            severity = Severity.INFO, facets = Facet.CLASSES, since = "0.1.0", reason = "test")
    static final class EveryClassRule implements Rule {
        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            codebase.classes().ownClasses().forEach(c -> findings.report(codebase.sourcePathOf(c), 1, 1, c.getName(),
                    "`" + c.getSimpleName() + "` compiled", c.getName()));
        }
    }

    /** A small class whose compiled bytes the class-file cases copy. */
    static final class Compiled {
        int value() {
            return 1;
        }
    }

    private Path write(String path, String text) throws IOException {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String path, byte[] bytes) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Codebase.Builder module() {
        return Codebase.builder(base)
                .sourceRoot(base.resolve("src/main/java"))
                .resourceRoot(base.resolve("src/main/resources"))
                .parallelism(2);
    }

    private static AnalysisResult analyse(Codebase codebase, Rule... rules) {
        return new Analyzer(List.of(rules), Map.of(), 2).analyze(codebase);
    }

    private void writeGood() throws IOException {
        write("src/main/java/com/acme/orders/Good.java", "package com.acme.orders;\n\npublic class Good {}\n");
    }

    private static List<String> typeFindings(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals("every-type")).map(Finding::symbol).toList();
    }

    @Nested
    class Sources {

        @Test
        void reportsAFileThatDoesNotParseOnceAndAnalysesTheRest() throws IOException {
            writeGood();
            write("src/main/java/com/acme/orders/Broken.java", """
                    package com.acme.orders;

                    public class Broken {
                        void place( {
                    }
                    """);

            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/java/com/acme/orders/Broken.java");
                assertThat(s.reason()).startsWith("does not parse at line 4: ");
            });
        }

        @Test
        void parsesJava21To25SyntaxAndEveryBuiltInRuleRunsOnIt() throws IOException {
            write("src/main/java/module-info.java", """
                    module com.acme.orders {
                        requires java.sql;
                        exports com.acme.orders;
                    }
                    """);
            write("src/main/java/com/acme/orders/package-info.java", """
                    @Deprecated(since = "2")
                    package com.acme.orders;
                    """);
            write("src/main/java/com/acme/orders/Shape.java", """
                    package com.acme.orders;

                    public sealed interface Shape permits Shape.Circle, Shape.Square {
                        record Circle(double radius) implements Shape {}
                        record Square(double side) implements Shape {}
                    }
                    """);
            write("src/main/java/com/acme/orders/Geometry.java", """
                    package com.acme.orders;

                    import java.util.List;

                    public final class Geometry {
                        record Pair(Object left, Object right) {}

                        static double area(Shape shape) {
                            return switch (shape) {
                                case Shape.Circle(double r) when r > 0 -> Math.PI * r * r;
                                case Shape.Circle c -> 0;
                                case Shape.Square(var side) -> side * side;
                            };
                        }

                        static int count(List<Shape> shapes, Object o) {
                            int total = 0;
                            for (Shape _ : shapes) {
                                total++;
                            }
                            try {
                                Integer.parseInt("1");
                            } catch (NumberFormatException _) {
                                total--;
                            }
                            if (o instanceof Pair(Shape.Circle(var r), _)) {
                                total += (int) r;
                            }
                            shapes.forEach(_ -> {});
                            return total;
                        }
                    }
                    """);
            write("src/main/java/com/acme/orders/Quantity.java", """
                    package com.acme.orders;

                    import module java.base;

                    public class Quantity {
                        private final int value;

                        public Quantity(int value) {
                            if (value < 0) {
                                throw new IllegalArgumentException("negative");
                            }
                            super();
                            this.value = value;
                        }

                        List<Integer> asList() {
                            return List.of(value);
                        }
                    }
                    """);

            List<Rule> rules = new java.util.ArrayList<>(RuleRegistry.builtIn());
            rules.add(new EveryTypeRule());
            AnalysisResult result = new Analyzer(rules, Map.of(), 2).analyze(module().javaRelease(25).build());

            // Without compiled classes and a dependency graph, the rules that need them are skipped with a note.
            assertThat(result.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("were skipped:")
                    .doesNotContain("failed"));
            assertThat(typeFindings(result)).containsExactlyInAnyOrder(
                    "com.acme.orders.Geometry", "com.acme.orders.Quantity", "com.acme.orders.Shape");
        }

        @Test
        void parsesNewerSyntaxThanTheReleaseTheBuildDeclares() throws IOException {
            // --enable-preview, a toolchain or a profile can make the declared release lower than the code's.
            write("src/main/java/com/acme/orders/Lines.java", """
                    package com.acme.orders;

                    import java.util.List;

                    class Lines {
                        int count(List<String> lines) {
                            int n = 0;
                            for (String _ : lines) {
                                n++;
                            }
                            return n;
                        }
                    }
                    """);

            AnalysisResult result = analyse(module().javaRelease(17).build(), new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Lines");
        }

        @Test
        void parsesUnicodeEscapesOutsideLiteralsWithTheirPositions() throws IOException {
            write("src/main/java/com/acme/orders/Escaped.java", """
                    package com.acme.orders;

                    \\u0070ublic class Escaped {
                        String sign = "\\u00e9";
                        int \\u0061mount = 1;
                    }
                    """);

            Codebase codebase = module().build();
            AnalysisResult result = analyse(codebase, new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.symbol()).isEqualTo("com.acme.orders.Escaped");
                assertThat(f.line()).isEqualTo(3);
            });
            SourceFile file = codebase.sources().files().get(0);
            assertThat(file.unit().findAll(FieldDeclaration.class)).extracting(d -> d.getVariable(0).getNameAsString())
                    .containsExactly("sign", "amount");
            assertThat(file.unit().findAll(FieldDeclaration.class).get(1).getBegin().orElseThrow().line).isEqualTo(5);
        }

        @Test
        void leavesLiteralsOfFilesWithoutEscapesOutsideLiteralsAsWritten() throws IOException {
            write("src/main/java/com/acme/orders/Literal.java", """
                    package com.acme.orders;

                    class Literal {
                        String sign = "\\u00e9";
                    }
                    """);

            Codebase codebase = module().build();

            assertThat(codebase.sources().files().get(0).unit().findFirst(StringLiteralExpr.class).orElseThrow()
                    .getValue()).isEqualTo("\\u00e9");
        }

        @Test
        void skipsASourceOverTheSizeLimitWithItsSizeAndAnalysesTheRest() throws IOException {
            writeGood();
            StringBuilder huge = new StringBuilder("package com.acme.gen;\n\npublic final class Huge {\n");
            for (int i = 0; huge.length() < 10 * 1024 * 1024; i++) {
                huge.append("    public static int value").append(i).append("(int x) { return x * ").append(i)
                        .append("; }\n");
            }
            huge.append("}\n");
            write("src/main/java/com/acme/gen/Huge.java", huge.toString());

            long start = System.nanoTime();
            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/java/com/acme/gen/Huge.java");
                assertThat(s.reason()).isEqualTo(
                        "10.0 MB, over the 2 MB analysed per source file (most likely generated code); not analysed");
            });
        }

        @Test
        void analysesAFiveThousandCharacterLine() throws IOException {
            String longLiteral = "x".repeat(5_000);
            write("src/main/java/com/acme/orders/Wide.java", "package com.acme.orders;\n\nclass Wide { String s = \""
                    + longLiteral + "\"; } class After {}\n");

            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(result.findings()).filteredOn(f -> f.symbol().equals("com.acme.orders.After")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.line()).isEqualTo(3);
                        assertThat(f.column()).isEqualTo(5_031);
                    });
        }

        @Test
        void readsIso88591SourcesInTheBuildsEncoding() throws IOException {
            write("src/main/java/com/acme/orders/Labels.java", """
                    package com.acme.orders;

                    // Größe und Maße
                    class Labels {
                        String size = "Größe";
                    }
                    """.getBytes(StandardCharsets.ISO_8859_1));

            Codebase codebase = module().encoding(StandardCharsets.ISO_8859_1).build();
            AnalysisResult result = analyse(codebase, new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(codebase.sources().files().get(0).unit().findFirst(StringLiteralExpr.class).orElseThrow()
                    .getValue()).isEqualTo("Größe");
        }

        @Test
        void readsAFileThatIsNotValidInTheDeclaredEncodingInsteadOfLosingIt() throws IOException {
            write("src/main/java/com/acme/orders/Labels.java", "package com.acme.orders;\n\n// Maße\nclass Labels {}\n"
                    .getBytes(StandardCharsets.ISO_8859_1));

            AnalysisResult result = analyse(module().encoding(StandardCharsets.UTF_8).build(), new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Labels");
        }

        @Test
        void ignoresKotlinAndGroovyFilesInASourceRootQuietly() throws IOException {
            writeGood();
            write("src/main/java/com/acme/orders/Invoice.kt", "package com.acme.orders\n\ndata class Invoice(val id: Long)\n");
            write("src/main/java/com/acme/orders/Script.groovy", "package com.acme.orders\n\nclass Script { def run() { } }\n");
            write("src/main/kotlin/com/acme/orders/Refund.kt", "package com.acme.orders\n\nclass Refund\n");

            AnalysisResult result = analyse(module().sourceRoot(base.resolve("src/main/kotlin")).build(),
                    new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good");
        }

        @Test
        void notesASymbolicLinkLoopOnceAndAnalysesTheRestOfTheRoot() throws IOException {
            writeGood();
            write("src/main/java/com/acme/orders/web/Api.java", "package com.acme.orders.web;\n\nclass Api {}\n");
            Path loop = base.resolve("src/main/java/com/acme/orders/web/loop");
            Files.createSymbolicLink(loop, base.resolve("src/main/java/com/acme"));

            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good", "com.acme.orders.web.Api");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/java/com/acme/orders/web/loop");
                assertThat(s.reason()).startsWith("symbolic link loop, not followed");
            });
        }

        @Test
        void parsesAFileReachedThroughTwoPathsOnce() throws IOException {
            writeGood();
            Files.createSymbolicLink(base.resolve("src/main/java/com/acme/alias"), base.resolve("src/main/java/com/acme/orders"));

            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good");
        }

        @Test
        void reportsADeeplyNestedExpressionInsteadOfOverflowing() throws IOException {
            writeGood();
            write("src/main/java/com/acme/orders/Deep.java", "package com.acme.orders;\n\nclass Deep { int x = "
                    + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "; }\n");

            AnalysisResult result = analyse(module().build(), new EveryTypeRule());

            assertThat(typeFindings(result)).contains("com.acme.orders.Good");
            assertThat(result.skipped()).extracting(Skipped::file).containsOnly("src/main/java/com/acme/orders/Deep.java");
        }
    }

    @Nested
    class Configuration {

        @Test
        void reportsMalformedYamlWithItsLineAndReadsTheOtherFiles() throws IOException {
            write("src/main/resources/application.yml", """
                    spring:
                      datasource:
                        url: jdbc:postgresql://db/orders
                       username: orders
                    """);
            write("src/main/resources/application.properties", "server.port=8080\n");

            AnalysisResult result = analyse(module().build(), new EveryKeyRule());

            assertThat(result.findings()).extracting(Finding::symbol).containsExactly("server.port");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/resources/application.yml");
                assertThat(s.reason()).startsWith("does not parse at line 4: ").endsWith("; its keys were not checked");
            });
        }

        @Test
        void reportsMalformedPropertiesAndReadsTheOtherFiles() throws IOException {
            write("src/main/resources/application.properties", "server.port=8080\nspring.application.name=\\u00zz\n");
            write("src/main/resources/application-prod.yml", "server:\n  port: 80\n");

            AnalysisResult result = analyse(module().build(), new EveryKeyRule());

            assertThat(result.findings()).extracting(Finding::symbol).containsExactly("server.port");
            assertThat(result.findings().get(0).file()).isEqualTo("src/main/resources/application-prod.yml");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/resources/application.properties");
                assertThat(s.reason()).startsWith("does not parse: Malformed").endsWith("; its keys were not checked");
            });
        }

        @Test
        void readsIso88591PropertiesAsSpringBootDoes() throws IOException {
            write("src/main/resources/application.properties", "greeting=Grüße\nserver.port=8080\n"
                    .getBytes(StandardCharsets.ISO_8859_1));

            Codebase codebase = module().build();
            AnalysisResult result = analyse(codebase, new EveryKeyRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(codebase.config().get("greeting")).singleElement()
                    .satisfies(e -> assertThat(e.value()).isEqualTo("Grüße"));
        }

        @Test
        void findsTheLinesOfManyKeysQuickly() throws IOException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 50_000; i++) {
                text.append("app.key").append(i).append('=').append(i).append('\n');
            }
            write("src/main/resources/application.properties", text.toString());

            long start = System.nanoTime();
            Codebase codebase = module().build();
            List<ConfigEntry> entries = codebase.config().entries();

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(entries).hasSize(50_000);
            assertThat(codebase.config().get("app.key49999")).singleElement()
                    .satisfies(e -> assertThat(e.line()).isEqualTo(50_000));
        }

        @Test
        void reportsYamlNestedTooDeeply() throws IOException {
            write("src/main/resources/application.yml", "a: ".repeat(2_000) + "1\n");

            AnalysisResult result = analyse(module().build(), new EveryKeyRule());

            assertThat(result.findings()).isEmpty();
            assertThat(result.skipped()).singleElement()
                    .satisfies(s -> assertThat(s.file()).isEqualTo("src/main/resources/application.yml"));
        }
    }

    @Nested
    class ClassFiles {

        private byte[] compiled() throws IOException {
            try (InputStream in = Compiled.class.getResourceAsStream("HostileInputTest$Compiled.class")) {
                return in.readAllBytes();
            }
        }

        @Test
        void reportsClassFilesFromANewerJdkOnceAndAnalysesTheOthers() throws IOException {
            writeGood();
            byte[] bytes = compiled();
            write("target/classes/io/archlint/engine/HostileInputTest$Compiled.class", bytes);
            byte[] future = bytes.clone();
            future[6] = 0;
            future[7] = 99;
            write("target/classes/com/acme/orders/Future.class", future);
            write("target/classes/com/acme/orders/Later.class", future);

            AnalysisResult result = analyse(module().build(), new EveryClassRule());

            assertThat(result.findings()).extracting(Finding::symbol)
                    .containsExactly("io.archlint.engine.HostileInputTest$Compiled");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("target/classes/com/acme/orders/Future.class");
                assertThat(s.reason()).isEqualTo("class file version 99 (Java 55) could not be read by the bytecode "
                        + "importer (ArchUnit); 2 class files not analysed by the rules that read bytecode "
                        + "(target/classes/com/acme/orders/Future.class, target/classes/com/acme/orders/Later.class)");
            });
        }

        @Test
        void reportsAFileThatIsNotAClassFile() throws IOException {
            writeGood();
            write("target/classes/io/archlint/engine/HostileInputTest$Compiled.class", compiled());
            write("target/classes/com/acme/orders/Truncated.class", new byte[] {(byte) 0xca, (byte) 0xfe});

            AnalysisResult result = analyse(module().build(), new EveryClassRule());

            assertThat(result.findings()).hasSize(1);
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("target/classes/com/acme/orders/Truncated.class");
                assertThat(s.reason()).startsWith("not a class file (no 0xCAFEBABE header); 1 class file not analysed");
            });
        }

        @Test
        void readsClassFilesOfTheCurrentJdkAndIgnoresModuleInfo() throws IOException {
            writeGood();
            write("target/classes/io/archlint/engine/HostileInputTest$Compiled.class", compiled());
            write("target/classes/module-info.class", compiled());

            AnalysisResult result = analyse(module().build(), new EveryClassRule());

            assertThat(result.skipped()).isEmpty();
            assertThat(result.findings()).hasSize(1);
        }

        @Test
        void skipsTheBytecodeRulesWithOneNoteWhenTheModuleWasNotCompiled() throws IOException {
            writeGood();

            AnalysisResult result = analyse(module().build(), new EveryClassRule(), new EveryTypeRule());

            assertThat(typeFindings(result)).containsExactly("com.acme.orders.Good");
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("target/classes");
                assertThat(s.reason()).contains("holds no compiled classes").endsWith("were skipped: every-class");
            });
        }
    }

    @Test
    void analysesAnEmptyModuleWithoutNotes() {
        AnalysisResult result = analyse(module().build(), new EveryTypeRule(), new EveryKeyRule(), new EveryClassRule());

        assertThat(result.findings()).isEmpty();
        assertThat(result.skipped()).isEmpty();
    }
}
