package io.archlint.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The mojo's parameter handling, with the Maven Plugin Testing Harness; real builds are in the it module. */
@MojoTest
class CheckMojoTest {

    @Test
    @Basedir("/unit/minimal")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipReturnsBeforeAnyAnalysis(CheckMojo mojo) {
        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @Basedir("/unit/minimal")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOnSeverity", value = "EROR")
    void rejectsAMisspelledThresholdWithTheValidValues(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("archlint.failOnSeverity has an invalid value 'EROR'; valid values are ERROR, WARNING, "
                        + "INFO, NONE. Did you mean 'ERROR'?");
    }

    @Test
    @Basedir("/unit/minimal")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "formats", value = "console,pdf")
    void rejectsAnUnknownFormat(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("archlint.formats has an invalid value 'pdf'; valid values are console, html, json, sarif, "
                        + "codequality, checkstyle, junit.");
    }
}
