package io.archlint.engine.config;

import io.archlint.engine.Skipped;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads Spring Boot, Micronaut, Quarkus and MicroProfile configuration files from resource roots. */
public final class ConfigReader {

    /** application.yml, application-prod.properties, bootstrap.yaml, microprofile-config.properties ... */
    private static final Pattern CONFIG_FILE =
            Pattern.compile("(application|bootstrap)(-([^.]+))?\\.(properties|ya?ml)|microprofile-config\\.properties");
    private static final List<String> PROFILE_KEYS = List.of("spring.config.activate.on-profile", "spring.profiles");

    /** Configuration files are small; a bigger one is not hand-written configuration. */
    private static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;
    private static final int MAX_REASON_CHARS = 200;
    private static final int MAX_ENTRIES = 100_000;

    private final Function<Path, String> relativizer;
    private final Consumer<Skipped> skipped;

    public ConfigReader(Function<Path, String> relativizer, Consumer<Skipped> skipped) {
        this.relativizer = relativizer;
        this.skipped = skipped;
    }

    public ConfigFacet read(List<Path> resourceRoots) {
        List<String> files = new ArrayList<>();
        List<ConfigEntry> entries = new ArrayList<>();
        // Spring Boot's parent declares src/main/resources twice (filtered and not): read each root once.
        for (Path root : resourceRoots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            for (Path candidate : configFiles(root)) {
                String file = relativizer.apply(candidate);
                Matcher name = CONFIG_FILE.matcher(candidate.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                String profile = name.group(3) == null ? "" : name.group(3);
                try {
                    if (Files.size(candidate) > MAX_CONFIG_BYTES) {
                        skipped.accept(new Skipped(file, "configuration over " + MAX_CONFIG_BYTES / (1024 * 1024)
                                + " MB; not analysed"));
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(candidate);
                    read(file, profile, bytes).ifPresent(fileEntries -> {
                        entries.addAll(fileEntries);
                        files.add(file);
                    });
                } catch (IOException | RuntimeException e) {
                    skipped.accept(new Skipped(file, "configuration not read: " + firstLine(e)));
                }
            }
        }
        return new ConfigFacet(files, entries);
    }

    /**
     * One file's entries; what cannot be read is reported to the skipped consumer, and nothing is
     * thrown.
     */
    Optional<List<ConfigEntry>> read(String file, String profile, byte[] bytes) {
        try {
            List<ConfigEntry> fileEntries = new ArrayList<>();
            if (file.endsWith(".properties")) {
                readProperties(decodeProperties(bytes), file, profile, fileEntries);
            } else {
                readYaml(decodeYaml(bytes), file, profile, fileEntries);
            }
            return Optional.of(fileEntries);
        } catch (MarkedYAMLException e) {
            skipped.accept(new Skipped(file, "does not parse" + (e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1)) + ": " + yamlProblem(e)
                    + "; its keys were not checked"));
        } catch (TooManyEntriesException e) {
            skipped.accept(new Skipped(file, "more than " + MAX_ENTRIES + " keys and values (aliases that expand?); "
                    + "its keys were not checked"));
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a malformed backslash-u escape.
            skipped.accept(new Skipped(file, "does not parse: " + firstLine(e) + "; its keys were not checked"));
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(file, "configuration not read: " + firstLine(e)));
        } catch (StackOverflowError e) {
            skipped.accept(new Skipped(file, "nested too deeply to read; its keys were not checked"));
        }
        return Optional.empty();
    }

    /** Aliases can make a small YAML file stand for billions of values; real configuration has far fewer keys. */
    private static final class TooManyEntriesException extends RuntimeException {
        TooManyEntriesException() {
            super(null, null, false, false);
        }
    }

    private List<Path> configFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // Spring reads the root and config/ of the classpath.
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("config"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(dir)) {
                listing.filter(Files::isRegularFile)
                        .filter(p -> CONFIG_FILE.matcher(p.getFileName().toString()).matches())
                        .sorted(Comparator.comparing(Path::toString))
                        .forEach(found::add);
            } catch (IOException e) {
                skipped.accept(new Skipped(relativizer.apply(dir), "directory not listed: " + firstLine(e)));
            }
        }
        return found;
    }

    /**
     * Spring Boot reads {@code .properties} as UTF-8 when they are valid UTF-8 and as ISO-8859-1
     * (the format's own encoding) otherwise; so does this.
     */
    static String decodeProperties(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** YAML is UTF-8; invalid bytes become U+FFFD rather than losing the file. */
    private static String decodeYaml(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void readProperties(String text, String file, String profile, List<ConfigEntry> entries)
            throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String[] lines = text.split("\\R", -1);
        Map<String, Integer> firstLines = firstLines(lines);
        Map<String, Integer> lineOfKey = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            Integer line = firstLines.get(key);
            lineOfKey.put(key, line != null ? line : lineOf(lines, key));
        }
        List<String> keys = new ArrayList<>(lineOfKey.keySet());
        keys.sort(Comparator.comparingInt((String k) -> lineOfKey.get(k)).thenComparing(k -> k));
        for (String key : keys) {
            entries.add(new ConfigEntry(key, properties.getProperty(key), profile, file, lineOfKey.get(key)));
        }
    }

    /**
     * The first line of each plainly written key (no escapes), in one pass: a file with many keys
     * must not cost keys times lines.
     */
    private static Map<String, Integer> firstLines(String[] lines) {
        Map<String, Integer> result = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            int end = 0;
            while (end < line.length() && "=: \t\f\\".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            if (end < line.length() && line.charAt(end) == '\\') {
                continue;
            }
            result.putIfAbsent(line.substring(0, end), i + 1);
        }
        return result;
    }

    /** Properties keeps no positions; the key's first line is found again in the text. */
    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(key)) {
                String rest = line.substring(key.length());
                if (rest.isEmpty() || "=: \t".indexOf(rest.charAt(0)) >= 0) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static void readYaml(String text, String file, String profile, List<ConfigEntry> entries) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(16 * 1024 * 1024);
        Yaml yaml = new Yaml(options);
        try (Reader reader = new StringReader(text)) {
            int[] budget = {MAX_ENTRIES};
            for (Node document : yaml.composeAll(reader)) {
                List<ConfigEntry> documentEntries = new ArrayList<>();
                flatten("", document, file, profile, documentEntries, budget);
                String documentProfile = documentEntries.stream()
                        .filter(e -> PROFILE_KEYS.contains(e.key()))
                        .map(ConfigEntry::value)
                        .findFirst()
                        .orElse(profile);
                for (ConfigEntry entry : documentEntries) {
                    entries.add(new ConfigEntry(entry.key(), entry.value(), documentProfile, file, entry.line()));
                }
            }
        } catch (IOException e) {
            throw new YAMLException(e);
        }
    }

    private static void flatten(String prefix, Node node, String file, String profile, List<ConfigEntry> out,
            int[] budget) {
        if (--budget[0] < 0) {
            throw new TooManyEntriesException();
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                flatten(prefix.isEmpty() ? key : prefix + "." + key, tuple.getValueNode(), file, profile, out, budget);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), file, profile, out, budget);
            }
        } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            out.add(new ConfigEntry(prefix, scalar.getValue(), profile, file, node.getStartMark().getLine() + 1));
        }
    }

    private static String yamlProblem(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        return shorten(problem == null ? "malformed YAML" : problem.lines().findFirst().orElse(problem).strip());
    }

    private static String firstLine(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return shorten(message.lines().findFirst().orElse(message).strip());
    }

    private static String shorten(String text) {
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "..." : text;
    }
}
