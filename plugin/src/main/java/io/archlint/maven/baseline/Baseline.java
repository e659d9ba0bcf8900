package io.archlint.maven.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Today's accepted findings, so that the build fails only on new ones.
 *
 * <p>The file holds no line numbers and no timestamp: entries are keyed by fingerprint (rule, file,
 * enclosing symbol and the offending code), sorted, with {@code \n} line endings, so it is the
 * same on every platform and run and its diffs show exactly what was accepted or fixed.
 */
public final class Baseline {

    /** One accepted finding. */
    public record Entry(String ruleId, String file, String symbol, String fingerprint, String message) {}

    /** A result with baseline statuses set, and the entries that no longer match anything. */
    public record Applied(AnalysisResult result, List<Entry> fixed) {}

    static final int FORMAT_VERSION = 1;
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::ruleId)
            .thenComparing(Entry::file).thenComparing(Entry::symbol).thenComparing(Entry::fingerprint);

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
    }

    public static Baseline of(List<Finding> findings) {
        return new Baseline(findings.stream()
                .map(f -> new Entry(f.ruleId(), f.file(), f.symbol(), f.fingerprint(), f.message()))
                .toList());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Marks findings the baseline accepts and lists the entries nothing matched. */
    public Applied apply(AnalysisResult result) {
        Set<String> accepted = new HashSet<>();
        entries.forEach(e -> accepted.add(e.ruleId() + '\n' + e.fingerprint()));
        Set<String> matched = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : result.findings()) {
            String key = finding.ruleId() + '\n' + finding.fingerprint();
            if (accepted.contains(key)) {
                matched.add(key);
                findings.add(finding.withStatus(Finding.Status.BASELINE));
            } else {
                findings.add(finding);
            }
        }
        // A suppressed finding that is also in the baseline is not fixed: it still exists.
        result.suppressed().forEach(f -> matched.add(f.ruleId() + '\n' + f.fingerprint()));
        List<Entry> fixed = entries.stream().filter(e -> !matched.contains(e.ruleId() + '\n' + e.fingerprint())).toList();
        return new Applied(new AnalysisResult(result.rules(), findings, result.skipped(), result.suppressed(),
                result.timings()), fixed);
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("archlintBaseline", FORMAT_VERSION);
        root.put("comment", "Findings accepted as they are; check fails only on new ones. "
                + "Regenerate with mvn archlint:baseline (it also prunes fixed entries).");
        ArrayNode list = root.putArray("findings");
        for (Entry entry : entries) {
            ObjectNode node = list.addObject();
            node.put("ruleId", entry.ruleId());
            node.put("file", entry.file());
            node.put("symbol", entry.symbol());
            node.put("fingerprint", entry.fingerprint());
            node.put("message", entry.message());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the baseline could not be rendered", e);
        }
    }

    /** Reads a baseline file's text; a broken file is an error the user must see, never an empty baseline. */
    public static Baseline parse(String json) throws InvalidBaselineException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidBaselineException("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.path("findings").isArray() || root.path("archlintBaseline").asInt() != FORMAT_VERSION) {
            throw new InvalidBaselineException("it is not an Archlint baseline of format " + FORMAT_VERSION
                    + " (expected {\"archlintBaseline\": 1, \"findings\": [...]})");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("findings")) {
            String ruleId = node.path("ruleId").asText("");
            String fingerprint = node.path("fingerprint").asText("");
            if (ruleId.isEmpty() || fingerprint.isEmpty()) {
                throw new InvalidBaselineException("an entry has no ruleId or fingerprint: " + node);
            }
            entries.add(new Entry(ruleId, node.path("file").asText(""), node.path("symbol").asText(""), fingerprint,
                    node.path("message").asText("")));
        }
        return new Baseline(entries);
    }

    /** A baseline file that cannot be used. */
    public static final class InvalidBaselineException extends Exception {
        public InvalidBaselineException(String message) {
            super(message);
        }
    }
}
