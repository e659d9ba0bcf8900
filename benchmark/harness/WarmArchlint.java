import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Analyzer;
import io.archlint.engine.Codebase;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Timings;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Archlint's analysis in one JVM, repeated: what a warm daemon or IDE integration would see.
 *
 * <p>Usage: {@code java -cp <archlint-rules and its dependencies> WarmArchlint.java <projectDir> <runs>
 * <threads> [dependency-list file]}. The codebase is described the way the Maven plugin describes a
 * module (src/main/java, src/main/resources, target/classes, release 17, UTF-8); the dependency graph
 * is read from {@code mvn dependency:list} output, flat (every artifact as a direct dependency, no
 * pom positions). Without that file, the rules that need the graph are skipped. Every run builds a
 * new {@link Codebase}, so facets are built again; only the JIT and the class loading stay warm.
 * Prints {@code key=value} lines: the times of every run and the facet and rule times of the median run.
 */
public final class WarmArchlint {

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        DependencyGraph graph = args.length > 3 ? readGraph(Path.of(args[3])) : null;
        List<Long> totals = new ArrayList<>();
        List<Timings> timings = new ArrayList<>();
        int findings = -1;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Codebase codebase = Codebase.builder(project)
                    .moduleName("shop-service")
                    .sourceRoot(project.resolve("src/main/java"))
                    .resourceRoot(project.resolve("src/main/resources"))
                    .classesDir(project.resolve("target/classes"))
                    .javaRelease(17)
                    .encoding(StandardCharsets.UTF_8)
                    .parallelism(threads)
                    .dependencies(graph)
                    .build();
            AnalysisResult result = new Analyzer(RuleRegistry.builtIn(), Map.of(), threads).analyze(codebase);
            totals.add(System.nanoTime() - start);
            timings.add(result.timings());
            findings = result.findings().size();
            System.err.printf(Locale.ROOT, "warm run %d: %.0f ms, %d findings%n", run + 1,
                    totals.get(run) / 1e6, findings);
        }
        List<Long> sorted = new ArrayList<>(totals);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        Timings medianTimings = timings.get(totals.indexOf(median));
        StringBuilder out = new StringBuilder();
        out.append("warm.runs=").append(runs).append('\n');
        out.append("warm.threads=").append(threads).append('\n');
        out.append("warm.dependencies=").append(graph != null).append('\n');
        out.append("warm.findings=").append(findings).append('\n');
        out.append("warm.first.ms=").append(ms(totals.get(0))).append('\n');
        out.append("warm.best.ms=").append(ms(sorted.get(0))).append('\n');
        out.append("warm.median.ms=").append(ms(median)).append('\n');
        out.append("warm.all.ms=").append(String.join(" ", totals.stream().map(WarmArchlint::ms).toList())).append('\n');
        medianTimings.facetsByName().forEach((k, v) -> out.append("warm.facet.").append(k).append('=').append(ms(v)).append('\n'));
        medianTimings.rulesById().forEach((k, v) -> out.append("warm.rule.").append(k).append('=').append(ms(v)).append('\n'));
        out.append("warm.suppressions.ms=").append(ms(medianTimings.suppressionNanos())).append('\n');
        System.out.print(out);
    }

    /** {@code mvn dependency:list} lines: {@code group:artifact:type[:classifier]:version:scope}. */
    private static DependencyGraph readGraph(Path list) throws IOException {
        DependencyGraph.Builder builder = DependencyGraph.builder(new Artifact("com.acme.bench", "shop-service", "1.0.0-SNAPSHOT"));
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String[] token = line.strip().split("\\s+")[0].split(":");
            if (token.length != 5 && token.length != 6) {
                continue;
            }
            Artifact artifact = new Artifact(token[0], token[1], token[token.length - 2]);
            builder.add(new Dependency(artifact, token[token.length - 1], false, List.of(artifact), null));
        }
        return builder.build();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
