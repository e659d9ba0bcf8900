package io.archlint.engine.migrations;

import io.archlint.engine.Skipped;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.config.ConfigFacet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and reads the module's Flyway scripts and Liquibase changelogs. Input it cannot read is
 * reported once per file through the skipped-input consumer; nothing escapes.
 */
public final class MigrationsReader {

    /** {@code V1_2__add_orders.sql}: version 1.2. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    /** {@code R__views.sql}. */
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");
    private static final List<String> FLYWAY_LOCATIONS =
            List.of("spring.flyway.locations", "quarkus.flyway.locations", "flyway.locations");
    /** Spring Boot's SQL initialization scripts: {@code schema.sql}, {@code schema-${platform}.sql}. */
    private static final Pattern SCHEMA_SCRIPT = Pattern.compile("schema(-[\\w.-]+)?\\.sql");
    private static final List<String> SCHEMA_LOCATIONS =
            List.of("spring.sql.init.schema-locations", "spring.datasource.schema");
    private static final List<String> LIQUIBASE_CHANGELOGS =
            List.of("spring.liquibase.change-log", "quarkus.liquibase.change-log");
    private static final List<String> LIQUIBASE_DEFAULTS = List.of("db/changelog/db.changelog-master.yaml",
            "db/changelog/db.changelog-master.yml", "db/changelog/db.changelog-master.xml",
            "db/changelog/db.changelog-master.json", "db/changelog/db.changelog-master.sql", "db/changeLog.xml");

    private final Path baseDir;
    private final Function<Path, String> relativizer;
    private final Consumer<Skipped> skipped;

    public MigrationsReader(Path baseDir, Function<Path, String> relativizer, Consumer<Skipped> skipped) {
        this.baseDir = baseDir;
        this.relativizer = relativizer;
        this.skipped = skipped;
    }

    public MigrationsFacet read(List<Path> resourceRoots, ConfigFacet config) {
        List<Path> roots = resourceRoots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        Schema schema = new Schema();
        ChangeRecorder recorder = new ChangeRecorder(schema);
        List<Migration> migrations = new ArrayList<>();
        List<SchemaScript> initScripts = new ArrayList<>();
        try (SqlDdl ddl = new SqlDdl()) {
            for (FlywayScript script : flywayScripts(roots, config)) {
                readFlyway(script, migrations, recorder, ddl);
            }
            new LiquibaseReader(relativizer, skipped, recorder, ddl, roots, baseDir)
                    .read(liquibaseChangelog(roots, config), migrations);
            if (migrations.isEmpty()) {
                for (Path script : schemaScripts(roots, config)) {
                    readSchemaScript(script, ddl).ifPresent(initScripts::add);
                }
            }
        } catch (RuntimeException e) {
            skipped.accept(new Skipped("pom.xml", "schema migrations not fully read: " + e));
        }
        return new MigrationsFacet(migrations, schema, recorder.typesBefore(), initScripts);
    }

    // ---- SQL initialization scripts ----

    /**
     * The schema scripts Spring Boot's SQL initialization runs, for a module without migrations:
     * the configured {@code spring.sql.init.schema-locations} on the classpath (a {@code ${...}}
     * placeholder matches any one folder or name part) and every {@code schema.sql} or
     * {@code schema-*.sql} in the resource roots, where the defaults and the usual per-database
     * folders ({@code db/hsqldb/schema.sql}) put them.
     */
    private List<Path> schemaScripts(List<Path> roots, ConfigFacet config) {
        List<Pattern> configured = new ArrayList<>();
        for (String location : configured(config, SCHEMA_LOCATIONS, List.of())) {
            String loc = location.strip().replaceFirst("^optional:", "");
            if (loc.contains(":") && !loc.startsWith("classpath:") && !loc.startsWith("classpath*:")) {
                continue;
            }
            String relative = loc.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
            StringBuilder regex = new StringBuilder();
            for (String part : relative.split("\\$\\{[^}]*}", -1)) {
                if (!regex.isEmpty() || relative.startsWith("${")) {
                    regex.append("[^/]*");
                }
                regex.append(Pattern.quote(part));
            }
            configured.add(Pattern.compile(regex.toString()));
        }
        Set<Path> found = new LinkedHashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (SCHEMA_SCRIPT.matcher(file.getFileName().toString()).matches()
                            || configured.stream().anyMatch(p -> p.matcher(relative).matches())) {
                        found.add(file);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                skipped.accept(new Skipped(relativizer.apply(root), "resources not listed for schema scripts: "
                        + firstLine(e)));
            }
        }
        return List.copyOf(found);
    }

    private java.util.Optional<SchemaScript> readSchemaScript(Path path, SqlDdl ddl) {
        String file = relativizer.apply(path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(file, "schema script not read: " + firstLine(e)));
            return java.util.Optional.empty();
        }
        // Each script on its own: per-database variants create the same tables, often after a DROP.
        Schema schema = new Schema();
        applySql(text, ";", 1, file, new ChangeRecorder(schema), ddl, new ArrayList<>());
        return java.util.Optional.of(new SchemaScript(file, schema));
    }

    // ---- Flyway ----

    /** A Flyway script found on a location. */
    private record FlywayScript(Path path, String version, String description) {}

    private List<FlywayScript> flywayScripts(List<Path> roots, ConfigFacet config) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String location : configured(config, FLYWAY_LOCATIONS, List.of("classpath:db/migration"))) {
            dirs.addAll(resolve(location, roots));
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<FlywayScript> versioned = new ArrayList<>();
        List<FlywayScript> repeatable = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path file : sqlFiles(dir)) {
                if (!seen.add(file.toAbsolutePath().normalize())) {
                    continue;
                }
                String name = file.getFileName().toString();
                Matcher v = VERSIONED.matcher(name);
                Matcher r = REPEATABLE.matcher(name);
                if (v.matches()) {
                    versioned.add(new FlywayScript(file, v.group(1).replace('_', '.'), describe(v.group(2))));
                } else if (r.matches()) {
                    repeatable.add(new FlywayScript(file, null, describe(r.group(1))));
                }
            }
        }
        versioned.sort((a, b) -> compareVersions(a.version(), b.version()));
        repeatable.sort(Comparator.comparing(FlywayScript::description));
        List<FlywayScript> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        return all;
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').strip();
    }

    /** Flyway's order: numeric parts, left to right; missing parts count as zero (1 = 1.0). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void readFlyway(FlywayScript script, List<Migration> migrations, ChangeRecorder recorder, SqlDdl ddl) {
        String file = relativizer.apply(script.path());
        String text;
        try {
            text = Files.readString(script.path(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(file, "migration not read: " + firstLine(e)));
            return;
        }
        List<SchemaChange> changes = new ArrayList<>();
        applySql(text, ";", 1, file, recorder, ddl, changes);
        migrations.add(new Migration(file, script.version(), script.description(), migrations.size(),
                Migration.Tool.FLYWAY, changes));
    }

    /**
     * Applies every statement of a script; DDL that neither parser understands is reported once for
     * the file, with the first such line and the count.
     */
    void applySql(String text, String delimiter, int firstLine, String file, ChangeRecorder recorder, SqlDdl ddl,
            List<SchemaChange> changes) {
        applySql(text, delimiter, firstLine, file, recorder, ddl, changes, skipped);
    }

    static void applySql(String text, String delimiter, int firstLine, String file, ChangeRecorder recorder,
            SqlDdl ddl, List<SchemaChange> changes, Consumer<Skipped> skipped) {
        int failures = 0;
        SqlScript.Statement first = null;
        for (SqlScript.Statement statement : SqlScript.split(text, delimiter, firstLine)) {
            recorder.at(file, statement.line(), statement.text());
            if (ddl.apply(statement.text(), recorder) == SqlDdl.Outcome.NOT_UNDERSTOOD) {
                failures++;
                if (first == null) {
                    first = statement;
                }
            }
            changes.addAll(recorder.drain());
        }
        if (first != null) {
            String head = first.text().lines().findFirst().orElse("").strip();
            if (head.length() > 80) {
                head = head.substring(0, 77) + "...";
            }
            skipped.accept(new Skipped(file, failures + " DDL statement" + (failures == 1 ? "" : "s")
                    + " not understood and left out of the schema (first at line " + first.line() + ": " + head + ")"));
        }
    }

    // ---- locations ----

    /** A property's values in the default profile (comma-separated or a YAML list), else the defaults. */
    private static List<String> configured(ConfigFacet config, List<String> keys, List<String> defaults) {
        List<String> values = new ArrayList<>();
        for (ConfigEntry entry : config.entries()) {
            String key = canonical(entry.key().replaceAll("\\[\\d+]$", ""));
            if (entry.isDefaultProfile() && keys.stream().anyMatch(k -> canonical(k).equals(key))) {
                for (String value : entry.value().split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values.isEmpty() ? defaults : values;
    }

    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
    }

    /** {@code classpath:db/migration} in each resource root, {@code filesystem:sql} under the base directory. */
    private List<Path> resolve(String location, List<Path> roots) {
        String loc = location.strip();
        List<Path> bases;
        if (loc.startsWith("filesystem:")) {
            loc = loc.substring("filesystem:".length());
            bases = List.of(baseDir);
        } else if (loc.contains(":") && !loc.startsWith("classpath:")) {
            return List.of();
        } else {
            loc = loc.startsWith("classpath:") ? loc.substring("classpath:".length()) : loc;
            bases = roots;
        }
        String relative = loc.replaceFirst("^/+", "");
        List<Path> dirs = new ArrayList<>();
        for (Path base : bases) {
            dirs.addAll(expandVendor(base, relative));
        }
        return dirs;
    }

    /** Spring Boot's {@code db/migration/{vendor}}: every vendor folder there. */
    private static List<Path> expandVendor(Path base, String relative) {
        int at = relative.indexOf("{vendor}");
        if (at < 0) {
            Path dir = base.resolve(relative.isEmpty() ? "." : relative).normalize();
            return Files.isDirectory(dir) ? List.of(dir) : List.of();
        }
        Path parent = base.resolve(relative.substring(0, at)).normalize();
        String rest = relative.substring(at + "{vendor}".length()).replaceFirst("^/+", "");
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).sorted()
                    .map(d -> rest.isEmpty() ? d : d.resolve(rest)).filter(Files::isDirectory).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private List<Path> sqlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            skipped.accept(new Skipped(relativizer.apply(dir), "migration directory not listed: " + firstLine(e)));
            return List.of();
        }
    }

    /** The Liquibase master changelog: configured, or Spring Boot's and Quarkus' defaults. */
    private Path liquibaseChangelog(List<Path> roots, ConfigFacet config) {
        for (String location : configured(config, LIQUIBASE_CHANGELOGS, LIQUIBASE_DEFAULTS)) {
            Path found = LiquibaseReader.find(location, roots, baseDir);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
