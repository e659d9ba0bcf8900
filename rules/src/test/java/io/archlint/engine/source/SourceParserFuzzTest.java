package io.archlint.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlint.engine.Skipped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any bytes as a Java source: parsed, or reported once in skipped, never thrown. Seeds in
 * {@code SourceParserFuzzTestInputs/parsesAnySource}; {@code -Pfuzz} fuzzes (see the README).
 */
class SourceParserFuzzTest {

    private static final String PATH = "src/main/java/com/acme/Fuzzed.java";

    @FuzzTest
    void parsesAnySource(byte[] bytes) {
        List<Skipped> skipped = new ArrayList<>();
        // Release 17 so that newer syntax also takes the retry at the newest language level.
        SourceParser parser = new SourceParser(17, StandardCharsets.UTF_8, 1, Path::toString, skipped::add);

        Optional<SourceFile> parsed = parser.parse(PATH, bytes);

        if (parsed.isPresent()) {
            assertThat(skipped).isEmpty();
            SourceFile file = parsed.get();
            // What every rule leans on: the type index, qualified names, name resolution.
            SourceFacet facet = new SourceFacet(List.of(file));
            for (TypeDeclaration<?> type : file.unit().findAll(TypeDeclaration.class)) {
                assertThat(facet.type(file.qualifiedName(type))).isPresent();
                facet.supertypes(file.qualifiedName(type));
                file.resolve(type.getNameAsString());
            }
        } else {
            assertThat(skipped).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo(PATH);
                assertThat(s.reason()).isNotBlank().doesNotContain("\n");
            });
        }
    }
}
