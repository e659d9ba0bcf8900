package io.archlint.maven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlint.engine.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an analysis cost, on request ({@code -Darchlint.timings=true}): console lines slowest
 * first, and {@code timings.json} with every facet and rule in name order, in milliseconds.
 */
public final class TimingsReport {

    public static final String FILE_NAME = "timings.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The console lines: a heading with the total, then one line per facet, rule and step. */
    public List<String> lines(Timings timings) {
        List<String> lines = new ArrayList<>();
        if (timings.cached()) {
            lines.add("Archlint timings: " + millis(timings.totalNanos()) + " ms in total, the result of the last "
                    + "analysis used again (nothing it depends on changed; -Darchlint.cache=false analyses anyway)");
        } else {
            lines.add("Archlint timings: " + millis(timings.totalNanos()) + " ms in total (facets are built once, "
                    + "side by side, and each rule starts when its facets are built; the times overlap, so they "
                    + "add up to more than the total)");
        }
        Timings.Incremental incremental = timings.incremental();
        if (incremental != null) {
            lines.add("  incremental: " + incremental.changed() + " of " + incremental.files()
                    + " Java files changed since the last analysis; rules scoped to files analysed "
                    + incremental.analysed() + " of them and kept the last findings elsewhere"
                    + (incremental.wholeModule().isEmpty() ? ""
                            : "; rules that read the whole module (" + incremental.wholeModule().size()
                                    + ") analysed every file"));
        }
        int nameWidth = timings.slowestFirst().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Timings.Entry entry : timings.slowestFirst()) {
            lines.add(String.format(Locale.ROOT, "  %-5s %-" + nameWidth + "s %9s ms",
                    entry.kind(), entry.name(), millis(entry.nanos())));
        }
        return lines;
    }

    public String render(Timings timings) {
        ObjectNode root = mapper.createObjectNode();
        root.put("totalMillis", round(timings.totalNanos()));
        root.put("cached", timings.cached());
        ObjectNode facets = root.putObject("facets");
        timings.facetsByName().forEach((name, nanos) -> facets.put(name, round(nanos)));
        ObjectNode rules = root.putObject("rules");
        timings.rulesById().forEach((id, nanos) -> rules.put(id, round(nanos)));
        root.put("suppressionsMillis", round(timings.suppressionNanos()));
        Timings.Incremental incremental = timings.incremental();
        if (incremental != null) {
            ObjectNode node = root.putObject("incremental");
            node.put("files", incremental.files());
            node.put("changed", incremental.changed());
            node.put("analysed", incremental.analysed());
            incremental.wholeModule().forEach(node.putArray("wholeModuleRules")::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the timings", e);
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

    /** Milliseconds with one decimal, as a JSON number. */
    private static double round(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
