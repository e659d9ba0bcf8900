package io.archlint.engine.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything an analysis depends on: file trees by relative path and content, and
 * configuration values in a canonical form (sets and maps sorted, so that the digest does not
 * depend on hash iteration order, which differs between JVM runs).
 */
public final class Digest {

    private final MessageDigest sha;
    /** One read buffer for every file: a big module digests tens of thousands of class files. */
    private final byte[] buffer = new byte[64 * 1024];

    public Digest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Adds a labelled value, in canonical form. */
    public Digest add(String label, Object value) {
        text(label + "=" + canonical(value) + "\n");
        return this;
    }

    /**
     * Adds every regular file under a directory (or the file itself), by path relative to it and
     * content; a missing path adds only its label.
     */
    public Digest addTree(String label, Path root) {
        return addTree(label, root, file -> true);
    }

    /** The same for the files under a directory that the filter accepts. */
    public Digest addTree(String label, Path root, java.util.function.Predicate<Path> filter) {
        text(label + ":\n");
        if (root == null || !Files.exists(root)) {
            return this;
        }
        if (Files.isRegularFile(root)) {
            file(root.getFileName().toString(), root);
            return this;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(filter).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // An unreadable tree cannot be trusted from the cache: make the digest unique.
            text("unreadable " + e + System.nanoTime() + "\n");
            return this;
        }
        for (Path file : files) {
            file(root.relativize(file).toString().replace('\\', '/'), file);
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private void file(String name, Path file) {
        text(name + "\n");
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha.update(buffer, 0, read);
            }
        } catch (IOException e) {
            text("unreadable " + e + System.nanoTime() + "\n");
        }
        text("\n");
    }

    private void text(String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A stable text for a value: records by component, sets and maps sorted, lists in order. */
    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getName()).append('[');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    text.append(component.getName()).append('=')
                            .append(canonical(component.getAccessor().invoke(record))).append(';');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return text.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> canonical(e.getKey()) + "->" + canonical(e.getValue()))
                    .sorted().collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(Digest::canonical).sorted().collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Digest::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        return value.toString();
    }
}
