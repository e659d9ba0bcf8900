package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out/archlint.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");
        assertThat(target).hasContent("second");
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void writesReportsReadableByOthersLikeOtherBuildOutput() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = dir.resolve("archlint.html");
        AtomicFiles.write(target, "<html></html>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }
}
