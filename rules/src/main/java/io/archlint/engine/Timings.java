package io.archlint.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one module's analysis spent its time: building each facet, running each rule, and applying
 * suppressions. Facets are built once, concurrently, and a rule starts when the facets it reads are
 * built, so a rule's time is its own work; facet times overlap one another and the rules'.
 *
 * @param totalNanos      wall time of the whole analysis
 * @param facets          wall time per facet built, by facet name ({@code sources}, {@code classes}...)
 * @param rules           wall time per rule that ran, by rule id
 * @param suppressionNanos wall time spent matching findings against suppressions and exclusions
 * @param cached          whether the result came from the cache (inputs, rules and configuration
 *                        unchanged); then only the digest of the inputs was measured
 * @param incremental     for an incremental analysis, how much of the module it analysed again;
 *                        null when it analysed the whole module or used the cached result
 */
public record Timings(long totalNanos, Map<String, Long> facets, Map<String, Long> rules, long suppressionNanos,
        boolean cached, Incremental incremental) {

    /**
     * What an incremental analysis did: of the module's Java files, how many changed since the last
     * analysis and how many the rules saw again; rules that read the whole module still read every file.
     *
     * @param files       the module's Java files
     * @param changed     files added, changed or removed since the last analysis
     * @param analysed    files the file-scoped rules analysed again
     * @param wholeModule rules that ran on the whole module, by id
     */
    public record Incremental(int files, int changed, int analysed, java.util.List<String> wholeModule) {
        public Incremental {
            wholeModule = java.util.List.copyOf(wholeModule);
        }
    }

    public Timings {
        facets = Map.copyOf(facets);
        rules = Map.copyOf(rules);
    }

    public Timings(long totalNanos, Map<String, Long> facets, Map<String, Long> rules, long suppressionNanos,
            boolean cached) {
        this(totalNanos, facets, rules, suppressionNanos, cached, null);
    }

    public Timings(long totalNanos, Map<String, Long> facets, Map<String, Long> rules, long suppressionNanos) {
        this(totalNanos, facets, rules, suppressionNanos, false);
    }

    /** No timings: for results that were not measured (tests, reports rebuilt from JSON). */
    public static Timings none() {
        return new Timings(0, Map.of(), Map.of(), 0);
    }

    /** One measured step. */
    public record Entry(String kind, String name, long nanos) {
        public double millis() {
            return nanos / 1_000_000.0;
        }
    }

    /** Every facet, rule and the suppression step, slowest first; ties in name order. */
    public List<Entry> slowestFirst() {
        List<Entry> entries = new ArrayList<>();
        facets.forEach((name, nanos) -> entries.add(new Entry("facet", name, nanos)));
        rules.forEach((name, nanos) -> entries.add(new Entry("rule", name, nanos)));
        entries.add(new Entry("step", "suppressions", suppressionNanos));
        entries.sort(Comparator.comparingLong(Entry::nanos).reversed()
                .thenComparing(Entry::kind).thenComparing(Entry::name));
        return entries;
    }

    /** Facet times in name order, for stable output. */
    public Map<String, Long> facetsByName() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        facets.keySet().stream().sorted().forEach(k -> sorted.put(k, facets.get(k)));
        return sorted;
    }

    /** Rule times in id order, for stable output. */
    public Map<String, Long> rulesById() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        rules.keySet().stream().sorted().forEach(k -> sorted.put(k, rules.get(k)));
        return sorted;
    }
}
