package io.archlint.rules.layering;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;

/** The white paper's own examples, and one of each increment. */
class CognitiveComplexityTest {

    private static MethodDeclaration method(String body) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        return parser.parse("class C {\n" + body + "\n}").getResult().orElseThrow()
                .findFirst(MethodDeclaration.class).orElseThrow();
    }

    @Test
    void countsTheWhitePapersSumOfPrimesAsSeven() {
        assertThat(CognitiveComplexity.of(method("""
                int sumOfPrimes(int max) {
                    int total = 0;
                    OUT: for (int i = 1; i <= max; ++i) {   // +1
                        for (int j = 2; j < i; ++j) {       // +2
                            if (i % j == 0) {               // +3
                                continue OUT;               // +1
                            }
                        }
                        total += i;
                    }
                    return total;
                }
                """))).isEqualTo(7);
    }

    @Test
    void countsASwitchOnceWhateverItsCases() {
        assertThat(CognitiveComplexity.of(method("""
                String getWords(int number) {
                    switch (number) {
                        case 1: return "one";
                        case 2: return "a couple";
                        case 3: return "a few";
                        default: return "lots";
                    }
                }
                """))).isEqualTo(1);
        assertThat(CognitiveComplexity.of(method("""
                String getWords(int number) {
                    return switch (number) {
                        case 1 -> "one";
                        case 2 -> "a couple";
                        default -> "lots";
                    };
                }
                """))).isEqualTo(1);
    }

    @Test
    void countsElseIfAndElseWithoutNesting() {
        assertThat(CognitiveComplexity.of(method("""
                void m(boolean a, boolean b, boolean c) {
                    if (a) {                 // +1
                        if (b) {             // +2
                        } else if (c) {      // +1
                        } else {             // +1
                        }
                    } else {                 // +1
                    }
                }
                """))).isEqualTo(6);
    }

    @Test
    void countsEachSequenceOfLikeLogicalOperators() {
        assertThat(CognitiveComplexity.of(method("""
                void m(boolean a, boolean b, boolean c, boolean d, boolean e, boolean f) {
                    if (a && b && c       // +1 if, +1 &&
                            || d || e     // +1
                            && f) {       // +1
                    }
                    boolean g = a && !(b && c);   // +1, +1 for the negated sequence
                }
                """))).isEqualTo(6);
    }

    @Test
    void nestsCatchLoopsAndLambdasButNotTry() {
        assertThat(CognitiveComplexity.of(method("""
                void m(java.util.List<String> items, boolean a, boolean b) {
                    try {
                        if (a) {                            // +1
                            for (String item : items) {     // +2
                                while (b) {                 // +3
                                    b = item.isEmpty() ? false : true;   // +4
                                }
                            }
                        }
                    } catch (RuntimeException e) {          // +1
                        if (b) {                            // +2
                        }
                    } finally {
                        do {                                // +1
                        } while (a);
                    }
                    items.forEach(item -> {
                        if (item.isBlank()) {               // +2 (nesting 1 from the lambda)
                            return;
                        }
                    });
                }
                """))).isEqualTo(16);
    }

    @Test
    void countsRecursionAndLabelledJumps() {
        assertThat(CognitiveComplexity.of(method("""
                int factorial(int n) {
                    return n <= 1 ? 1 : n * factorial(n - 1);   // +1 ternary, +1 recursion
                }
                """))).isEqualTo(2);
    }

    @Test
    void countsNestedStatementsButNotBlocksOrLambdaExpressions() {
        assertThat(CognitiveComplexity.statements(method("""
                int m(java.util.List<String> items) {
                    int count = 0;                                  // 1
                    for (String item : items) {                     // 2
                        if (!item.isEmpty()) {                      // 3
                            count++;                                // 4
                        }
                    }
                    items.removeIf(item -> item.isBlank());         // 5
                    ;
                    return count;                                   // 6
                }
                """))).isEqualTo(6);
    }
}
