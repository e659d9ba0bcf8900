package io.archlint.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.archlint.engine.bytecode.ClassesFacet;
import io.archlint.engine.config.ConfigFacet;
import io.archlint.engine.config.ConfigReader;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.engine.migrations.MigrationsFacet;
import io.archlint.engine.migrations.MigrationsReader;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.SourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One module as the rules see it: its facets, each built once and only when a rule asks.
 *
 * <p>Thread-safe: rules may read facets concurrently.
 */
public final class Codebase {

    private final String moduleName;
    private final Path baseDir;
    private final List<Path> sourceRoots;
    private final List<Path> resourceRoots;
    private final Path classesDir;
    private final int javaRelease;
    private final Charset encoding;
    private final int parallelism;
    private final DependencyGraph dependencyGraph;
    private final Stereotypes stereotypes;
    private final Map<String, Map<String, String>> ruleParameters;
    private final Map<String, Path> ownDependencies;
    private final Set<Skipped> skipped = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, String> sourcePaths = new java.util.concurrent.ConcurrentHashMap<>();

    private final Lazy<SourceFacet> sources;
    private final Lazy<ClassesFacet> classes;
    private final Lazy<ConfigFacet> config;
    private final Lazy<MigrationsFacet> migrations;
    private final Lazy<JavaClasses> ownDependencyClasses;
    /** For a restricted codebase: the Java files it holds, by path; null for the whole module. */
    private final Set<String> onlySources;
    /** For a restricted codebase: the class files it imports; null for the whole classes directory. */
    private final List<Path> onlyClassFiles;

    private Codebase(Builder builder) {
        this(builder, null, null, null);
    }

    private Codebase(Builder builder, Codebase whole, Set<String> onlySources, List<Path> onlyClassFiles) {
        this.moduleName = builder.moduleName;
        this.baseDir = builder.baseDir.toAbsolutePath().normalize();
        this.sourceRoots = List.copyOf(builder.sourceRoots);
        this.resourceRoots = List.copyOf(builder.resourceRoots);
        this.classesDir = builder.classesDir;
        this.javaRelease = builder.javaRelease;
        this.encoding = builder.encoding;
        this.parallelism = builder.parallelism;
        this.dependencyGraph = builder.dependencies;
        this.stereotypes = builder.stereotypes;
        this.ruleParameters = Map.copyOf(builder.ruleParameters);
        this.ownDependencies = Collections.unmodifiableMap(new java.util.TreeMap<>(builder.ownDependencies));
        this.onlySources = onlySources == null ? null : Set.copyOf(onlySources);
        this.onlyClassFiles = onlyClassFiles == null ? null : List.copyOf(onlyClassFiles);
        this.sources = new Lazy<>(() -> parseSources(whole));
        this.classes = new Lazy<>(this::importClasses);
        this.config = new Lazy<>(() -> new ConfigReader(this::relativize, skipped::add).read(resourceRoots));
        this.migrations = new Lazy<>(() -> new MigrationsReader(this.baseDir, this::relativize, skipped::add)
                .read(resourceRoots, config()));
        this.ownDependencyClasses = whole != null ? whole.ownDependencyClasses : new Lazy<>(this::importOwnDependencies);
    }

    private SourceFacet parseSources(Codebase whole) {
        if (onlySources == null) {
            return parser().parse(sourceRoots);
        }
        SourceFacet parsed = whole == null ? null : whole.sources.peek();
        if (parsed == null) {
            return parser().parse(sourceRoots, onlySources::contains);
        }
        // Take the trees the codebase this one was made from has parsed already; parse the rest.
        List<SourceFile> files = new ArrayList<>(parsed.files().stream().filter(f -> onlySources.contains(f.path()))
                .toList());
        Set<String> have = new java.util.HashSet<>();
        files.forEach(f -> have.add(f.path()));
        Set<String> missing = new java.util.HashSet<>(onlySources);
        missing.removeAll(have);
        if (whole.onlySources == null) {
            // The whole module was parsed: what is missing did not parse and was noted already.
            missing.clear();
        } else {
            missing.removeAll(whole.onlySources);
        }
        if (!missing.isEmpty()) {
            files.addAll(parser().parse(sourceRoots, missing::contains).files());
        }
        files.sort(java.util.Comparator.comparing(SourceFile::path));
        return new SourceFacet(files);
    }

    private SourceParser parser() {
        return new SourceParser(javaRelease, encoding, parallelism, this::relativize, skipped::add);
    }

    /**
     * The same module limited to some of its Java files and the class files compiled from them, for
     * an incremental analysis: configuration, dependencies, migrations and parameters are the whole
     * module's. Where the whole module's sources are parsed already, their trees are used again.
     *
     * @param sourcePaths Java files by path relative to the module, as {@link SourceFile#path()} gives it
     * @param classFiles  the class files to import
     */
    public Codebase restrictedTo(Set<String> sourcePaths, List<Path> classFiles) {
        return restrictedTo(sourcePaths, classFiles, this);
    }

    /**
     * The same, taking parsed trees from {@code parsedBy} (a codebase restricted earlier) where it
     * has them.
     */
    public Codebase restrictedTo(Set<String> sourcePaths, List<Path> classFiles, Codebase parsedBy) {
        Builder builder = new Builder(baseDir).moduleName(moduleName).classesDir(classesDir).javaRelease(javaRelease)
                .encoding(encoding).parallelism(parallelism).dependencies(dependencyGraph).stereotypes(stereotypes);
        sourceRoots.forEach(builder::sourceRoot);
        resourceRoots.forEach(builder::resourceRoot);
        builder.ruleParameters.putAll(ruleParameters);
        builder.ownDependencies.putAll(ownDependencies);
        return new Codebase(builder, parsedBy, sourcePaths, classFiles);
    }

    /**
     * The module's Java files with the digest of each and of the class files compiled from it, read
     * without parsing: what an incremental analysis compares with the last one.
     */
    public io.archlint.engine.cache.SourceIndex sourceIndex() {
        return sourceIndex(Map.of());
    }

    /** The same, reusing the digests of files whose stamps have not changed since the last run. */
    public io.archlint.engine.cache.SourceIndex sourceIndex(Map<String, io.archlint.engine.cache.SourceIndex.Known> known) {
        List<Path> others = new ArrayList<>();
        Map<Path, java.nio.file.attribute.BasicFileAttributes> attributes = new java.util.HashMap<>();
        List<Path> javaFiles = io.archlint.engine.source.JavaFiles.list(sourceRoots, others, this::relativize,
                attributes);
        return io.archlint.engine.cache.SourceIndex.build(javaFiles, attributes, others, sourceRoots, classesDir,
                this::relativize, known);
    }

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    public String moduleName() {
        return moduleName;
    }

    public Path baseDir() {
        return baseDir;
    }

    public SourceFacet sources() {
        return sources.get();
    }

    public ConfigFacet config() {
        return config.get();
    }

    /** The Flyway and Liquibase migrations; empty when the module has none. */
    public MigrationsFacet migrations() {
        return migrations.get();
    }

    /** The migrations facet if a rule has had it built, so the engine can look at it without building it. */
    Optional<MigrationsFacet> migrationsIfRead() {
        return Optional.ofNullable(migrations.peek());
    }

    public Stereotypes stereotypes() {
        return stereotypes;
    }

    /**
     * A rule's parameter: the user's value, or the default its {@link RuleInfo} declares.
     *
     * @throws IllegalArgumentException when the rule declares no such parameter (a programming error)
     */
    public String parameter(Rule rule, String name) {
        RuleDefinition definition = rule.definition();
        RuleDefinition.Parameter parameter = definition.parameter(name).orElseThrow(() ->
                new IllegalArgumentException(definition.id() + " declares no parameter " + name));
        return ruleParameters.getOrDefault(definition.id(), Map.of()).getOrDefault(name, parameter.defaultValue());
    }

    /** An integer parameter; the plugin validates user values before the analysis starts. */
    public int intParameter(Rule rule, String name) {
        return Integer.parseInt(parameter(rule, name).strip());
    }

    /** The dependency graph; call only when {@link #unavailable(Facet)} is empty for it. */
    public DependencyGraph dependencies() {
        if (dependencyGraph == null) {
            throw new IllegalStateException("no dependency graph was given for " + moduleName);
        }
        return dependencyGraph;
    }

    /**
     * The module's dependencies from its own group ({@code groupId:artifactId:version}): the other
     * modules of a multi-module build it depends on, by their compiled classes, or its group's jars
     * in the local repository. Shared web configuration, such as a global error handler, often lives
     * there.
     */
    public Map<String, Path> ownDependencies() {
        return ownDependencies;
    }

    /**
     * The compiled classes of {@link #ownDependencies()}, imported once on first use; library types
     * they refer to appear only by name. A location that cannot be read is noted in skipped.
     */
    public JavaClasses ownDependencyClasses() {
        return ownDependencyClasses.get();
    }

    /** The compiled classes; call only when {@link #unavailable(Facet)} is empty for it. */
    public ClassesFacet classes() {
        return classes.get();
    }

    /**
     * Builds a facet now rather than on first use, so that its cost is measured on its own and not
     * counted against the first rule that reads it. Facets are built once either way.
     */
    public void prepare(Facet facet) {
        switch (facet) {
            case CLASSES -> classes();
            case SOURCES -> sources();
            case CONFIG -> config();
            case MIGRATIONS -> migrations();
            default -> {
                // Given to the codebase ready-made: nothing to build.
            }
        }
    }

    /**
     * Adds everything this module's analysis reads to a digest: sources, resources, compiled classes
     * and the pom by content, the dependency graph, the language level, encoding, stereotypes and
     * rule parameters. Equal digests mean the facets would be built the same.
     */
    public void addInputsTo(io.archlint.engine.cache.Digest digest) {
        io.archlint.engine.cache.SourceIndex index = sourceIndex();
        addModuleInputsTo(digest, index);
        index.addTo(digest);
    }

    /**
     * Adds what {@link #addInputsTo} adds except the Java files and their class files, which the
     * index holds one by one: equal digests mean that only Java files (and the classes compiled from
     * them) can differ, which an incremental analysis can follow file by file.
     */
    public void addModuleInputsTo(io.archlint.engine.cache.Digest digest, io.archlint.engine.cache.SourceIndex index) {
        digest.add("module", moduleName).add("release", javaRelease).add("encoding", encoding.name())
                .add("stereotypes", stereotypes).add("parameters", ruleParameters)
                .add("dependencies", dependencyGraph == null ? null : Set.copyOf(dependencyGraph.all()));
        digest.addTree("pom", baseDir.resolve("pom.xml"));
        // Mapper XML and other resources kept beside the code; the Java files are in the index.
        for (Path file : index.otherSourceFiles()) {
            digest.addTree("source " + relativize(file), file);
        }
        for (Path root : resourceRoots) {
            digest.addTree("resources " + relativize(root), root);
        }
        for (Path classFile : index.otherClassFiles()) {
            digest.addTree("class " + relativize(classFile), classFile);
        }
        ownDependencies.forEach((coordinates, location) -> digest.addTree("own dependency " + coordinates, location));
        // Migrations configured outside the resource roots (Flyway's filesystem: locations); the
        // configuration is parsed only where a file names such a location.
        if (!mentionsFilesystemLocation()) {
            return;
        }
        for (io.archlint.engine.config.ConfigEntry entry : config().entries()) {
            if (entry.value() == null || !entry.value().contains("filesystem:")) {
                continue;
            }
            for (String location : entry.value().split(",")) {
                String trimmed = location.strip();
                if (trimmed.startsWith("filesystem:")) {
                    String relative = trimmed.substring("filesystem:".length()).replace("{vendor}", "");
                    digest.addTree("filesystem " + relative, baseDir.resolve(relative).normalize());
                }
            }
        }
    }

    /** Whether a configuration file in the resources holds {@code filesystem:}; true when unsure. */
    private boolean mentionsFilesystemLocation() {
        for (Path root : resourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(f -> f.toString().matches(".*\\.(properties|ya?ml)"))
                        .filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("filesystem:")) {
                        return true;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return true;
            }
        }
        return false;
    }

    /** Why a facet cannot be built for this module, or empty when it can. */
    public Optional<String> unavailable(Facet facet) {
        return switch (facet) {
            case DEPENDENCIES -> dependencyGraph == null
                    ? Optional.of("the dependency graph was not resolved") : Optional.empty();
            case CLASSES -> hasCompiledClasses() || !hasJavaSources() ? Optional.empty()
                    : Optional.of(relativize(classesDir) + " holds no compiled classes (was the module compiled? "
                            + "the check goal binds to verify, after compile)");
            case SOURCES, CONFIG -> Optional.empty();
            case MIGRATIONS -> migrations().migrations().isEmpty()
                    ? Optional.of("no Flyway or Liquibase migrations found") : Optional.empty();
        };
    }

    /** The source encoding. */
    public Charset encoding() {
        return encoding;
    }

    /** The compiled classes directory, relative to the module base directory. */
    public String classesPath() {
        return relativize(classesDir);
    }

    /** A path relative to the module base directory, with forward slashes. */
    public String relativize(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String relative = absolute.startsWith(baseDir) ? baseDir.relativize(absolute).toString() : absolute.toString();
        return relative.replace('\\', '/');
    }

    /** Records input the analysis could not use. */
    public void skip(Skipped entry) {
        skipped.add(entry);
    }

    /** What was skipped, by file and reason: the same order whatever order the threads found them in. */
    public List<Skipped> skipped() {
        synchronized (skipped) {
            return skipped.stream().sorted(java.util.Comparator.comparing(Skipped::file)
                    .thenComparing(Skipped::reason)).toList();
        }
    }

    /**
     * The source file a compiled class came from, found among the source roots; when sources
     * were not parsed, the conventional path.
     */
    public String sourcePathOf(com.tngtech.archunit.core.domain.JavaClass type) {
        // Asked for every call a rule follows: look on disk once per source file.
        return sourcePaths.computeIfAbsent(io.archlint.engine.bytecode.ClassesFacet.sourcePathInRoot(type),
                this::findSourcePath);
    }

    private String findSourcePath(String inRoot) {
        for (Path root : sourceRoots) {
            Path candidate = root.resolve(inRoot);
            if (Files.isRegularFile(candidate)) {
                return relativize(candidate);
            }
        }
        return sourceRoots.isEmpty() ? inRoot : relativize(sourceRoots.get(0).resolve(inRoot));
    }

    /** The parsed source a compiled class came from, if it parsed. */
    public Optional<SourceFile> sourceOf(com.tngtech.archunit.core.domain.JavaClass type) {
        return sources().file(sourcePathOf(type));
    }

    private boolean hasCompiledClasses() {
        return containsFile(classesDir, ".class");
    }

    private boolean hasJavaSources() {
        return sourceRoots.stream().anyMatch(root -> containsFile(root, ".java"));
    }

    private static boolean containsFile(Path dir, String suffix) {
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(suffix));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private ClassesFacet importClasses() {
        if (!hasCompiledClasses()) {
            return new ClassesFacet(new ClassFileImporter().importClasses(List.of()));
        }
        if (onlyClassFiles != null) {
            com.tngtech.archunit.core.domain.JavaClasses imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPaths(onlyClassFiles);
            io.archlint.engine.bytecode.UnreadClassFiles.find(onlyClassFiles, imported, this::relativize)
                    .forEach(skipped::add);
            return new ClassesFacet(imported);
        }
        com.tngtech.archunit.core.domain.JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classesDir);
        io.archlint.engine.bytecode.UnreadClassFiles.find(classesDir, imported, this::relativize).forEach(skipped::add);
        return new ClassesFacet(imported);
    }

    private JavaClasses importOwnDependencies() {
        List<com.tngtech.archunit.core.importer.Location> locations = new ArrayList<>();
        for (Map.Entry<String, Path> dependency : ownDependencies.entrySet()) {
            Path location = dependency.getValue();
            if (Files.isDirectory(location)) {
                locations.add(com.tngtech.archunit.core.importer.Location.of(location));
                continue;
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                // The location names the jar; ArchUnit opens it again when it reads the classes.
                locations.add(com.tngtech.archunit.core.importer.Location.of(jar));
            } catch (IOException | RuntimeException e) {
                skip(new Skipped("pom.xml", "classes of " + dependency.getKey() + " not read ("
                        + SourceParser.describe(e) + "); rules that look into the group's own modules did "
                        + "without them"));
            }
        }
        return new ClassFileImporter().importLocations(locations);
    }

    /** Builds a {@link Codebase}; the plugin fills it from the Maven project, tests by hand. */
    public static final class Builder {
        private final Path baseDir;
        private String moduleName;
        private final List<Path> sourceRoots = new ArrayList<>();
        private final List<Path> resourceRoots = new ArrayList<>();
        private Path classesDir;
        private int javaRelease = 17;
        private Charset encoding = StandardCharsets.UTF_8;
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        private DependencyGraph dependencies;
        private Stereotypes stereotypes = Stereotypes.defaults();
        private final Map<String, Map<String, String>> ruleParameters = new java.util.HashMap<>();
        private final Map<String, Path> ownDependencies = new java.util.HashMap<>();

        private Builder(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
            this.moduleName = baseDir.getFileName() == null ? "module" : baseDir.getFileName().toString();
            this.classesDir = baseDir.resolve("target/classes");
        }

        public Builder moduleName(String name) {
            this.moduleName = name;
            return this;
        }

        public Builder sourceRoot(Path root) {
            this.sourceRoots.add(root);
            return this;
        }

        public Builder resourceRoot(Path root) {
            this.resourceRoots.add(root);
            return this;
        }

        public Builder classesDir(Path dir) {
            this.classesDir = dir;
            return this;
        }

        /** The Java release the sources are written for; 0 for the newest the parser knows. */
        public Builder javaRelease(int release) {
            this.javaRelease = release;
            return this;
        }

        public Builder encoding(Charset charset) {
            this.encoding = charset;
            return this;
        }

        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        public Builder dependencies(DependencyGraph graph) {
            this.dependencies = graph;
            return this;
        }

        public Builder stereotypes(Stereotypes tables) {
            this.stereotypes = tables;
            return this;
        }

        /** The user's parameter values of one rule, by parameter name. */
        public Builder ruleParameters(String ruleId, Map<String, String> values) {
            this.ruleParameters.put(ruleId, Map.copyOf(values));
            return this;
        }

        /**
         * A dependency from the module's own group and where its classes are: a classes directory
         * or a jar.
         */
        public Builder ownDependency(String coordinates, Path location) {
            this.ownDependencies.put(coordinates, location.toAbsolutePath().normalize());
            return this;
        }

        public Codebase build() {
            return new Codebase(this);
        }
    }

    /** A value computed once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        /** The value if it was computed already, else null. */
        T peek() {
            return value;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = supplier.get();
                        value = result;
                        supplier = null;
                    }
                }
            }
            return result;
        }
    }
}
