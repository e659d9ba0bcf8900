package io.archlint.engine;

import io.archlint.engine.cache.Digest;
import io.archlint.engine.cache.ResultCache;
import io.archlint.engine.cache.SourceIndex;
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
     * configuration are the same as when the cache was written; stores the result otherwise. When
     * only Java files (and the classes compiled from them) changed since the last analysis, rules
     * with a narrower {@link Scope} than the module analyse just the files the change reaches and
     * keep the last analysis's findings elsewhere.
     */
    public AnalysisResult analyze(Codebase codebase, ResultCache cache) {
        long start = System.nanoTime();
        Map<String, SourceIndex.Known> known = cache.loadDigests();
        SourceIndex index = codebase.sourceIndex(known);
        Map<String, SourceIndex.Known> nowKnown = index.known();
        if (!nowKnown.equals(known)) {
            cache.storeDigests(nowKnown);
        }
        String moduleKey = moduleKey(codebase, index, cache.environment());
        Digest whole = new Digest().add("module", moduleKey);
        index.addTo(whole);
        String key = whole.hex();
        long digestNanos = System.nanoTime() - start;
        Optional<ResultCache.Entry> hit = cache.load(key);
        if (hit.isPresent()) {
            ResultCache.Entry entry = hit.get();
            Timings timings = new Timings(System.nanoTime() - start, Map.of("input-digest", digestNanos), Map.of(), 0,
                    true);
            return new AnalysisResult(definitions(entry.findings()), entry.findings(), entry.skipped(),
                    entry.suppressed(), timings);
        }
        Pass pass = cache.loadState().filter(state -> state.moduleKey().equals(moduleKey))
                .flatMap(state -> incremental(codebase, index, state))
                .orElseGet(() -> full(codebase));
        AnalysisResult result = pass.result();
        ResultCache.Entry entry = new ResultCache.Entry(result.findings(), result.suppressed(), result.skipped());
        cache.store(key, entry);
        Map<String, SourceIndex.Names> names = pass.names() != null ? pass.names() : index.names(codebase.encoding());
        cache.storeState(new ResultCache.State(moduleKey, fileStates(index, names), pass.byRule(), pass.facts(),
                entry));
        Map<String, Long> facets = new LinkedHashMap<>(result.timings().facets());
        facets.put("input-digest", digestNanos);
        Timings timings = new Timings(System.nanoTime() - start, facets, result.timings().rules(),
                result.timings().suppressionNanos(), false, result.timings().incremental());
        return new AnalysisResult(result.rules(), result.findings(), result.skipped(), result.suppressed(), timings);
    }

    /**
     * What the result depends on besides the Java files: Archlint's version, the rules and their
     * code, the configuration and the module's other inputs.
     */
    private String moduleKey(Codebase codebase, SourceIndex index, String environment) {
        Digest digest = new Digest().add("archlint", ArchlintVersion.get()).add("environment", environment)
                .add("today", today)
                .add("severities", severities).add("exclusions", exclusions);
        for (Rule rule : rules) {
            digest.add("rule", rule.definition()).add("code", rule.getClass().getName() + " " + codeOf(rule.getClass()));
        }
        codebase.addModuleInputsTo(digest, index);
        return digest.hex();
    }

    /** Each file's digest and names, for the next incremental analysis. */
    private static Map<String, ResultCache.FileState> fileStates(SourceIndex index,
            Map<String, SourceIndex.Names> names) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        names.values().forEach(n -> declared.addAll(n.declared()));
        Map<String, ResultCache.FileState> states = new HashMap<>();
        index.entries().forEach((path, entry) -> {
            SourceIndex.Names fileNames = names.getOrDefault(path,
                    new SourceIndex.Names(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), Map.of(),
                            java.util.Set.of()));
            states.put(path, ChangeReach.state(entry.digest(), fileNames, declared));
        });
        return states;
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
        return full(codebase).result();
    }

    /**
     * One analysis: its result, each rule's findings before suppressions, and the names of the Java
     * files when it read them.
     */
    private record Pass(AnalysisResult result, Map<String, List<Finding>> byRule,
            Map<String, Map<String, List<String>>> facts, Map<String, SourceIndex.Names> names) {}

    private Pass full(Codebase codebase) {
        long start = System.nanoTime();
        List<Skipped> notes = new ArrayList<>();
        List<Rule> runnable = runnable(codebase, notes);
        notes.forEach(codebase::skip);
        Map<String, Long> facetTimes = new ConcurrentHashMap<>();
        Map<String, Long> ruleTimes = new ConcurrentHashMap<>();
        Facts facts = Facts.asRead();
        Map<String, List<Finding>> byRule = runAll(codebase, runnable, facetTimes, ruleTimes, facts);
        long suppressionStart = System.nanoTime();
        Outcome outcome = suppress(codebase, byRule, ids(runnable));
        long end = System.nanoTime();
        Timings timings = new Timings(end - start, facetTimes, ruleTimes, end - suppressionStart);
        AnalysisResult result = new AnalysisResult(definitions(outcome.findings()), outcome.findings(),
                codebase.skipped(), outcome.suppressed(), timings);
        return new Pass(result, byRule, facts.byRule, null);
    }

    /** The rules whose facets can be built; a note for the others, one per missing facet. */
    private List<Rule> runnable(Codebase codebase, List<Skipped> notes) {
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
        skippedRulesByFacet.forEach((facet, ids) -> notes.add(new Skipped(
                facet == Facet.CLASSES ? codebase.classesPath() : "pom.xml",
                codebase.unavailable(facet).orElseThrow() + "; rules that need the " + facet.description()
                        + " were skipped: " + String.join(", ", ids))));
        return runnable;
    }

    private static java.util.Set<String> ids(List<Rule> rules) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        rules.forEach(r -> ids.add(r.definition().id()));
        return ids;
    }

    /** The findings after suppressions and exclusions, the suppressed ones, and the unused suppressions. */
    private record Outcome(List<Finding> findings, List<Finding> suppressed) {}

    private Outcome suppress(Codebase codebase, Map<String, List<Finding>> byRule, java.util.Set<String> rulesRun) {
        Suppressions suppressions = new Suppressions(codebase, today, codebase.encoding(), exclusions);
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (List<Finding> ruleFindings : byRule.values()) {
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
        findings.addAll(suppressions.unused(rulesRun));
        findings.sort(Finding.ORDER);
        suppressed.sort(Finding.ORDER);
        return new Outcome(findings, suppressed);
    }

    /** The scope a rule's findings are reached with; a facts-reading rule's facts are file-scoped. */
    private static Scope factsScope(RuleDefinition definition) {
        return definition.scope() == Scope.MODULE ? Scope.FILE : definition.scope();
    }

    /** Above this share of the module's files, analysing the whole module costs no more. */
    private static final double MOST_OF_THE_MODULE = 0.8;

    /**
     * Analyses again only what a change of Java files reaches, with the last analysis's state; empty
     * when that cannot be done exactly (a rule that reads the whole module's bytecode, a rule that
     * failed last time, class files that could not be read or listed, or a change that reaches most
     * of the module), and the whole module is analysed instead.
     */
    private Optional<Pass> incremental(Codebase codebase, SourceIndex index, ResultCache.State state) {
        long start = System.nanoTime();
        String classesPath = codebase.classesPath();
        if (!index.complete() || state.result().skipped().stream().anyMatch(s -> s.file().endsWith(".class")
                || s.file().equals(classesPath) || s.reason().startsWith("rule "))) {
            return Optional.empty();
        }
        Map<String, SourceIndex.Names> names = index.names(codebase.encoding());
        Map<String, String> digests = new HashMap<>();
        index.entries().forEach((path, entry) -> digests.put(path, entry.digest()));
        ChangeReach change = new ChangeReach(digests, names, state.files());
        if (change.changed().isEmpty()) {
            return Optional.empty();
        }
        List<Skipped> notes = new ArrayList<>();
        List<Rule> runnable = runnable(codebase, notes);
        List<Rule> wholeModule = new ArrayList<>();
        List<Rule> narrower = new ArrayList<>();
        Map<Scope, ChangeReach.Reach> reaches = new java.util.EnumMap<>(Scope.class);
        java.util.Set<String> needed = new java.util.TreeSet<>();
        java.util.Set<String> affected = new java.util.TreeSet<>();
        for (Rule rule : runnable) {
            RuleDefinition definition = rule.definition();
            if (!definition.facets().contains(Facet.SOURCES) && !definition.facets().contains(Facet.CLASSES)) {
                continue;
            }
            if (definition.scope() == Scope.MODULE && definition.facets().contains(Facet.CLASSES)) {
                return Optional.empty();
            }
            if (definition.scope() == Scope.MODULE && !(rule instanceof ModuleFactsRule)) {
                wholeModule.add(rule);
            } else {
                // A module-wide rule that reads facts reads them as a file-scoped rule would.
                narrower.add(rule);
                ChangeReach.Reach reach = reaches.computeIfAbsent(factsScope(definition), change::reach);
                needed.addAll(reach.needed());
                affected.addAll(reach.affected());
            }
        }
        if (needed.size() > MOST_OF_THE_MODULE * digests.size()) {
            return Optional.empty();
        }
        Codebase part = codebase.restrictedTo(needed, index.classFiles(needed));
        Map<String, Long> facetTimes = new ConcurrentHashMap<>();
        Map<String, Long> ruleTimes = new ConcurrentHashMap<>();
        // The whole module first, so that the part takes its parsed files instead of parsing them again;
        // the part's classes are imported meanwhile.
        Map<String, List<Finding>> wholeFindings = Map.of();
        if (!wholeModule.isEmpty()) {
            java.util.concurrent.ExecutorService importer = java.util.concurrent.Executors.newSingleThreadExecutor(
                    daemonThreads("archlint-part-classes"));
            try {
                CompletableFuture<Void> classes = narrower.stream()
                        .anyMatch(r -> r.definition().facets().contains(Facet.CLASSES))
                        ? CompletableFuture.runAsync(() -> prepare(part, Facet.CLASSES, facetTimes), importer)
                        : CompletableFuture.completedFuture(null);
                wholeFindings = runAll(codebase, wholeModule, facetTimes, ruleTimes, Facts.asRead());
                classes.join();
            } finally {
                importer.shutdown();
            }
        }
        java.util.Set<String> changed = change.changed();
        java.util.Set<String> factsAgain = reaches.containsKey(Scope.FILE) ? reaches.get(Scope.FILE).affected()
                : java.util.Set.of();
        Facts facts = new Facts((id, read) -> {
            // Facts just read in the files the change reaches; the last analysis's for the others.
            Map<String, List<String>> merged = new HashMap<>();
            state.facts().getOrDefault(id, Map.of()).forEach((path, lines) -> {
                if (!factsAgain.contains(path) && !changed.contains(path)) {
                    merged.put(path, lines);
                }
            });
            read.forEach((path, lines) -> {
                if (factsAgain.contains(path)) {
                    merged.put(path, lines);
                }
            });
            return merged;
        });
        Map<String, List<Finding>> partFindings = runAll(part, narrower, facetTimes, ruleTimes, facts);

        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Rule rule : runnable) {
            RuleDefinition definition = rule.definition();
            String id = definition.id();
            List<Finding> before = state.findingsByRule().getOrDefault(id, List.of());
            if (wholeFindings.containsKey(id)) {
                byRule.put(id, wholeFindings.get(id));
            } else if (rule instanceof ModuleFactsRule && partFindings.containsKey(id)) {
                // Judged from every file's facts: its findings are the module's.
                byRule.put(id, partFindings.get(id));
            } else if (partFindings.containsKey(id)) {
                java.util.Set<String> again = reaches.get(factsScope(definition)).affected();
                List<Finding> merged = new ArrayList<>();
                before.stream().filter(f -> !again.contains(f.file()) && !changed.contains(f.file())).forEach(merged::add);
                partFindings.get(id).stream().filter(f -> again.contains(f.file())).forEach(merged::add);
                merged.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
                        .thenComparingInt(Finding::column));
                byRule.put(id, merged);
            } else {
                // Reads neither sources nor classes: its inputs did not change.
                byRule.put(id, before);
            }
        }

        long suppressionStart = System.nanoTime();
        List<Finding> findings;
        List<Finding> suppressed;
        if (!wholeModule.isEmpty()) {
            // Every file is parsed: apply suppressions as a whole analysis does.
            Outcome outcome = suppress(codebase, byRule, ids(runnable));
            findings = outcome.findings();
            suppressed = outcome.suppressed();
        } else {
            // Suppressions depend on the findings in their own file: judge the affected files again, and
            // those where a module-wide rule reports now or reported last time; keep the last outcome for
            // the others, whose findings did not change.
            java.util.Set<String> judgedFiles = new java.util.HashSet<>(affected);
            judgedFiles.addAll(changed);
            for (Rule rule : narrower) {
                if (rule instanceof ModuleFactsRule) {
                    String id = rule.definition().id();
                    byRule.getOrDefault(id, List.of()).forEach(f -> judgedFiles.add(f.file()));
                    state.findingsByRule().getOrDefault(id, List.of()).forEach(f -> judgedFiles.add(f.file()));
                }
            }
            java.util.function.Predicate<String> again = judgedFiles::contains;
            Map<String, List<Finding>> inAffected = new LinkedHashMap<>();
            byRule.forEach((id, list) -> inAffected.put(id, list.stream().filter(f -> again.test(f.file())).toList()));
            java.util.Set<String> toParse = new java.util.TreeSet<>(needed);
            judgedFiles.stream().filter(digests::containsKey).forEach(toParse::add);
            Codebase judged = toParse.size() == needed.size() ? part : codebase.restrictedTo(toParse, List.of(), part);
            Outcome outcome = suppress(judged, inAffected, ids(runnable));
            findings = new ArrayList<>(state.result().findings().stream().filter(f -> !again.test(f.file())).toList());
            outcome.findings().stream().filter(f -> again.test(f.file())).forEach(findings::add);
            suppressed = new ArrayList<>(state.result().suppressed().stream().filter(f -> !again.test(f.file()))
                    .toList());
            outcome.suppressed().stream().filter(f -> again.test(f.file())).forEach(suppressed::add);
            findings.sort(Finding.ORDER);
            suppressed.sort(Finding.ORDER);
        }
        long end = System.nanoTime();

        java.util.Set<Skipped> skipped = new java.util.LinkedHashSet<>();
        state.result().skipped().stream().filter(s -> !needed.contains(s.file()) && !changed.contains(s.file()))
                .forEach(skipped::add);
        skipped.addAll(notes);
        if (!wholeModule.isEmpty()) {
            skipped.addAll(codebase.skipped());
        }
        skipped.addAll(part.skipped());
        if (part.skipped().stream().anyMatch(s -> s.file().endsWith(".class"))) {
            // Class files that could not be read are noted for the whole directory at once.
            return Optional.empty();
        }
        List<Skipped> sortedSkipped = skipped.stream().sorted(Comparator.comparing(Skipped::file)
                .thenComparing(Skipped::reason)).toList();

        Timings.Incremental incremental = new Timings.Incremental(digests.size(), changed.size(), needed.size(),
                wholeModule.stream().map(r -> r.definition().id()).toList());
        Timings timings = new Timings(end - start, facetTimes, ruleTimes, end - suppressionStart, false, incremental);
        AnalysisResult result = new AnalysisResult(definitions(findings), findings, sortedSkipped, suppressed, timings);
        Map<String, Map<String, List<String>>> allFacts = new HashMap<>(state.facts());
        allFacts.keySet().retainAll(ids(runnable));
        allFacts.putAll(facts.byRule);
        return Optional.of(new Pass(result, byRule, allFacts, names));
    }

    /**
     * Builds each facet the runnable rules read, once and concurrently (the bytecode import while the
     * sources are parsed), and starts each rule as soon as the facets it reads are built, on a pool of
     * {@code parallelism} threads. A facet that fails to build is not retried here: the rules that read
     * it fail and are reported as skipped.
     */
    private Map<String, List<Finding>> runAll(Codebase codebase, List<Rule> runnable, Map<String, Long> facetTimes,
            Map<String, Long> ruleTimes, Facts facts) {
        java.util.Set<Facet> needed = java.util.EnumSet.noneOf(Facet.class);
        runnable.forEach(rule -> needed.addAll(rule.definition().facets()));
        if (parallelism == 1) {
            needed.forEach(facet -> prepare(codebase, facet, facetTimes));
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            runnable.forEach(rule -> byRule.put(rule.definition().id(), timed(rule, codebase, ruleTimes, facts)));
            return byRule;
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
                        .thenApplyAsync(ready -> timed(rule, codebase, ruleTimes, facts), pool));
            }
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            for (int i = 0; i < runnable.size(); i++) {
                byRule.put(runnable.get(i).definition().id(), results.get(i).get());
            }
            return byRule;
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
        times.merge(facet.name().toLowerCase(java.util.Locale.ROOT), System.nanoTime() - facetStart, Long::sum);
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

    private List<Finding> timed(Rule rule, Codebase codebase, Map<String, Long> times, Facts facts) {
        long ruleStart = System.nanoTime();
        try {
            return run(rule, codebase, facts);
        } finally {
            times.put(rule.definition().id(), System.nanoTime() - ruleStart);
        }
    }

    /**
     * The facts {@link ModuleFactsRule}s read, by rule id and file, and how an analysis combines the
     * facts just read with earlier ones before the rule judges them.
     */
    private static final class Facts {
        final Map<String, Map<String, List<String>>> byRule = new ConcurrentHashMap<>();
        private final java.util.function.BiFunction<String, Map<String, List<String>>, Map<String, List<String>>> merge;

        Facts(java.util.function.BiFunction<String, Map<String, List<String>>, Map<String, List<String>>> merge) {
            this.merge = merge;
        }

        static Facts asRead() {
            return new Facts((id, read) -> read);
        }

        java.util.SortedMap<String, List<String>> record(String ruleId, Map<String, List<String>> read) {
            java.util.SortedMap<String, List<String>> all = new java.util.TreeMap<>();
            merge.apply(ruleId, read).forEach((path, lines) -> all.put(path, List.copyOf(lines)));
            byRule.put(ruleId, all);
            return all;
        }
    }

    private List<Finding> run(Rule rule, Codebase codebase, Facts facts) {
        RuleDefinition definition = rule.definition();
        FindingCollector collector = new FindingCollector();
        try {
            if (rule instanceof ModuleFactsRule factsRule) {
                factsRule.judge(codebase, facts.record(definition.id(), factsRule.facts(codebase)), collector);
            } else {
                rule.check(codebase, collector);
            }
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
