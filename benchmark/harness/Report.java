import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the raw results of {@code benchmark/run.sh} ({@code <results>/<size>/results.properties},
 * the timings.json copies and the generator manifests) into {@code docs/benchmarks.md}.
 * Usage: {@code java Report.java <resultsDir> <markdownFile>}.
 */
public final class Report {

    private static final Pattern JSON_NUMBER = Pattern.compile("\"([a-z-]+)\"\\s*:\\s*([0-9.]+)");

    /** Targets from issue 8, for the 100k LOC service unless said otherwise. */
    private static final double TARGET_ANALYSIS_MS = 3000;
    private static final double TARGET_PMD_RATIO = 3;
    private static final double TARGET_RERUN_MS = 500;
    private static final double TARGET_1M_FACTOR = 12;

    private final Path results;
    private final Path analysis;
    private final StringBuilder md = new StringBuilder();

    private Report(Path results, Path analysis) {
        this.results = results;
        this.analysis = analysis;
    }

    /** {@code Report <results dir> <output .md> [<hand-written analysis .md, included after the targets>]} */
    public static void main(String[] args) throws IOException {
        Report report = new Report(Path.of(args[0]), args.length > 2 ? Path.of(args[2]) : null);
        String text = report.render();
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- one size's numbers

    private record Size(String name, Properties p, Path dir) {

        String get(String key) {
            return p.getProperty(key, "");
        }

        double num(String key) {
            String value = get(key).strip();
            return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
        }

        int runs() {
            return (int) num("runs");
        }

        /** The values of {@code <prefix>.<i>.<suffix>} for every run, skipping missing ones. */
        List<Double> series(String prefix, String suffix) {
            List<Double> values = new ArrayList<>();
            for (int i = 1; i <= runs(); i++) {
                double v = num(prefix + "." + i + "." + suffix);
                if (!Double.isNaN(v)) {
                    values.add(v);
                }
            }
            return values;
        }

        double median(String prefix, String suffix) {
            return Report.median(series(prefix, suffix));
        }

        /** The run whose analysis time is the median one, 1-based. */
        int medianRun(String prefix) {
            List<Double> values = series(prefix, "analysis");
            double median = Report.median(values);
            for (int i = 1; i <= runs(); i++) {
                if (num(prefix + "." + i + ".analysis") == median) {
                    return i;
                }
            }
            return 1;
        }

        Map<String, Double> timings(String file, String section) throws IOException {
            Path json = dir.resolve(file);
            Map<String, Double> values = new LinkedHashMap<>();
            if (!Files.exists(json)) {
                return values;
            }
            String text = Files.readString(json, StandardCharsets.UTF_8);
            int start = text.indexOf("\"" + section + "\"");
            if (start < 0) {
                return values;
            }
            String block = text.substring(text.indexOf('{', start), text.indexOf('}', start));
            Matcher m = JSON_NUMBER.matcher(block);
            while (m.find()) {
                values.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            return values;
        }

        double topLevel(String file, String key) throws IOException {
            Path json = dir.resolve(file);
            if (!Files.exists(json)) {
                return Double.NaN;
            }
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([0-9.]+)")
                    .matcher(Files.readString(json, StandardCharsets.UTF_8));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        Map<String, Double> prefixed(String prefix) {
            Map<String, Double> values = new LinkedHashMap<>();
            p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                    .forEach(k -> values.put(k.substring(prefix.length()), num(k)));
            return values;
        }
    }

    private List<Size> sizes() throws IOException {
        List<Size> sizes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(results)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve("results.properties");
                if (Files.exists(file)) {
                    sizes.add(new Size(dir.getFileName().toString(), load(file), dir));
                }
            }
        }
        sizes.sort(Comparator.comparingDouble(s -> s.num("javaLines")));
        return sizes;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    // ---------------------------------------------------------------- the document

    private String render() throws IOException {
        Properties machine = load(results.resolve("machine.properties"));
        List<Size> sizes = sizes();
        line("# Benchmarks");
        line("");
        line("Generated by `benchmark/run.sh` (see [How to run](#how-to-run)); every figure below comes from the run");
        line("named with it. The benchmark generates Spring-style services (bounded contexts with JPA entities,");
        line("Spring Data and JdbcTemplate repositories, services, REST controllers, record DTOs, mappers, events,");
        line("configuration classes, `application.yml` and Flyway migrations) with pitfalls planted at known rates,");
        line("compiles each once, then measures Archlint's `check` in real Maven runs and in-process, against");
        line("`pmd:check` with maven-pmd-plugin's default ruleset and a plain ArchUnit import of the same classes.");
        line("");
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| cores (`nproc`) | " + machine.getProperty("cores") + " |");
        line("| CPU | " + machine.getProperty("cpu") + " |");
        line("| RAM | " + machine.getProperty("ramGiB") + " GiB |");
        line("| OS | " + machine.getProperty("os") + " |");
        line("| JDK | " + machine.getProperty("jdk") + " |");
        line("| Maven | " + machine.getProperty("maven") + " (the repository's wrapper) |");
        line("");
        for (Size size : sizes) {
            sizeSection(size);
        }
        Size focus = sizes.stream().filter(s -> s.name().equals("100k")).findFirst()
                .orElse(sizes.isEmpty() ? null : sizes.get(sizes.size() - 1));
        if (focus != null) {
            breakdown(focus);
            Size largest = sizes.get(sizes.size() - 1);
            if (largest != focus) {
                breakdown(largest);
            }
            pitfalls(largest);
        }
        if (sizes.size() > 1) {
            scaling(sizes);
        }
        targets(sizes);
        if (analysis != null && Files.exists(analysis)) {
            // Written by hand from the figures above: why a target is not met and what would meet it.
            md.append(Files.readString(analysis, StandardCharsets.UTF_8).strip()).append("\n\n");
        }
        method();
        return md.toString();
    }

    private void sizeSection(Size s) {
        int runs = s.runs();
        line("## " + s.name() + " LOC");
        line("");
        String commit = s.get("commit").isBlank() ? "" : " at commit " + s.get("commit");
        line("Measured " + s.get("date") + commit + " with `" + s.get("command") + "` (" + runs + " Maven run" + (runs == 1 ? "" : "s")
                + " per row unless said"
                + " otherwise; medians, with the range in brackets). Load average before/after: " + s.get("load.before")
                + " / " + s.get("load.after") + ".");
        if (!s.get("mavenOpts").isBlank()) {
            line("");
            line("`MAVEN_OPTS=" + s.get("mavenOpts") + "` in every Maven run.");
        }
        if (!s.get("note").isBlank()) {
            line("");
            line("**" + s.get("note") + "**");
        }
        line("");
        line("| measure | value |");
        line("|---|---|");
        row("generated code", "%,.0f lines of Java (non-blank), %,.0f source types in %,.0f contexts, %,.0f class files",
                s.num("javaLines"), s.num("classes"), s.num("contexts"), s.num("classFiles"));
        if (!Double.isNaN(s.num("compile.wall"))) {
            row("compile once (`mvn compile`)", "%.1f s wall", s.num("compile.wall"));
        }
        row("Maven without work (`validate`)", "%.1f s wall", s.median("noop", "wall"));
        row("**Archlint `check`, cold** (cache off): Maven wall", "%s", range(s.series("archlint", "wall"), "s"));
        row("… Archlint's analysis (`timings.json` `totalMillis`)", "%s", range(s.series("archlint", "analysis"), "ms"));
        long failed = s.series("archlint", "status").stream().filter(v -> v != 0).count();
        if (failed > 0) {
            row("… **runs that failed**", "%d of %d (see archlint-<run>.log in the results)", failed, runs);
        }
        row("… CPU time of the Maven process (user+sys)", "%.1f s", s.median("archlint", "cpu"));
        row("… peak RSS of the Maven process", "%.0f MB", max(s.series("archlint", "rss")) / 1024);
        row("… peak heap in use (largest before-GC occupancy in the GC log)", "%.0f MB", max(s.series("archlint", "heap")));
        row("… findings", "%.0f", s.num("findings"));
        boolean xmxPassed = s.get("xmx512.status").equals("0");
        row("Archlint `check` with `MAVEN_OPTS=-Xmx512m`", "%s", s.get("xmx512.status").isEmpty()
                ? "not run (skipped above 500k LOC; `XMX_ALL=1` runs it)" : xmxPassed
                ? String.format(Locale.ROOT, "passed: %.1f s wall, analysis %.0f ms, peak heap in use %.0f MB",
                        s.num("xmx512.wall"), s.num("xmx512.analysis"), s.num("xmx512.heap"))
                : s.get("xmx512.status").equals("124") ? "**failed**: not done after the time limit (`XMX_TIMEOUT`)"
                : "**failed** (exit status " + s.get("xmx512.status") + ", see the run's xmx512m.log)");
        row("**Archlint `check`, unchanged re-run** (cache on): Maven wall", "%s", range(s.series("rerun", "wall"), "s"));
        row("… Archlint's analysis (input digest + cache read)", "%s, cached: %s",
                range(s.series("rerun", "analysis"), "ms"), s.get("rerun.1.cached"));
        if (!s.series("onefile", "wall").isEmpty()) {
            row("**Archlint `check`, one-file change** (a method added to `" + s.get("onefile.file").replaceAll(".*/", "")
                    + "`, module recompiled; cache on): Maven wall", "%s", range(s.series("onefile", "wall"), "s"));
            String reach = s.get("onefile.1.analysed").isEmpty()
                    ? "the whole module analysed again (measured before the analysis was incremental)"
                    : "incremental: " + s.get("onefile.1.changed") + " of " + s.get("onefile.1.files")
                            + " Java files changed, " + s.get("onefile.1.analysed") + " analysed again by the "
                            + "file-scoped rules and the facts of module-wide rules; rules that read the whole "
                            + "module's sources: " + s.get("onefile.1.wholeModuleRules");
            row("… Archlint's analysis", "%s, cached: %s; %s",
                    range(s.series("onefile", "analysis"), "ms"), s.get("onefile.1.cached"), reach);
        }
        if (!s.series("c1", "wall").isEmpty()) {
            row("**Archlint `check`, cold, JIT limited to C1** (`MAVEN_OPTS=-XX:TieredStopAtLevel=1`): Maven wall", "%s",
                    range(s.series("c1", "wall"), "s"));
            row("… Archlint's analysis / CPU time of the Maven process", "%s / %.1f s",
                    range(s.series("c1", "analysis"), "ms"), s.median("c1", "cpu"));
            row("… `pmd:check` with the same option: Maven wall / CPU", "%s / %.1f s", range(s.series("pmdc1", "wall"), "s"),
                    s.median("pmdc1", "cpu"));
            double noop = s.median("noop", "wall");
            row("… ratio PMD / Archlint, goal time, both with C1 only", "%.2f×",
                    (s.median("pmdc1", "wall") - noop) / (s.median("c1", "wall") - noop));
        }
        row("**Archlint in-process, warm** (" + s.get("warm.runs") + " runs in one JVM, " + s.get("warm.threads")
                + " threads)", "first %s ms, best %s ms, median %s ms", s.get("warm.first.ms"), s.get("warm.best.ms"),
                s.get("warm.median.ms"));
        row("**`pmd:check`** (default ruleset, analysis cache off): Maven wall", "%s", range(s.series("pmd", "wall"), "s"));
        row("… PMD's own wall clock (`-Dpmd.benchmark=true`, one extra run)", "%.0f ms", s.num("pmdbench.analysis"));
        row("… CPU time of the Maven process (user+sys)", "%.1f s", s.median("pmd", "cpu"));
        row("… peak RSS / peak heap in use", "%.0f MB / %.0f MB", max(s.series("pmd", "rss")) / 1024,
                max(s.series("pmd", "heap")));
        row("… violations (PMD " + s.get("pmd.version") + ")", "%s", s.get("pmd.violations"));
        row("**ArchUnit import** of `target/classes` (" + s.get("archunit.classes") + " classes, in one JVM)",
                "first %s ms, best %s ms", s.get("archunit.first.ms"), s.get("archunit.best.ms"));
        Ratios r = ratios(s);
        row("**ratio PMD / Archlint**, Maven wall", "%.2f×", r.wall);
        row("… goal time (Maven wall minus the `validate` run)", "%.2f×", r.goal);
        row("… analysis only (PMD's wall clock / Archlint's `totalMillis`)", "%.2f×", r.analysis);
        row("ratio Archlint cold analysis / ArchUnit import (first)", "%.2f×",
                s.median("archlint", "analysis") / s.num("archunit.first.ms"));
        line("");
    }

    private record Ratios(double wall, double goal, double analysis) {}

    private static Ratios ratios(Size s) {
        double noop = s.median("noop", "wall");
        double archlint = s.median("archlint", "wall");
        double pmd = s.median("pmd", "wall");
        return new Ratios(pmd / archlint, (pmd - noop) / (archlint - noop),
                s.num("pmdbench.analysis") / s.median("archlint", "analysis"));
    }

    private void breakdown(Size s) throws IOException {
        int run = s.medianRun("archlint");
        String file = "timings-cold-" + run + ".json";
        Map<String, Double> facets = s.timings(file, "facets");
        Map<String, Double> rules = s.timings(file, "rules");
        Map<String, Double> warmFacets = s.prefixed("warm.facet.");
        Map<String, Double> warmRules = s.prefixed("warm.rule.");
        line("## Where the time goes (" + s.name() + " LOC)");
        line("");
        line("From the median cold Maven run's `timings.json` (run " + run + ") and the median warm in-process run."
                + " Facets are built once and concurrently (the bytecode import while the sources are parsed), and each"
                + " rule starts when the facets it reads are built; facets, rules and JIT compilation share the two cores,"
                + " so the times overlap and add up to more than the total.");
        line("");
        line("| facet | cold, ms | warm, ms |");
        line("|---|---:|---:|");
        facets.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line(String.format(Locale.ROOT, "| %s | %.1f | %s |", e.getKey(), e.getValue(),
                        fmt(warmFacets.get(e.getKey())))));
        line(String.format(Locale.ROOT, "| suppressions (step) | %.1f | %s |",
                s.topLevel(file, "suppressionsMillis"),
                fmt(s.num("warm.suppressions.ms"))));
        line("");
        double total = s.topLevel(file, "totalMillis");
        double facetSum = facets.values().stream().mapToDouble(Double::doubleValue).sum();
        facets.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> line(String.format(Locale.ROOT,
                "The facets' times add up to %.0f%% of this run's %.0f ms (they overlap); the largest is `%s` (%.0f%%). The warm"
                        + " in-process median (%s ms) is %.0f%% of the cold median analysis: the difference is mostly"
                        + " JIT compilation and class loading, which compete with the analysis for the cores (and machine load).",
                100 * facetSum / total, total, top.getKey(), 100 * top.getValue() / total, s.get("warm.median.ms"),
                100 * s.num("warm.median.ms") / s.median("archlint", "analysis"))));
        line("");
        double ruleSum = rules.values().stream().mapToDouble(Double::doubleValue).sum();
        line(String.format(Locale.ROOT, "Top 10 of %d rules (all rules together: %.0f ms of thread time, cold):",
                rules.size(), ruleSum));
        line("");
        line("| rule | cold, ms | warm, ms |");
        line("|---|---:|---:|");
        rules.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> line(String.format(Locale.ROOT, "| `%s` | %.1f | %s |", e.getKey(), e.getValue(),
                        fmt(warmRules.get(e.getKey())))));
        line("");
    }

    private void pitfalls(Size s) throws IOException {
        Path manifest = s.dir().resolve("benchmark-manifest.json");
        if (!Files.exists(manifest)) {
            return;
        }
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"([a-z-]+)\": \\{\"oneIn\": (\\d+), \"eligible\": (\\d+), \"planted\": (\\d+)\\}")
                .matcher(text);
        Map<String, Double> found = s.prefixed("finding.");
        line("## Planted pitfalls and findings (" + s.name() + " LOC)");
        line("");
        line("The generator plants each pitfall in one of N eligible elements (fixed seed); Archlint's findings per rule:");
        line("");
        line("| rule | rate | planted | found |");
        line("|---|---|---:|---:|");
        java.util.Set<String> planted = new java.util.HashSet<>();
        while (m.find()) {
            planted.add(m.group(1));
            line(String.format(Locale.ROOT, "| `%s` | 1 in %s of %s | %s | %s |", m.group(1), m.group(2), m.group(3),
                    m.group(4), fmt(found.getOrDefault(m.group(1), 0.0))));
        }
        found.forEach((rule, count) -> {
            if (!planted.contains(rule)) {
                line(String.format(Locale.ROOT, "| `%s` | not planted | – | %.0f |", rule, count));
            }
        });
        line("");
        if (found.containsKey("missing-idempotency-key") || found.containsKey("no-authentication")) {
            line("Not planted but found: `missing-idempotency-key` on the POST endpoints of aggregates named with money"
                    + " words (Invoice, Subscription, Voucher…), and `no-authentication` once for the module (the generated"
                    + " service has no security framework). Both are what those rules are meant to report.");
            line("");
        }
    }

    private void scaling(List<Size> sizes) {
        line("## Scaling");
        line("");
        line("| size | Java LOC | classes | Archlint cold analysis, ms | per 1k LOC, ms | Archlint Maven wall, s | PMD Maven wall, s | ArchUnit import first, ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Size s : sizes) {
            double analysis = s.median("archlint", "analysis");
            line(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f | %.1f | %.1f | %.1f | %s |", s.name(),
                    s.num("javaLines"), s.num("classes"), analysis, analysis / (s.num("javaLines") / 1000),
                    s.median("archlint", "wall"), s.median("pmd", "wall"), s.get("archunit.first.ms")));
        }
        line("");
    }

    private void targets(List<Size> sizes) {
        Size k100 = sizes.stream().filter(s -> s.name().equals("100k")).findFirst().orElse(null);
        Size m1 = sizes.stream().filter(s -> s.name().equals("1m")).findFirst().orElse(null);
        line("## Targets");
        line("");
        line("| target | figure | met? |");
        line("|---|---|---|");
        if (k100 == null) {
            line("| (the targets are stated for the 100k LOC service; run `benchmark/run.sh 100k`) | | |");
        } else {
            String cores = "(" + k100.get("warm.threads") + " cores)";
            double analysis = k100.median("archlint", "analysis");
            target("100k LOC: analysis ≤ 3 s wall on 2 cores", String.format(Locale.ROOT,
                    "%.0f ms cold analysis, median %s; warm in-process median %s ms", analysis, cores,
                    k100.get("warm.median.ms")), analysis <= TARGET_ANALYSIS_MS);
            Ratios r = ratios(k100);
            target("100k LOC: ≥ 3× faster than `pmd:check` (default ruleset)", String.format(Locale.ROOT,
                    "%.2f× by goal time (Maven wall minus `validate`), %.2f× by Maven wall, %.2f× analysis only",
                    r.goal, r.wall, r.analysis), r.goal >= TARGET_PMD_RATIO);
            boolean xmx = k100.get("xmx512.status").equals("0");
            target("100k LOC: peak heap ≤ 512 MB (`-Xmx512m` run)", String.format(Locale.ROOT,
                    "`-Xmx512m` run %s; peak heap in use %.0f MB there, %.0f MB without the limit", xmx ? "passed" : "failed",
                    k100.num("xmx512.heap"), max(k100.series("archlint", "heap"))), xmx);
            if (!k100.series("onefile", "analysis").isEmpty()) {
                double onefile = k100.median("onefile", "analysis");
                target("100k LOC: a one-file change re-analyses about one file (here: ≤ 10% of the cold analysis)",
                        String.format(Locale.ROOT, "%.0f ms after a one-file change vs %.0f ms cold (cached: %s)",
                                onefile, analysis, k100.get("onefile.1.cached")), onefile <= 0.1 * analysis);
            }
            double rerun = k100.median("rerun", "analysis");
            target("100k LOC: unchanged re-run ≤ 0.5 s of analysis", String.format(Locale.ROOT,
                    "%.0f ms (cached: %s), Maven wall %.1f s", rerun, k100.get("rerun.1.cached"),
                    k100.median("rerun", "wall")), rerun <= TARGET_RERUN_MS);
        }
        if (k100 != null && m1 != null) {
            double factor = m1.median("archlint", "analysis") / k100.median("archlint", "analysis");
            target("1M LOC ≤ 12× the 100k figure", String.format(Locale.ROOT, "%.1f× (%.0f ms vs %.0f ms cold analysis)",
                    factor, m1.median("archlint", "analysis"), k100.median("archlint", "analysis")),
                    factor <= TARGET_1M_FACTOR);
        } else {
            line("| 1M LOC ≤ 12× the 100k figure | not measured in this run (`benchmark/run.sh 100k 1m`) | – |");
        }
        line("");
    }

    private void target(String target, String figure, boolean met) {
        line("| " + target + " | " + figure + " | " + (met ? "met" : "**not met**") + " |");
    }

    private void method() {
        line("## How to run");
        line("");
        line("```bash");
        line("benchmark/run.sh                 # 10k, 100k and 1m; or name sizes: benchmark/run.sh 10k 100k");
        line("```");
        line("");
        line("It installs Archlint (`./mvnw install -DskipTests`), generates each service under `benchmark/target/projects/`"
                + " (`java benchmark/generator/Generator.java <size> <dir>`, deterministic), compiles it once, measures, and"
                + " rewrites this file from the raw results in `benchmark/target/results/` (kept for sizes measured earlier,"
                + " each with its own date and command). It is not part of the build or the test run. Knobs: `RUNS`"
                + " (Maven runs per measurement, 3), `WARM_RUNS` (10, 3 above 500k LOC), `ARCHUNIT_RUNS` (5), `BENCH_NOTE` (a remark"
                + " printed with the results), `SKIP_BUILD=1`, `XMX_TIMEOUT`, `XMX_ALL=1`, and `MAVEN_OPTS`, kept in every"
                + " Maven run. PMD's artifacts are downloaded on the first run; everything else runs offline. All three"
                + " sizes take about half an hour on 2 cores; the 1m service needs about 6 GB of heap (the JVM's default"
                + " maximum is a quarter of the RAM: set `MAVEN_OPTS=-Xmx8g` below 24 GB). Archlint is installed into"
                + " `benchmark/target/m2`, chained in front of the local repository, so the runs measure this checkout."
                + " `java benchmark/harness/Report.java benchmark/target/results docs/benchmarks.md benchmark/analysis.md`"
                + " renders this file again without measuring; the section on why targets are not met is written by hand"
                + " in `benchmark/analysis.md` and included as it is.");
        line("");
        line("How each figure is taken:");
        line("");
        line("- Maven runs use the repository's wrapper with `-o -B` on the generated project, invoking the goals by their"
                + " coordinates, so nothing else of the lifecycle runs. Wall, CPU (user+sys) and peak RSS come from"
                + " `/usr/bin/time` and cover the whole Maven JVM (start-up, project loading, dependency resolution, the"
                + " goal, report writing); the `validate` row shows what Maven costs without any goal. Peak heap in use is"
                + " the largest before-collection occupancy in the JVM's GC log (`-Xlog:gc`).");
        line("- Cold Archlint: `-Darchlint.cache=false -Darchlint.timings=true`, so every run parses and imports everything;"
                + " the analysis time is `totalMillis` of `target/archlint/timings.json` (facets, rules, suppressions;"
                + " without Maven and report writing). One unmeasured run of each goal comes first.");
        line("- Unchanged re-run: the cache is cleared, one run fills it, then " + "the measured runs find it (`cached: true`);"
                + " their analysis time is the digest of the inputs plus reading the cached result.");
        line("- Warm in-process: `benchmark/harness/WarmArchlint.java` builds a new `Codebase` per run the way the plugin"
                + " does (sources, resources, classes, release 17, UTF-8) with a flat dependency graph from"
                + " `dependency:list`, and runs `Analyzer` with every built-in rule; only the JIT and class loading are warm.");
        line("- PMD: `pmd:check` (it runs `pmd:pmd` first, which writes `target/pmd.xml` and its site page) with the"
                + " plugin's default ruleset, `-Dpmd.analysisCache=false` so no run reuses an earlier one (fair against a"
                + " cold Archlint), `-Dpmd.failOnViolation=false`. An extra run with `-Dpmd.benchmark=true` gives PMD's own"
                + " wall clock from `target/pmd-benchmark.txt`.");
        line("- ArchUnit: `benchmark/harness/ArchUnitImport.java`, `new ClassFileImporter().importPath(target/classes)`"
                + " repeated in one JVM; Archlint's `classes` facet is this import plus its indexes.");
        line("- The generated code has about 40 lines per source type (many small DTOs, events and enums, as in real"
                + " Spring services), so a 100k LOC service has about 2,500 types, more than the ~1,000 classes the targets"
                + " assumed; the `classes` facet and the per-class rules see correspondingly more work.");
    }

    // ---------------------------------------------------------------- formatting

    private void row(String measure, String format, Object... args) {
        line("| " + measure + " | " + String.format(Locale.ROOT, format, args) + " |");
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private static String range(List<Double> values, String unit) {
        if (values.isEmpty()) {
            return "–";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = max(values);
        String pattern = unit.equals("ms") ? "%.0f" : "%.1f";
        String median = String.format(Locale.ROOT, pattern, median(values));
        return values.size() == 1 ? median + " " + unit
                : median + " " + unit + " [" + String.format(Locale.ROOT, pattern, min) + "–"
                        + String.format(Locale.ROOT, pattern, max) + "]";
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String fmt(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
