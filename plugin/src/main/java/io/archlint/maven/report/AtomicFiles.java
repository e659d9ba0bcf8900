package io.archlint.maven.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file so readers see the old content or the new one, never half of it. */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Temp files are created owner-only; a report is build output that CI servers and colleagues read. */
    private static void readableLikeOtherBuildOutput(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Why a write failed, in a few words: the exceptions' own messages are often just a path. */
    public static String reason(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (file == null ? "" : " on " + file);
        }
        if (e instanceof FileAlreadyExistsException) {
            return (file == null ? "a file" : file) + " is a file where a directory is needed";
        }
        if (e instanceof DirectoryNotEmptyException
                || e instanceof FileSystemException fs && "is a directory".equalsIgnoreCase(fs.getReason())) {
            return (file == null ? "the target" : file) + " is a directory";
        }
        if (e instanceof NoSuchFileException) {
            return (file == null ? "a parent directory" : file) + " does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (file == null ? "" : ": " + file);
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    public static void write(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            readableLikeOtherBuildOutput(temp, target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
