package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that cannot happen fails with a short reason and leaves what was there before. */
class AtomicFilesFailureTest {

    @TempDir
    Path dir;

    @Test
    void namesAFileStandingWhereTheOutputDirectoryShouldBe() throws IOException {
        Path blocker = Files.writeString(dir.resolve("archlint"), "not a directory");

        assertThatThrownBy(() -> AtomicFiles.write(blocker.resolve("archlint.json"), "{}"))
                .isInstanceOfSatisfying(IOException.class, e -> assertThat(AtomicFiles.reason(e))
                        .isEqualTo(blocker + " is a file where a directory is needed"));
        assertThat(blocker).hasContent("not a directory");
    }

    @Test
    void leavesTheOtherFilesWhenTheTargetCannotBeReplaced() throws IOException {
        Path previous = Files.writeString(dir.resolve("archlint.json"), "previous");
        Path occupied = Files.createDirectories(dir.resolve("archlint.html"));
        Files.writeString(occupied.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(occupied, "<html>"))
                .isInstanceOfSatisfying(IOException.class, e -> assertThat(AtomicFiles.reason(e))
                        .isEqualTo(occupied + " is a directory"));
        assertThat(previous).hasContent("previous");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").containsExactlyInAnyOrder(previous, occupied);
        }
    }

    @Test
    void reportsAReadOnlyDirectoryAndKeepsThePreviousFile() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only directories");
        Path previous = Files.writeString(dir.resolve("archlint.json"), "previous");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> AtomicFiles.write(previous, "new"))
                    .isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(AtomicFiles.reason((IOException) e)).startsWith("permission denied on "));
            assertThat(previous).hasContent("previous");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
