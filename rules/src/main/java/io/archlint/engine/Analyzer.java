package io.archlint.engine;

import io.archlint.engine.cache.Digest;
import io.archlint.engine.cache.ResultCache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs rules on a {@link Codebase}: rules whose facets are missing are skipped with one note per
 * missing facet (quietly for an {@link Facet#optional() optional} one, such as migrations), a rule
 * that fails is reported and the others go on.
 */
public final class Analyzer {

    private final List<Rule> rules;
    private final Map<String, Severity> severities;
    private final int parallelism;
    private final LocalDate today;
    private final List<Exclusion> exclusions;

    /**
     * @param rules       the rules to run
     * @param severities  severity per rule id where the user overrides the default
     * @param parallelism threads for running rules
     */
    public Analyzer(List<Rule> rules, Map<String, Severity> severities, int parallelism) {
        this(rules, severities, parallelism, LocalDate.now(), List.of());
    }

    /**
     * @param today      the date suppression expiries are compared with
     * @param exclusions suppressions from the configuration
     */
    public Analyzer(List<Rule> rules, Map<String, Severity> severities, int parallelism, LocalDate today,
            List<Exclusion> exclusions) {
        this.exclusions = List.copyOf(exclusions);
        this.rules = List.copyOf(rules);
        this.severities = Map.copyOf(severities);
        this.parallelism = Math.max(1, parallelism);
        this.today = today;
    }

    /**
     * Analyses the module, or returns the cached result when its inputs, the rules and the
     * configuration are the same as when the cache was written; stores the result otherwise.
     */
    public AnalysisResult analyze(Codebase codebase, ResultCache cache) {
        long start = System.nanoTime();
        String key = cacheKey(codebase, cache.environment());
        long digestNanos = System.nanoTime() - start;
        Optional<ResultCache.Entry> hit = cache.load(key);
        if (hit.isPresent()) {
            ResultCache.Entry entry = hit.get();
            Timings timings = new Timings(System.nanoTime() - start, Map.of("input-digest", digestNanos), Map.of(), 0,
                    true);
            return new AnalysisResult(definitions(entry.findings()), entry.findings(), entry.skipped(),
                    entry.suppressed(), timings);
        }
        AnalysisResult result = analyze(codebase);
        cache.store(key, new ResultCache.Entry(result.findings(), result.suppressed(), result.skipped()));
        Map<String, Long> facets = new LinkedHashMap<>(result.timings().facets());
        facets.put("input-digest", digestNanos);
        Timings timings = new Timings(System.nanoTime() - start, facets, result.timings().rules(),
                result.timings().suppressionNanos());
        return new AnalysisResult(result.rules(), result.findings(), result.skipped(), result.suppressed(), timings);
    }

    /** What the result depends on: Archlint's version, the rules and their code, the configuration, the inputs. */
    private String cacheKey(Codebase codebase, String environment) {
        Digest digest = new Digest().add("archlint", ArchlintVersion.get()).add("environment", environment)
                .add("today", today)
                .add("severities", severities).add("exclusions", exclusions);
        for (Rule rule : rules) {
            digest.add("rule", rule.definition()).add("code", rule.getClass().getName() + " " + codeOf(rule.getClass()));
        }
        codebase.addInputsTo(digest);
        return digest.hex();
    }

    /** Identifies the code of a rule: its jar by size and time, or its class file by content. */
    private static String codeOf(Class<?> type) {
        try {
            java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            java.nio.file.Path location = java.nio.file.Path.of(source.getLocation().toURI());
            if (java.nio.file.Files.isRegularFile(location)) {
                return location + " " + java.nio.file.Files.size(location) + " "
                        + java.nio.file.Files.getLastModifiedTime(location).toMillis();
            }
            return new Digest().addTree("class", location.resolve(type.getName().replace('.', '/') + ".class")).hex();
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            // Unknown code can never be trusted from the cache.
            return "unidentified " + System.nanoTime();
        }
    }

    private List<RuleDefinition> definitions(List<Finding> findings) {
        List<RuleDefinition> definitions = new ArrayList<>(rules.stream().map(Rule::definition).toList());
        if (findings.stream().anyMatch(f -> f.ruleId().equals(Suppressions.UNUSED_SUPPRESSION.id()))) {
            definitions.add(Suppressions.UNUSED_SUPPRESSION);
        }
        return definitions;
    }

    public AnalysisResult analyze(Codebase codebase) {
        long start = System.nanoTime();
        Map<Facet, List<String>> skippedRulesByFacet = new LinkedHashMap<>();
        List<Rule> runnable = new ArrayList<>();
        for (Rule rule : rules) {
            RuleDefinition definition = rule.definition();
            Optional<Facet> missing = definition.facets().stream()
                    .sorted()
                    .filter(f -> codebase.unavailable(f).isPresent())
                    .findFirst();
            if (missing.isPresent()) {
                skippedRulesByFacet.computeIfAbsent(missing.get(), f -> new ArrayList<>()).add(definition.id());
            } else {
                runnable.add(rule);
            }
        }
        // A module without migrations has nothing for migration rules to check: no note for that.
        skippedRulesByFacet.entrySet().removeIf(e -> e.getKey().optional());
        skippedRulesByFacet.forEach((facet, ids) -> codebase.skip(new Skipped(
                facet == Facet.CLASSES ? codebase.classesPath() : "pom.xml",
                codebase.unavailable(facet).orElseThrow() + "; rules that need the " + facet.description()
                        + " were skipped: " + String.join(", ", ids))));

        Map<String, Long> facetTimes = new ConcurrentHashMap<>();
        Map<String, Long> ruleTimes = new ConcurrentHashMap<>();
        List<List<Finding>> perRule = runAll(codebase, runnable, facetTimes, ruleTimes);
        long suppressionStart = System.nanoTime();
        Suppressions suppressions = new Suppressions(codebase, today, codebase.encoding(), exclusions);
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (List<Finding> ruleFindings : perRule) {
            for (Finding finding : ruleFindings) {
                Suppressions.Outcome outcome = suppressions.check(finding);
                if (outcome.suppressed()) {
                    suppressed.add(finding);
                } else if (outcome.expiredNote() != null) {
                    findings.add(finding.withMessage(finding.message() + " (" + outcome.expiredNote() + ")"));
                } else {
                    findings.add(finding);
                }
            }
        }
        java.util.Set<String> rulesRun = new java.util.HashSet<>();
        runnable.forEach(r -> rulesRun.add(r.definition().id()));
        List<Finding> unused = suppressions.unused(rulesRun);
        findings.addAll(unused);
        findings.sort(Finding.ORDER);
        suppressed.sort(Finding.ORDER);
        List<RuleDefinition> definitions = definitions(findings);
        long end = System.nanoTime();
        Timings timings = new Timings(end - start, facetTimes, ruleTimes, end - suppressionStart);
        return new AnalysisResult(definitions, findings, codebase.skipped(), suppressed, timings);
    }

    /**
     * Builds each facet the runnable rules read, once and concurrently (the bytecode import while the
     * sources are parsed), and starts each rule as soon as the facets it reads are built, on a pool of
     * {@code parallelism} threads. A facet that fails to build is not retried here: the rules that read
     * it fail and are reported as skipped.
     */
    private List<List<Finding>> runAll(Codebase codebase, List<Rule> runnable, Map<String, Long> facetTimes,
            Map<String, Long> ruleTimes) {
        java.util.Set<Facet> needed = java.util.EnumSet.noneOf(Facet.class);
        runnable.forEach(rule -> needed.addAll(rule.definition().facets()));
        if (parallelism == 1) {
            needed.forEach(facet -> prepare(codebase, facet, facetTimes));
            return runnable.stream().map(rule -> timed(rule, codebase, ruleTimes)).toList();
        }
        java.util.concurrent.ExecutorService builders = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, needed.size()), daemonThreads("archlint-facet"));
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            Map<Facet, CompletableFuture<Void>> built = new java.util.EnumMap<>(Facet.class);
            for (Facet facet : needed) {
                built.put(facet, CompletableFuture.runAsync(() -> prepare(codebase, facet, facetTimes), builders));
            }
            List<CompletableFuture<List<Finding>>> results = new ArrayList<>();
            for (Rule rule : runnable) {
                CompletableFuture<?>[] inputs = rule.definition().facets().stream().map(built::get)
                        .toArray(CompletableFuture[]::new);
                results.add(CompletableFuture.allOf(inputs)
                        .thenApplyAsync(ready -> timed(rule, codebase, ruleTimes), pool));
            }
            List<List<Finding>> perRule = new ArrayList<>();
            for (CompletableFuture<List<Finding>> result : results) {
                perRule.add(result.get());
            }
            return perRule;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running rules", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("running rules failed", e.getCause());
        } finally {
            pool.shutdown();
            builders.shutdown();
        }
    }

    private static void prepare(Codebase codebase, Facet facet, Map<String, Long> times) {
        long facetStart = System.nanoTime();
        try {
            codebase.prepare(facet);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Reported through the rules that read it, with the rule ids.
        }
        times.put(facet.name().toLowerCase(java.util.Locale.ROOT), System.nanoTime() - facetStart);
    }

    /** Threads that keep the context class loader of the caller (the plugin's realm) and never hold the JVM up. */
    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }

    private List<Finding> timed(Rule rule, Codebase codebase, Map<String, Long> times) {
        long ruleStart = System.nanoTime();
        try {
            return run(rule, codebase);
        } finally {
            times.put(rule.definition().id(), System.nanoTime() - ruleStart);
        }
    }

    private List<Finding> run(Rule rule, Codebase codebase) {
        RuleDefinition definition = rule.definition();
        FindingCollector collector = new FindingCollector();
        try {
            rule.check(codebase, collector);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            codebase.skip(new Skipped("pom.xml", "rule " + definition.id() + " failed and was skipped: " + e));
            return List.of();
        }
        Severity severity = severities.getOrDefault(definition.id(), definition.defaultSeverity());
        List<FindingCollector.Reported> reported = new ArrayList<>(collector.reported());
        reported.sort(Comparator.comparing(FindingCollector.Reported::file)
                .thenComparingInt(FindingCollector.Reported::line)
                .thenComparingInt(FindingCollector.Reported::column));
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (FindingCollector.Reported r : reported) {
            String fingerprint = Fingerprints.of(definition.id(), r.file(), r.symbol(), r.evidence());
            int occurrence = seen.merge(fingerprint, 1, Integer::sum);
            if (occurrence > 1) {
                // The same code twice in one member: number the repeats, in source order.
                fingerprint = fingerprint + "-" + occurrence;
            }
            findings.add(new Finding(definition.id(), severity, r.message(), r.file(), r.line(), r.column(),
                    r.symbol(), fingerprint, Finding.Status.NEW));
        }
        return findings;
    }
}
