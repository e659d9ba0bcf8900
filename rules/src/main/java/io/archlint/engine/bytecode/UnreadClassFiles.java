package io.archlint.engine.bytecode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.archlint.engine.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the class files the bytecode importer left out: it logs and drops a class it cannot read
 * (a class file from a newer JDK, a corrupt file), which would otherwise go unnoticed.
 */
public final class UnreadClassFiles {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int NAMES_SHOWN = 3;

    private UnreadClassFiles() {}

    /** One note per kind of problem, naming how many files and the first few. */
    public static List<Skipped> find(Path classesDir, JavaClasses imported, Function<Path, String> relativizer) {
        if (classesDir == null || !Files.isDirectory(classesDir)) {
            return List.of();
        }
        Set<Path> read = readFiles(imported);
        List<Path> unread;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            // module-info.class holds no code and the importer never reads it.
            unread = walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.class"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !read.contains(real(p)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(new Skipped(relativizer.apply(classesDir), "not fully listed: " + e.getClass().getSimpleName()
                    + "; rules that read the compiled classes saw only part of them"));
        }
        return notes(unread, relativizer);
    }

    /** The same for a list of class files, as an incremental analysis imports them. */
    public static List<Skipped> find(List<Path> classFiles, JavaClasses imported, Function<Path, String> relativizer) {
        Set<Path> read = readFiles(imported);
        List<Path> unread = classFiles.stream()
                .filter(p -> !p.getFileName().toString().equals("module-info.class"))
                .filter(p -> !read.contains(real(p)))
                .sorted()
                .toList();
        return notes(unread, relativizer);
    }

    /** The class files the importer read, by real path. */
    private static Set<Path> readFiles(JavaClasses imported) {
        Set<Path> read = new HashSet<>();
        for (JavaClass type : imported) {
            type.getSource().ifPresent(source -> {
                if ("file".equals(source.getUri().getScheme())) {
                    read.add(real(Path.of(source.getUri())));
                }
            });
        }
        return read;
    }

    private static List<Skipped> notes(List<Path> unread, Function<Path, String> relativizer) {
        Map<String, List<Path>> byProblem = new LinkedHashMap<>();
        for (Path file : unread) {
            byProblem.computeIfAbsent(problem(file), k -> new ArrayList<>()).add(file);
        }
        List<Skipped> notes = new ArrayList<>();
        byProblem.forEach((problem, files) -> {
            String names = String.join(", ", files.stream().limit(NAMES_SHOWN).map(relativizer).toList())
                    + (files.size() > NAMES_SHOWN ? " and " + (files.size() - NAMES_SHOWN) + " more" : "");
            String count = files.size() == 1 ? "1 class file" : files.size() + " class files";
            notes.add(new Skipped(relativizer.apply(files.get(0)), problem + "; " + count + " not analysed by the rules "
                    + "that read bytecode (" + names + ")"));
        });
        return notes;
    }

    /** Why a class file was not read, from its header. */
    static String problem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8 || readInt(header, 0) != MAGIC) {
                return "not a class file (no 0xCAFEBABE header)";
            }
            int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            return "class file version " + major + " (Java " + (major - 44) + ") could not be read by the "
                    + "bytecode importer (ArchUnit)";
        } catch (IOException e) {
            return "class file not readable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
