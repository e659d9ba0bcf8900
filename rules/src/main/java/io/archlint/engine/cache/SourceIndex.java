package io.archlint.engine.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module's Java files, each with one digest over its text and the class files compiled from it,
 * read without parsing: an incremental analysis compares them with the last analysis's to find the
 * files that changed, and reads their names to find the files a change reaches.
 *
 * <p>A class file belongs to the Java file of the same path under a source root ({@code a/B.class}
 * and {@code a/B$Inner.class} to {@code a/B.java}). Class files that belong to no Java file (a second
 * top-level class in a file, a package that does not match the folder, generated code) are kept apart:
 * the analysis treats them as module-wide input, so any change to them re-analyses the whole module.
 */
public final class SourceIndex {

    /** One Java file: its path relative to the module, where it is, its digest and its class files. */
    public record SourceEntry(String path, Path file, String digest, List<Path> classFiles) {}

    /**
     * The type names a file declares, every identifier its text holds (comments and strings included)
     * and the names it may extend or implement: those in {@code extends}, {@code implements} and
     * {@code permits} clauses and in anonymous classes ({@code new Name(..) {}}), generously read.
     */
    public record Names(Set<String> declared, Set<String> mentioned, Set<String> supertypes) {}

    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:class|interface|enum|record)\\s+(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)");

    private static final Pattern SUPERTYPE_CLAUSE = Pattern.compile("\\b(?:extends|implements|permits)\\b([^{;]*)");
    private static final Pattern ANONYMOUS_CLASS = Pattern.compile(
            "\\bnew\\s+([\\p{javaJavaIdentifierPart}.]+)\\s*(?:<[^;{}()]*>)?\\s*\\([^;{}]*\\)\\s*\\{");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private final Map<String, SourceEntry> entries;
    private final List<Path> otherClassFiles;
    private final boolean complete;

    private SourceIndex(Map<String, SourceEntry> entries, List<Path> otherClassFiles, boolean complete) {
        this.entries = Collections.unmodifiableMap(entries);
        this.otherClassFiles = List.copyOf(otherClassFiles);
        this.complete = complete;
    }

    /**
     * @param javaFiles   the module's Java files, as the parser lists them
     * @param sourceRoots the roots they are under
     * @param classesDir  the compiled classes
     * @param relativizer the path of a file relative to the module, as findings name it
     */
    public static SourceIndex build(List<Path> javaFiles, List<Path> sourceRoots, Path classesDir,
            Function<Path, String> relativizer) {
        List<Path> roots = sourceRoots.stream().map(p -> p.toAbsolutePath().normalize())
                .sorted((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount())).toList();
        // "a/B" (the path under its source root, without .java) -> the Java file's path.
        Map<String, String> byNameInRoot = new HashMap<>();
        Map<String, Path> files = new TreeMap<>();
        for (Path file : javaFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            String path = relativizer.apply(file);
            files.put(path, file);
            roots.stream().filter(absolute::startsWith).findFirst().ifPresent(root -> {
                String inRoot = root.relativize(absolute).toString().replace('\\', '/');
                byNameInRoot.putIfAbsent(inRoot.substring(0, inRoot.length() - ".java".length()), path);
            });
        }
        Map<String, List<Path>> classFiles = new HashMap<>();
        List<Path> others = new ArrayList<>();
        boolean complete = true;
        if (classesDir != null && Files.isDirectory(classesDir)) {
            try (Stream<Path> walk = Files.walk(classesDir)) {
                for (Path classFile : walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                        .filter(Files::isRegularFile).sorted().toList()) {
                    String name = classesDir.relativize(classFile).toString().replace('\\', '/');
                    name = name.substring(0, name.length() - ".class".length());
                    int nested = name.indexOf('$', name.lastIndexOf('/') + 1);
                    String outer = nested < 0 ? name : name.substring(0, nested);
                    String owner = byNameInRoot.get(outer);
                    if (owner == null) {
                        others.add(classFile);
                    } else {
                        classFiles.computeIfAbsent(owner, k -> new ArrayList<>()).add(classFile);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                complete = false;
            }
        }
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        Map<String, SourceEntry> entries = new TreeMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            List<Path> compiled = classFiles.getOrDefault(file.getKey(), List.of());
            sha.reset();
            boolean read = update(sha, file.getValue(), buffer);
            for (Path classFile : compiled) {
                sha.update(classFile.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                read &= update(sha, classFile, buffer);
            }
            // A file that cannot be read never matches: it is analysed again every time.
            String digest = read ? HexFormat.of().formatHex(sha.digest()) : "unreadable " + System.nanoTime();
            entries.put(file.getKey(), new SourceEntry(file.getKey(), file.getValue(), digest, List.copyOf(compiled)));
        }
        return new SourceIndex(entries, others, complete);
    }

    /** The Java files by path, in path order. */
    public Map<String, SourceEntry> entries() {
        return entries;
    }

    /** Class files that belong to no Java file: module-wide input. */
    public List<Path> otherClassFiles() {
        return otherClassFiles;
    }

    /** Whether the classes directory was listed in full; if not, nothing can be reused. */
    public boolean complete() {
        return complete;
    }

    /** The class files compiled from these Java files. */
    public List<Path> classFiles(Collection<String> paths) {
        List<Path> result = new ArrayList<>();
        for (String path : paths) {
            SourceEntry entry = entries.get(path);
            if (entry != null) {
                result.addAll(entry.classFiles());
            }
        }
        return result;
    }

    /** Adds every Java file's path and digest: equal for equal files and class files. */
    public void addTo(Digest digest) {
        digest.add("complete", complete);
        entries.values().forEach(e -> digest.add("java " + e.path(), e.digest()));
    }

    /** Reads the names of every file; a file that cannot be read has none (it is a changed file anyway). */
    public Map<String, Names> names(Charset charset) {
        Map<String, Names> names = new HashMap<>();
        for (SourceEntry entry : entries.values()) {
            String text;
            try {
                text = new String(Files.readAllBytes(entry.file()), charset);
            } catch (IOException | RuntimeException e) {
                text = "";
            }
            names.put(entry.path(), names(text));
        }
        return names;
    }

    /** The names in one file's text. */
    public static Names names(String text) {
        Set<String> declared = new HashSet<>();
        Matcher matcher = DECLARATION.matcher(text);
        while (matcher.find()) {
            declared.add(matcher.group(1));
        }
        Set<String> mentioned = new HashSet<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i++;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                mentioned.add(text.substring(start, i));
            } else if (Character.isJavaIdentifierPart(c)) {
                // Digits and the like inside a number: skip the whole token.
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        Set<String> supertypes = new HashSet<>();
        Matcher clause = SUPERTYPE_CLAUSE.matcher(text);
        while (clause.find()) {
            Matcher name = IDENTIFIER.matcher(clause.group(1));
            while (name.find()) {
                supertypes.add(name.group());
            }
        }
        Matcher anonymous = ANONYMOUS_CLASS.matcher(text);
        while (anonymous.find()) {
            String written = anonymous.group(1);
            supertypes.add(written.substring(written.lastIndexOf('.') + 1));
        }
        return new Names(declared, mentioned, supertypes);
    }

    private static boolean update(MessageDigest sha, Path file, byte[] buffer) {
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha.update(buffer, 0, read);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
