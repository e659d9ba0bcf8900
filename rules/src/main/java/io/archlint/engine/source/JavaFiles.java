package io.archlint.engine.source;

import io.archlint.engine.Skipped;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lists a module's Java files without loading the parser: the result cache digests them on every
 * run, most of which parse nothing.
 */
public final class JavaFiles {

    private JavaFiles() {}

    /** The Java files under the roots and the other files into {@code others}; see {@link #list(List, List, Function, Consumer)}. */
    public static List<Path> list(List<Path> roots, List<Path> others, Function<Path, String> relativizer) {
        return list(roots, others, relativizer, entry -> { });
    }

    /** The same, keeping the attributes the walk read of each Java file, so nobody has to ask again. */
    public static List<Path> list(List<Path> roots, List<Path> others, Function<Path, String> relativizer,
            java.util.Map<Path, BasicFileAttributes> attributes) {
        return list(roots, others, relativizer, entry -> { }, attributes);
    }

    /**
     * The {@code .java} files under the roots, in the order they are parsed, and the other files
     * under them (resources kept beside the code, such as MyBatis mapper XML, and
     * {@code module-info.java}) into {@code others}. A file reached twice (a symbolic link into the
     * same tree, roots nested in each other) is listed once; a link loop or an unreadable directory is
     * noted once and the walk goes on with the rest of the root.
     */
    static List<Path> list(List<Path> roots, List<Path> others, Function<Path, String> relativizer,
            Consumer<Skipped> skipped) {
        return list(roots, others, relativizer, skipped, new java.util.HashMap<>());
    }

    private static List<Path> list(List<Path> roots, List<Path> others, Function<Path, String> relativizer,
            Consumer<Skipped> skipped, java.util.Map<Path, BasicFileAttributes> attributes) {
        List<Path> distinct = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        boolean nested = distinct.stream().anyMatch(a -> distinct.stream().anyMatch(b -> a != b && a.startsWith(b)));
        boolean[] linked = {false};
        List<Path> found = new ArrayList<>();
        for (Path root : distinct) {
            found.addAll(list(root, others, linked, relativizer, skipped, attributes));
        }
        if (!nested && !linked[0]) {
            // No file can be reached twice: no need to ask the file system for every real path.
            return found;
        }
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path file : found) {
            if (seen.add(realPath(file))) {
                files.add(file);
            }
        }
        return files;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return file;
        }
    }

    /**
     * The {@code .java} files under a root, following symbolic links; a link loop or an unreadable
     * directory is noted once and the walk goes on with the rest of the root.
     */
    private static List<Path> list(Path root, List<Path> others, boolean[] linked, Function<Path, String> relativizer,
            Consumer<Skipped> skipped, java.util.Map<Path, BasicFileAttributes> attributesOf) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            linked[0] |= Files.isSymbolicLink(dir);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            String name = file.getFileName().toString();
                            if (attributes.isRegularFile() && name.endsWith(".java") && !name.equals("module-info.java")) {
                                found.add(file);
                                attributesOf.put(file, attributes);
                                linked[0] |= Files.isSymbolicLink(file);
                            } else if (attributes.isRegularFile()) {
                                others.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            skipped.accept(new Skipped(relativizer.apply(file), e instanceof FileSystemLoopException
                                    ? "symbolic link loop, not followed; the rest of the source root was analysed"
                                    : "not read (" + SourceParser.describe(e) + "); the rest of the source root was analysed"));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                skipped.accept(new Skipped(relativizer.apply(dir), "directory not fully listed ("
                                        + SourceParser.describe(e) + "); the rest of the source root was analysed"));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(relativizer.apply(root), "source root not fully read: " + SourceParser.describe(e)));
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

}
