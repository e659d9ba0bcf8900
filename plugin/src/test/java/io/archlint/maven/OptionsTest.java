package io.archlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archlint.engine.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parsesThresholdsCaseInsensitively() throws Exception {
        assertThat(Options.failOnSeverity("error")).isEqualTo(Severity.ERROR);
        assertThat(Options.failOnSeverity(" WARNING ")).isEqualTo(Severity.WARNING);
        assertThat(Options.failOnSeverity("info")).isEqualTo(Severity.INFO);
        assertThat(Options.failOnSeverity("NONE")).isNull();
    }

    @Test
    void rejectsAnUnknownThresholdNamingTheParameterTheValidValuesAndTheLikelyOne() {
        assertThatThrownBy(() -> Options.failOnSeverity("WARNNG"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("archlint.failOnSeverity has an invalid value 'WARNNG'; valid values are ERROR, WARNING, "
                        + "INFO, NONE. Did you mean 'WARNING'?");
    }

    @Test
    void acceptsTheOptInCiFormatsInAnyCase() throws Exception {
        assertThat(Options.formats("json, CodeQuality,checkstyle ,JUNIT"))
                .containsExactly("json", "codequality", "checkstyle", "junit");
    }

    @Test
    void rejectsAnUnknownFormat() {
        assertThatThrownBy(() -> Options.formats("console,jsn"))
                .hasMessageStartingWith("archlint.formats has an invalid value 'jsn'; valid values are")
                .hasMessageEndingWith("Did you mean 'json'?");
    }

    @Test
    void readsTheJavaReleaseWrittenEitherWay() {
        assertThat(ProjectCodebase.parseRelease("1.8")).isEqualTo(8);
        assertThat(ProjectCodebase.parseRelease("21")).isEqualTo(21);
        assertThat(ProjectCodebase.parseRelease("${java.version}")).isZero();
    }
}
