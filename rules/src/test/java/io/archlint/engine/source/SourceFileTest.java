package io.archlint.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceFileTest {

    private static final String SOURCE = """
            package com.acme;

            import java.util.List;

            @Service
            class Orders {
                private static final String TABLE = "orders";

                record Line(String sku, int quantity) {}

                enum State { OPEN, PAID; int rank() { return ordinal(); } }

                interface Listener { void on(String event); }

                List<String> names(List<Line> lines) {
                    Runnable r = () -> System.out.println(lines.size());
                    new Listener() {
                        public void on(String event) { log(event + TABLE); }
                    }.on("x");
                    int n = switch (lines.size()) { case 0 -> 0; default -> { yield lines.size() * 2; } };
                    return lines.stream().map(l -> l.sku().trim()).toList();
                }

                void log(String text) { System.out.printf("%s%n", text); }
            }
            """;

    /** The shared per-file index must answer exactly what a walk of the tree answers, in the same order. */
    @ParameterizedTest
    @ValueSource(classes = {Node.class, Expression.class, Statement.class, TypeDeclaration.class,
            BodyDeclaration.class, ClassOrInterfaceDeclaration.class, MethodCallExpr.class, NameExpr.class,
            LambdaExpr.class, LiteralStringValueExpr.class, YieldStmt.class, CompilationUnit.class})
    void findsTheNodesATreeWalkFindsInDocumentOrder(Class<? extends Node> type) {
        CompilationUnit unit = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(SOURCE).getResult().orElseThrow();
        SourceFile file = new SourceFile("src/main/java/com/acme/Orders.java", unit);

        List<? extends Node> expected = unit.findAll(type);
        List<? extends Node> actual = file.findAll(type);

        assertThat(actual).isNotEmpty();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("node %d of %s", i, type.getSimpleName()).isSameAs(expected.get(i));
        }
        assertThat(file.findAll(type)).as("asked twice, answered from the cache").isSameAs(actual);
    }
}
