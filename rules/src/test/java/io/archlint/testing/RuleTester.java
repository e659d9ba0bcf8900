package io.archlint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Analyzer;
import io.archlint.engine.Codebase;
import io.archlint.engine.Finding;
import io.archlint.engine.Rule;
import io.archlint.engine.Skipped;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.DependencyGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one rule on a small project written in the test.
 *
 * <p>Java sources mark the findings they expect with a comment line
 * {@code // violation: <message fragment>} directly above the offending line, the way Error
 * Prone's {@code // BUG: Diagnostic contains:} works. {@link #expectMarkedFindings()} fails on a
 * finding without a marker and on a marker without a finding.
 */
public final class RuleTester {

    private static final Pattern MARKER = Pattern.compile("^\\s*// violation: (.+)$");
    private static final Path WORK = Path.of("target", "rule-tests");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Rule rule;
    private final Map<String, String> files = new LinkedHashMap<>();
    private DependencyGraph dependencies = DependencyGraph.builder(new Artifact("com.acme", "app", "1.0")).build();
    private boolean compile;
    private final Map<String, Map<String, String>> ownDependencies = new LinkedHashMap<>();
    private boolean ownDependencyJars;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private AnalysisResult result;

    private RuleTester(Rule rule) {
        this.rule = rule;
    }

    public static RuleTester of(Rule rule) {
        return new RuleTester(rule);
    }

    /** A Java source under {@code src/main/java}; {@code path} is relative to that root. */
    public RuleTester java(String path, String text) {
        files.put("src/main/java/" + path, text);
        return this;
    }

    /** Any file, relative to the module base directory. */
    public RuleTester file(String path, String text) {
        files.put(path, text);
        return this;
    }

    public RuleTester dependencies(DependencyGraph graph) {
        this.dependencies = graph;
        return this;
    }

    /** Sets one of the rule's parameters, as a user would in the plugin configuration. */
    public RuleTester parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /**
     * A Java source of a dependency from the module's own group (another module of the build),
     * compiled against the framework stubs; {@code path} is relative to its source root.
     */
    public RuleTester ownDependency(String coordinates, String path, String text) {
        ownDependencies.computeIfAbsent(coordinates, k -> new LinkedHashMap<>()).put(path, text);
        return this;
    }

    /** Gives the own-group dependencies as jars, the way they come from the local repository. */
    public RuleTester ownDependencyJars() {
        this.ownDependencyJars = true;
        return this;
    }

    /** Compiles the Java sources (against the framework stubs) so bytecode rules see them. */
    public RuleTester compiled() {
        this.compile = true;
        return this;
    }

    public AnalysisResult analyze() {
        if (result != null) {
            return result;
        }
        try {
            Path base = Files.createDirectories(WORK).toAbsolutePath()
                    .resolve(rule.definition().id() + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = base.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            Path sources = base.resolve("src/main/java");
            Path classes = base.resolve("target/classes");
            if (compile) {
                FixtureCompiler.compile(sources, classes);
            }
            Codebase.Builder builder = Codebase.builder(base);
            for (Map.Entry<String, Map<String, String>> dependency : ownDependencies.entrySet()) {
                builder.ownDependency(dependency.getKey(), ownDependency(base, dependency.getKey(), dependency.getValue()));
            }
            Codebase codebase = builder
                    .moduleName("fixture")
                    .sourceRoot(sources)
                    .resourceRoot(base.resolve("src/main/resources"))
                    .classesDir(classes)
                    .dependencies(dependencies)
                    .parallelism(2)
                    .ruleParameters(rule.definition().id(), parameters)
                    .build();
            result = new Analyzer(List.of(rule), Map.of(), 1).analyze(codebase);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path ownDependency(Path base, String coordinates, Map<String, String> sources) throws IOException {
        Path root = base.resolve("own-dependencies").resolve(coordinates.replace(':', '_'));
        for (Map.Entry<String, String> file : sources.entrySet()) {
            Path target = root.resolve("src").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        Path classes = root.resolve("classes");
        FixtureCompiler.compile(root.resolve("src"), classes);
        if (!ownDependencyJars) {
            return classes;
        }
        Path jar = root.resolve("dependency.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                java.util.stream.Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    public List<Finding> findings() {
        return analyze().findings();
    }

    public List<Skipped> skipped() {
        return analyze().skipped();
    }

    /** Asserts that the findings are exactly the marked ones: same file, line and message fragment. */
    public void expectMarkedFindings() {
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".java")) {
                continue;
            }
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher marker = MARKER.matcher(lines[i]);
                if (marker.matches()) {
                    expected.add(file.getKey() + ":" + (i + 2) + " " + marker.group(1).strip());
                }
            }
        }
        List<Finding> findings = findings();
        List<String> unmatched = new ArrayList<>(expected);
        List<String> unexpected = new ArrayList<>();
        for (Finding finding : findings) {
            String where = finding.file() + ":" + finding.line() + " ";
            String match = unmatched.stream()
                    .filter(e -> e.startsWith(where) && finding.message().contains(e.substring(where.length())))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                unexpected.add(finding.file() + ":" + finding.line() + ":" + finding.column() + " " + finding.message());
            } else {
                unmatched.remove(match);
            }
        }
        assertThat(skipped()).as("skipped input").isEmpty();
        assertThat(unexpected).as("findings without a marker").isEmpty();
        assertThat(unmatched).as("markers without a finding").isEmpty();
    }

    /** Asserts the project gives no finding at all. */
    public void expectNoFindings() {
        assertThat(skipped()).as("skipped input").isEmpty();
        assertThat(findings()).as("findings").isEmpty();
    }
}
