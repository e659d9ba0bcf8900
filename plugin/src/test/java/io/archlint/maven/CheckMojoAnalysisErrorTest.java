package io.archlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Skipped;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message {@code archlint.failOnAnalysisError} fails the build with. */
class CheckMojoAnalysisErrorTest {

    @Test
    void saysNothingWhenEverythingWasAnalysed() {
        assertThat(CheckMojo.analysisErrorMessage(List.of())).isEmpty();
    }

    @Test
    void namesTheCountAndTheFirstFiles() {
        List<Skipped> skipped = List.of(
                new Skipped("src/main/java/com/acme/Broken.java", "does not parse at line 4: Parse error"),
                new Skipped("src/main/resources/application.yml", "does not parse at line 2: mapping values"),
                new Skipped("target/classes/com/acme/Future.class", "class file version 99"),
                new Skipped("pom.xml", "dependency graph incomplete"));

        assertThat(CheckMojo.analysisErrorMessage(skipped)).hasValue("4 inputs could not be analysed "
                + "(archlint.failOnAnalysisError=true): src/main/java/com/acme/Broken.java (does not parse at line 4: "
                + "Parse error), src/main/resources/application.yml (does not parse at line 2: mapping values), "
                + "target/classes/com/acme/Future.class (class file version 99) and 1 more; fix them, or set "
                + "archlint.failOnAnalysisError=false to report them without failing");
    }

    @Test
    void usesTheSingularForOneInput() {
        assertThat(CheckMojo.analysisErrorMessage(List.of(new Skipped("pom.xml", "dependency graph incomplete"))))
                .hasValueSatisfying(m -> assertThat(m).startsWith("1 input could not be analysed "
                        + "(archlint.failOnAnalysisError=true): pom.xml (dependency graph incomplete); fix them"));
    }
}
