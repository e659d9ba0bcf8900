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
    public record SourceEntry(String path, Path file, String digest, List<Path> classFiles, String stamp) {}

    /**
     * The type names a file declares, every identifier its text holds (comments and strings included)
     * and the names it may extend or implement: those in {@code extends}, {@code implements} and
     * {@code permits} clauses and in anonymous classes ({@code new Name(..) {}}), generously read.
     */
    public record Names(Set<String> declared, Set<String> mentioned, Set<String> supertypes,
            Map<String, String> nestedIn, Set<String> qualifiers) {

        /**
         * @param nestedIn for each type declared inside another, the top-level type of the file it is
         *                 declared in: other files can name it only together with that type (or
         *                 through a subtype, which names it in turn)
         * @param qualifiers names written right before a dot ({@code Registry.SEEN}, {@code import static
         *                   a.Registry.SEEN}): how another file reaches a type's static members
         */
        public Names {
            nestedIn = Map.copyOf(nestedIn);
        }
    }

    private static final Pattern SUPERTYPE_CLAUSE = Pattern.compile("\\b(?:extends|implements|permits)\\b([^{;]*)");
    private static final Pattern ANONYMOUS_CLASS = Pattern.compile(
            "\\bnew\\s+([\\p{javaJavaIdentifierPart}.]+)\\s*(?:<[^;{}()]*>)?\\s*\\([^;{}]*\\)\\s*\\{");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private final Map<String, SourceEntry> entries;
    private final List<Path> otherSourceFiles;
    private final List<Path> otherClassFiles;
    private final boolean complete;

    private SourceIndex(Map<String, SourceEntry> entries, List<Path> otherSourceFiles, List<Path> otherClassFiles,
            boolean complete) {
        this.entries = Collections.unmodifiableMap(entries);
        this.otherSourceFiles = List.copyOf(otherSourceFiles);
        this.otherClassFiles = List.copyOf(otherClassFiles);
        this.complete = complete;
    }

    /**
     * @param javaFiles   the module's Java files, as the parser lists them
     * @param otherFiles  the other files under the source roots
     * @param sourceRoots the roots they are under
     * @param classesDir  the compiled classes
     * @param relativizer the path of a file relative to the module, as findings name it
     */
    public static SourceIndex build(List<Path> javaFiles, List<Path> otherFiles, List<Path> sourceRoots,
            Path classesDir, Function<Path, String> relativizer) {
        return build(javaFiles, otherFiles, sourceRoots, classesDir, relativizer, Map.of());
    }

    /**
     * A file's digest from the last run, with the stamp (size, modification time and file key of the
     * Java file and of each class file) it was computed for: as build tools do, a file whose stamp
     * has not changed is not read and hashed again.
     */
    public record Known(String stamp, String digest) {}

    /** The same, using the digests of files whose stamps have not changed since {@code known} was taken. */
    public static SourceIndex build(List<Path> javaFiles, List<Path> otherFiles, List<Path> sourceRoots,
            Path classesDir, Function<Path, String> relativizer, Map<String, Known> known) {
        return build(javaFiles, Map.of(), otherFiles, sourceRoots, classesDir, relativizer, known);
    }

    /** The same, with the attributes of the Java files where the walk that found them read them. */
    public static SourceIndex build(List<Path> javaFiles, Map<Path, java.nio.file.attribute.BasicFileAttributes> attributes,
            List<Path> otherFiles, List<Path> sourceRoots, Path classesDir, Function<Path, String> relativizer,
            Map<String, Known> known) {
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
        Map<Path, String> classStamps = new HashMap<>();
        boolean complete = true;
        if (classesDir != null && Files.isDirectory(classesDir)) {
            try {
                for (Path classFile : classFiles(classesDir, classStamps)) {
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
            String stamp = stamp(file.getValue(), attributes.get(file.getValue()), compiled, classStamps);
            Known before = known.get(file.getKey());
            if (stamp != null && before != null && before.stamp().equals(stamp)) {
                entries.put(file.getKey(), new SourceEntry(file.getKey(), file.getValue(), before.digest(),
                        List.copyOf(compiled), stamp));
                continue;
            }
            sha.reset();
            boolean read = update(sha, file.getValue(), buffer);
            for (Path classFile : compiled) {
                sha.update(classFile.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                read &= update(sha, classFile, buffer);
            }
            // A file that cannot be read never matches: it is analysed again every time.
            String digest = read ? HexFormat.of().formatHex(sha.digest()) : "unreadable " + System.nanoTime();
            entries.put(file.getKey(), new SourceEntry(file.getKey(), file.getValue(), digest, List.copyOf(compiled),
                    read ? stamp : null));
        }
        return new SourceIndex(entries, otherFiles.stream().sorted().toList(), others, complete);
    }

    /** The Java files by path, in path order. */
    public Map<String, SourceEntry> entries() {
        return entries;
    }

    /** The files under the source roots that are not parsed (mapper XML, {@code module-info.java}...), in path order. */
    public List<Path> otherSourceFiles() {
        return otherSourceFiles;
    }

    /** The class files under a directory, in path order, with their stamps; one walk, no extra look at each file. */
    private static List<Path> classFiles(Path classesDir, Map<Path, String> stamps) throws IOException {
        List<Path> found = new ArrayList<>();
        java.nio.file.Files.walkFileTree(classesDir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file,
                    java.nio.file.attribute.BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".class")) {
                    found.add(file);
                    stamps.put(file, stamp(attributes));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** A Java file's stamp with its class files'; null when the file cannot be looked at. */
    private static String stamp(Path javaFile, java.nio.file.attribute.BasicFileAttributes read, List<Path> compiled,
            Map<Path, String> classStamps) {
        StringBuilder stamp = new StringBuilder();
        try {
            stamp.append(stamp(read != null ? read
                    : Files.readAttributes(javaFile, java.nio.file.attribute.BasicFileAttributes.class)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (Path classFile : compiled) {
            stamp.append(' ').append(classFile.getFileName()).append(' ').append(classStamps.get(classFile));
        }
        return stamp.toString();
    }

    private static String stamp(java.nio.file.attribute.BasicFileAttributes attributes) {
        return attributes.size() + ":" + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                + ":" + attributes.fileKey();
    }

    /** Each file's stamp and digest, for the next run; files that could not be read are left out. */
    public Map<String, Known> known() {
        Map<String, Known> known = new HashMap<>();
        entries.values().stream().filter(e -> e.stamp() != null)
                .forEach(e -> known.put(e.path(), new Known(e.stamp(), e.digest())));
        return known;
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
        Map<String, String> nestedIn = new HashMap<>();
        Set<String> mentioned = new HashSet<>();
        Set<String> qualifiers = new HashSet<>();
        Declarations.scan(text, declared, nestedIn, mentioned, qualifiers);
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
        return new Names(declared, mentioned, supertypes, nestedIn, qualifiers);
    }

    /**
     * A small scanner over Java text: every identifier (in code, comments and strings alike) is a
     * mention; type declarations are read from code only, with their brace depth.
     */
    private static final class Declarations {
        private static final Set<String> KEYWORDS = Set.of("class", "interface", "enum", "record");

        private Declarations() {}

        static void scan(String text, Set<String> declared, Map<String, String> nestedIn, Set<String> mentioned,
                Set<String> qualifiers) {
            int length = text.length();
            int depth = 0;
            String topLevel = null;
            Set<String> topLevels = new HashSet<>();
            String pendingKeyword = null;
            char previous = ' ';
            int i = 0;
            while (i < length) {
                char c = text.charAt(i);
                if (c == '/' && i + 1 < length && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                    int end = text.charAt(i + 1) == '/' ? text.indexOf('\n', i) : text.indexOf("*/", i + 2);
                    end = end < 0 ? length : end + (text.charAt(i + 1) == '/' ? 0 : 2);
                    mentionAll(text, i, end, mentioned);
                    i = end;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    int end = literalEnd(text, i);
                    mentionAll(text, i, end, mentioned);
                    i = end;
                    previous = c;
                    continue;
                }
                if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    mentioned.add(word);
                    int next = i;
                    while (next < length && Character.isWhitespace(text.charAt(next))) {
                        next++;
                    }
                    if (next < length && text.charAt(next) == '.') {
                        qualifiers.add(word);
                    }
                    if (pendingKeyword != null) {
                        declared.add(word);
                        if (depth == 0) {
                            topLevel = word;
                            topLevels.add(word);
                        } else if (topLevel != null && !topLevel.equals(word)) {
                            nestedIn.putIfAbsent(word, topLevel);
                        }
                        pendingKeyword = null;
                    } else if (KEYWORDS.contains(word) && previous != '.') {
                        pendingKeyword = word;
                    }
                    previous = 'a';
                    continue;
                }
                if (Character.isJavaIdentifierPart(c)) {
                    // Digits of a number literal: not a name.
                    while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    previous = '0';
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                if (!Character.isWhitespace(c)) {
                    // `record` or `class` not followed by a name (a variable, `Foo.class`) declares nothing.
                    pendingKeyword = c == '@' ? pendingKeyword : null;
                    previous = c;
                }
                i++;
            }
            // A name declared at the top level of the file as well needs no outer name.
            nestedIn.keySet().removeAll(topLevels);
        }

        /** Where a string, text block or character literal starting at {@code start} ends. */
        private static int literalEnd(String text, int start) {
            char quote = text.charAt(start);
            if (quote == '"' && text.startsWith("\"\"\"", start)) {
                int end = text.indexOf("\"\"\"", start + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                return end < 0 ? text.length() : end + 3;
            }
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote || c == '\n') {
                    return i + 1;
                }
                i++;
            }
            return text.length();
        }

        private static void mentionAll(String text, int start, int end, Set<String> mentioned) {
            int i = start;
            while (i < end) {
                char c = text.charAt(i);
                if (Character.isJavaIdentifierStart(c)) {
                    int from = i;
                    while (i < end && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    mentioned.add(text.substring(from, i));
                } else if (Character.isJavaIdentifierPart(c)) {
                    while (i < end && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                } else {
                    i++;
                }
            }
        }
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
