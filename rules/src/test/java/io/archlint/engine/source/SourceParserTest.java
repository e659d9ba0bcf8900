package io.archlint.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.VarType;
import io.archlint.engine.Skipped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the language level changes in the tree survives the parse without the level's checks. */
class SourceParserTest {

    private static final String PATH = "src/main/java/com/acme/A.java";
    private static final String SWITCH_WITH_YIELD = """
            package com.acme;
            class A {
                int twice(int k) {
                    int v = switch (k) {
                        case 1 -> { int q = 2; yield q; }
                        default -> { yield k; }
                    };
                    return v;
                }
            }
            """;

    private final List<Skipped> skipped = new ArrayList<>();

    private SourceFile parse(int release, String text) {
        SourceParser parser = new SourceParser(release, StandardCharsets.UTF_8, 1, Path::toString, skipped::add);
        return parser.parse(PATH, text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void yieldStatementsAreYieldStatements() {
        SourceFile file = parse(17, SWITCH_WITH_YIELD);

        assertThat(file.findAll(YieldStmt.class)).hasSize(2);
        assertThat(skipped).isEmpty();
    }

    @Test
    void switchExpressionsInAModuleDeclaredOlderAreReadAtTheNewestLevel() {
        // Release 8 has no `yield`: `yield q;` would read as a variable `q` of a type named `yield`.
        SourceFile file = parse(8, SWITCH_WITH_YIELD);

        assertThat(file.findAll(YieldStmt.class)).hasSize(2);
        assertThat(file.findAll(ClassOrInterfaceType.class))
                .extracting(ClassOrInterfaceType::getNameAsString)
                .doesNotContain("yield");
    }

    @Test
    void varIsAVarTypeFromJava10On() {
        String text = """
                package com.acme;
                class A { int f() { var n = 1; return n; } }
                """;

        assertThat(parse(17, text).findAll(VarType.class)).hasSize(1);
        assertThat(parse(8, text).findAll(VarType.class)).isEmpty();
    }

    @Test
    void newerDeclarationsParseInAModuleDeclaredOlder() {
        SourceFile file = parse(11, "package com.acme; record Money(long cents) {}");

        assertThat(file.findAll(RecordDeclaration.class)).hasSize(1);
        assertThat(skipped).isEmpty();
    }

    @Test
    void theLevelsChecksDoNotRunOnCompiledSources() {
        // javac refuses this, so compiled sources never hold it; the unchecked parse takes it, which
        // shows the level's checks (a quarter of the parse time) are not run.
        SourceFile file = parse(17, "package com.acme; abstract final class A {}");

        assertThat(file.findAll(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)).hasSize(1);
        assertThat(skipped).isEmpty();
    }

    @Test
    void brokenSourceIsReportedOnce() {
        SourceParser parser = new SourceParser(17, StandardCharsets.UTF_8, 1, Path::toString, skipped::add);

        assertThat(parser.parse(PATH, "class A { void f( }".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(skipped).singleElement().satisfies(s -> assertThat(s.reason()).startsWith("does not parse at line 1"));
    }
}
