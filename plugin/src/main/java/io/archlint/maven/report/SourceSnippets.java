package io.archlint.maven.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines around a finding from the module's sources, with anything that looks like a
 * secret masked.
 *
 * <p>One instance serves one report: files are read once and kept for the findings that follow.
 */
final class SourceSnippets {

    /** A source line of a snippet; {@code hit} marks the finding's own line. */
    record Line(int number, String text, boolean hit) {}

    /** Lines shown before and after the finding's line. */
    static final int CONTEXT = 2;

    /** Larger files are generated or data, not code a reader wants to see here. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    static final String MASK = "****";

    // A secret is never shown, not even the lines around it: the rule reports the literal itself.
    private static final Set<String> NO_SNIPPET_RULES = Set.of("hardcoded-secret");

    private static final String HIDDEN_LINE = "**** (line hidden: it holds a secret)";

    // The secret words of hardcoded-secret, in camelCase, snake_case, kebab-case or dotted form.
    private static final Pattern SECRET_WORD = Pattern.compile(
            "(?i)passw(or)?d|pwd|passphrase|secret|api[-_.]?key|token|private[-_.]?key|credential"
                    + "|signing[-_.]?key|encryption[-_.]?key|master[-_.]?key|hmac[-_.]?key|BEGIN [A-Z ]*PRIVATE KEY");

    // Double- or single-quoted literals, with escapes.
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)+'");

    // key=value, key: value, key value in configuration files.
    private static final Pattern CONFIG_VALUE = Pattern.compile("^(\\s*-?\\s*[^#!\\s][^=:\\s]*\\s*[=:]\\s*)(\\S.*)$");

    // Key material outside quotes (PEM bodies, tokens in text blocks): long runs mixing letters and digits.
    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/=_-]*[0-9])(?=[A-Za-z0-9+/=_-]*[A-Za-z])[A-Za-z0-9+/=_-]{24,}");

    private final Path baseDir;
    private final Charset charset;
    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    /** @param baseDir the module base directory, or {@code null} for no snippets */
    SourceSnippets(Path baseDir, Charset charset) {
        this.baseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        this.charset = charset;
    }

    /**
     * The lines around a line of a file, or an empty list when there is nothing to show.
     *
     * @param secretLines the lines of this file where a secret was reported
     */
    List<Line> around(String ruleId, String file, int line, Set<Integer> secretLines) {
        if (baseDir == null || line <= 0 || file == null || NO_SNIPPET_RULES.contains(ruleId)) {
            return List.of();
        }
        Optional<List<String>> lines = files.computeIfAbsent(file, this::read);
        if (lines.isEmpty() || line > lines.get().size()) {
            return List.of();
        }
        List<String> all = lines.get();
        boolean configFile = !file.endsWith(".java") && !file.endsWith(".kt");
        List<Line> snippet = new ArrayList<>();
        for (int n = Math.max(1, line - CONTEXT); n <= Math.min(all.size(), line + CONTEXT); n++) {
            String text = secretLines.contains(n) ? HIDDEN_LINE
                    : mask(all.get(n - 1), configFile, !secretLines.isEmpty());
            snippet.add(new Line(n, text, n == line));
        }
        return snippet;
    }

    /**
     * Masks quoted values on lines that name a secret (and, in a file with a reported secret, on
     * every line), configuration values under a secret key and anything that looks like key material.
     */
    static String mask(String text, boolean configFile, boolean fileHasSecret) {
        String masked = text;
        boolean secretWord = SECRET_WORD.matcher(masked).find();
        if (secretWord || fileHasSecret) {
            masked = STRING_LITERAL.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(
                    m.group().charAt(0) + MASK + m.group().charAt(0)));
        }
        if (secretWord && configFile) {
            Matcher value = CONFIG_VALUE.matcher(masked);
            if (value.matches()) {
                masked = value.group(1) + MASK;
            }
        }
        return KEY_MATERIAL.matcher(masked).replaceAll(MASK);
    }

    private Optional<List<String>> read(String file) {
        try {
            Path path = baseDir.resolve(file).normalize();
            // Only the module's own files: a finding's path never leads the report elsewhere.
            if (!path.startsWith(baseDir) || !Files.isRegularFile(path)
                    || !path.toRealPath().startsWith(baseDir.toRealPath())) {
                return Optional.empty();
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            String content = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            return Optional.of(content.lines().toList());
        } catch (IOException | RuntimeException e) {
            // An unreadable file costs the reader a snippet, never the report.
            return Optional.empty();
        }
    }

    static boolean isSecretRule(String ruleId) {
        return NO_SNIPPET_RULES.contains(ruleId);
    }
}
