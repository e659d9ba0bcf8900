package io.archlint.engine.cache;

import io.archlint.engine.Finding;
import io.archlint.engine.Severity;
import io.archlint.engine.Skipped;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last analysis of a module, kept in one file under the build directory and used again when
 * nothing it depends on changed (same {@link Digest} of inputs, rules and configuration).
 * A cache that cannot be read is a miss; one that cannot be written is left alone: the cache
 * never changes what is reported, only how fast.
 */
public final class ResultCache {

    /** The cached part of an analysis: what was reported, suppressed and skipped. */
    public record Entry(List<Finding> findings, List<Finding> suppressed, List<Skipped> skipped) {
        public Entry {
            findings = List.copyOf(findings);
            suppressed = List.copyOf(suppressed);
            skipped = List.copyOf(skipped);
        }
    }

    private static final int FORMAT = 1;
    private static final String MAGIC = "archlint-result-cache";

    private final Path file;
    private final String environment;

    /**
     * @param file        where the cache lives, under the build directory
     * @param environment what else the result depends on and the engine cannot see, such as the
     *                    jars custom rules come from; part of the key
     */
    public ResultCache(Path file, String environment) {
        this.file = file;
        this.environment = environment;
    }

    public ResultCache(Path file) {
        this(file, "");
    }

    public String environment() {
        return environment;
    }

    public Path file() {
        return file;
    }

    /** The entry stored under this key, or empty when there is none, it is stale or unreadable. */
    public Optional<Entry> load(String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !key.equals(in.readUTF())) {
                return Optional.empty();
            }
            List<Finding> findings = readFindings(in);
            List<Finding> suppressed = readFindings(in);
            int skippedCount = in.readInt();
            List<Skipped> skipped = new ArrayList<>(skippedCount);
            for (int i = 0; i < skippedCount; i++) {
                skipped.add(new Skipped(in.readUTF(), readLong(in)));
            }
            return Optional.of(new Entry(findings, suppressed, skipped));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the entry under the key, replacing the file atomically; false when it could not be written. */
    public boolean store(String key, Entry entry) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(key);
                writeFindings(out, entry.findings());
                writeFindings(out, entry.suppressed());
                out.writeInt(entry.skipped().size());
                for (Skipped skipped : entry.skipped()) {
                    out.writeUTF(skipped.file());
                    writeLong(out, skipped.reason());
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignoredToo) {
                    // The temporary file stays; the next run replaces the cache anyway.
                }
            }
            return false;
        }
    }

    private static void writeFindings(DataOutputStream out, List<Finding> findings) throws IOException {
        out.writeInt(findings.size());
        for (Finding f : findings) {
            out.writeUTF(f.ruleId());
            out.writeUTF(f.severity().name());
            writeLong(out, f.message());
            out.writeUTF(f.file());
            out.writeInt(f.line());
            out.writeInt(f.column());
            out.writeBoolean(f.symbol() != null);
            if (f.symbol() != null) {
                out.writeUTF(f.symbol());
            }
            out.writeUTF(f.fingerprint());
            out.writeUTF(f.status().name());
        }
    }

    private static List<Finding> readFindings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ruleId = in.readUTF();
            Severity severity = Severity.valueOf(in.readUTF());
            String message = readLong(in);
            String path = in.readUTF();
            int line = in.readInt();
            int column = in.readInt();
            String symbol = in.readBoolean() ? in.readUTF() : null;
            String fingerprint = in.readUTF();
            Finding.Status status = Finding.Status.valueOf(in.readUTF());
            findings.add(new Finding(ruleId, severity, message, path, line, column, symbol, fingerprint, status));
        }
        return findings;
    }

    /** Strings that may pass writeUTF's 64 KB limit (messages, reasons). */
    private static void writeLong(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
