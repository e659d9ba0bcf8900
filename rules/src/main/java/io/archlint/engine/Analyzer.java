package io.archlint.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public AnalysisResult analyze(Codebase codebase) {
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

        List<List<Finding>> perRule = runAll(codebase, runnable);
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
        List<RuleDefinition> definitions = new ArrayList<>(rules.stream().map(Rule::definition).toList());
        if (!unused.isEmpty()) {
            definitions.add(Suppressions.UNUSED_SUPPRESSION);
        }
        return new AnalysisResult(definitions, findings, codebase.skipped(), suppressed);
    }

    private List<List<Finding>> runAll(Codebase codebase, List<Rule> runnable) {
        if (parallelism == 1 || runnable.size() < 2) {
            return runnable.stream().map(rule -> run(rule, codebase)).toList();
        }
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(() -> runnable.parallelStream().map(rule -> run(rule, codebase)).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running rules", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("running rules failed", e.getCause());
        } finally {
            pool.shutdown();
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
