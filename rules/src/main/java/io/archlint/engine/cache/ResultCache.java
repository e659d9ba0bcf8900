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

    /** What an incremental analysis needs to know of one Java file from the last analysis. */
    public record FileState(String digest, java.util.Set<String> declared, java.util.Map<String, String> nestedIn,
            java.util.Set<String> supertypes, java.util.Set<String> referenced, java.util.Set<String> qualified) {
        public FileState {
            declared = java.util.Set.copyOf(declared);
            nestedIn = java.util.Map.copyOf(nestedIn);
            supertypes = java.util.Set.copyOf(supertypes);
            referenced = java.util.Set.copyOf(referenced);
            qualified = java.util.Set.copyOf(qualified);
        }
    }

    /**
     * The last analysis file by file, for an incremental analysis: the key of everything but the Java
     * files (the module key), each Java file's state, each rule's findings before suppressions, and
     * the result.
     */
    public record State(String moduleKey, java.util.Map<String, FileState> files,
            java.util.Map<String, List<Finding>> findingsByRule,
            java.util.Map<String, java.util.Map<String, List<String>>> facts, Entry result) {
        public State {
            files = java.util.Map.copyOf(files);
            findingsByRule = java.util.Map.copyOf(findingsByRule);
            facts = java.util.Map.copyOf(facts);
        }
    }

    private static final int FORMAT = 5;
    private static final String STATE_MAGIC = "archlint-file-state";
    private static final String DIGESTS_MAGIC = "archlint-file-digests";
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
            return Optional.of(readEntry(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the entry under the key, replacing the file atomically; false when it could not be written. */
    public boolean store(String key, Entry entry) {
        return write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            writeEntry(out, entry);
        });
    }

    /** Where the digests of the Java files and their stamps live: beside the result. */
    public Path digestsFile() {
        return file.resolveSibling("digests.bin");
    }

    /** The Java files' digests of the last run with their stamps; empty when there are none or they cannot be read. */
    public java.util.Map<String, SourceIndex.Known> loadDigests() {
        Path digests = digestsFile();
        if (!Files.isRegularFile(digests)) {
            return java.util.Map.of();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(digests)))) {
            if (!DIGESTS_MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                return java.util.Map.of();
            }
            int count = in.readInt();
            java.util.Map<String, SourceIndex.Known> known = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                known.put(in.readUTF(), new SourceIndex.Known(readLong(in), in.readUTF()));
            }
            return known;
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
    }

    /** Stores the digests with their stamps, replacing the file atomically; false when it could not be written. */
    public boolean storeDigests(java.util.Map<String, SourceIndex.Known> known) {
        return write(digestsFile(), out -> {
            out.writeUTF(DIGESTS_MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(known.size());
            for (java.util.Map.Entry<String, SourceIndex.Known> entry : new java.util.TreeMap<>(known).entrySet()) {
                out.writeUTF(entry.getKey());
                writeLong(out, entry.getValue().stamp());
                out.writeUTF(entry.getValue().digest());
            }
        });
    }

    /** Where the file-by-file state lives: beside the result. */
    public Path stateFile() {
        return file.resolveSibling("files.bin");
    }

    /** The state of the last analysis, or empty when there is none or it cannot be read. */
    public Optional<State> loadState() {
        Path stateFile = stateFile();
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(stateFile)))) {
            if (!STATE_MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String moduleKey = in.readUTF();
            int fileCount = in.readInt();
            java.util.Map<String, FileState> files = new java.util.HashMap<>();
            for (int i = 0; i < fileCount; i++) {
                files.put(in.readUTF(), new FileState(in.readUTF(), readNames(in), readPairs(in), readNames(in), readNames(in),
                        readNames(in)));
            }
            int ruleCount = in.readInt();
            java.util.Map<String, List<Finding>> byRule = new java.util.HashMap<>();
            for (int i = 0; i < ruleCount; i++) {
                byRule.put(in.readUTF(), readFindings(in));
            }
            int factRules = in.readInt();
            java.util.Map<String, java.util.Map<String, List<String>>> facts = new java.util.HashMap<>();
            for (int i = 0; i < factRules; i++) {
                String ruleId = in.readUTF();
                int fileCount2 = in.readInt();
                java.util.Map<String, List<String>> byFile = new java.util.HashMap<>();
                for (int j = 0; j < fileCount2; j++) {
                    String path = in.readUTF();
                    int lines = in.readInt();
                    List<String> values = new ArrayList<>(lines);
                    for (int k = 0; k < lines; k++) {
                        values.add(readLong(in));
                    }
                    byFile.put(path, values);
                }
                facts.put(ruleId, byFile);
            }
            return Optional.of(new State(moduleKey, files, byRule, facts, readEntry(in)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the state, replacing the file atomically; false when it could not be written. */
    public boolean storeState(State state) {
        return write(stateFile(), out -> {
            out.writeUTF(STATE_MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(state.moduleKey());
            out.writeInt(state.files().size());
            for (java.util.Map.Entry<String, FileState> entry : new java.util.TreeMap<>(state.files()).entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue().digest());
                writeNames(out, entry.getValue().declared());
                writePairs(out, entry.getValue().nestedIn());
                writeNames(out, entry.getValue().supertypes());
                writeNames(out, entry.getValue().referenced());
                writeNames(out, entry.getValue().qualified());
            }
            out.writeInt(state.findingsByRule().size());
            for (java.util.Map.Entry<String, List<Finding>> rule
                    : new java.util.TreeMap<>(state.findingsByRule()).entrySet()) {
                out.writeUTF(rule.getKey());
                writeFindings(out, rule.getValue());
            }
            out.writeInt(state.facts().size());
            for (java.util.Map.Entry<String, java.util.Map<String, List<String>>> rule
                    : new java.util.TreeMap<>(state.facts()).entrySet()) {
                out.writeUTF(rule.getKey());
                out.writeInt(rule.getValue().size());
                for (java.util.Map.Entry<String, List<String>> file : new java.util.TreeMap<>(rule.getValue()).entrySet()) {
                    out.writeUTF(file.getKey());
                    out.writeInt(file.getValue().size());
                    for (String line : file.getValue()) {
                        writeLong(out, line);
                    }
                }
            }
            writeEntry(out, state.result());
        });
    }

    /** Removes the file-by-file state, so that a result stored without it is never combined with an older one. */
    public void forgetState() {
        try {
            Files.deleteIfExists(stateFile());
        } catch (IOException e) {
            // Left in place: its module key will not match what comes next in practice, and it is only a cache.
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static boolean write(Path file, Writer writer) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                writer.write(out);
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

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        writeFindings(out, entry.findings());
        writeFindings(out, entry.suppressed());
        out.writeInt(entry.skipped().size());
        for (Skipped skipped : entry.skipped()) {
            out.writeUTF(skipped.file());
            writeLong(out, skipped.reason());
        }
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        List<Finding> findings = readFindings(in);
        List<Finding> suppressed = readFindings(in);
        int skippedCount = in.readInt();
        List<Skipped> skipped = new ArrayList<>(skippedCount);
        for (int i = 0; i < skippedCount; i++) {
            skipped.add(new Skipped(in.readUTF(), readLong(in)));
        }
        return new Entry(findings, suppressed, skipped);
    }

    private static void writeNames(DataOutputStream out, java.util.Set<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : new java.util.TreeSet<>(names)) {
            out.writeUTF(name);
        }
    }

    private static void writePairs(DataOutputStream out, java.util.Map<String, String> pairs) throws IOException {
        out.writeInt(pairs.size());
        for (java.util.Map.Entry<String, String> pair : new java.util.TreeMap<>(pairs).entrySet()) {
            out.writeUTF(pair.getKey());
            out.writeUTF(pair.getValue());
        }
    }

    private static java.util.Map<String, String> readPairs(DataInputStream in) throws IOException {
        int count = in.readInt();
        java.util.Map<String, String> pairs = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            pairs.put(in.readUTF(), in.readUTF());
        }
        return pairs;
    }

    private static java.util.Set<String> readNames(DataInputStream in) throws IOException {
        int count = in.readInt();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        return names;
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
