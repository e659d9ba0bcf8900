package io.archlint.rules.database;

import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@code schema-auto-ddl.md}. */
@RuleInfo(
        id = "schema-auto-ddl",
        title = "Hibernate generates or alters the production schema at startup",
        category = Category.DATABASE,
        severity = Severity.ERROR,
        facets = Facet.CONFIG,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Letting the ORM create, drop or update tables on startup changes the production schema without "
                + "review, versioning or a way back, and can drop data; the backend challenges article names schema "
                + "migration challenges and asks for backward-compatible migrations deployed with strategies such as "
                + "blue-green")
public final class SchemaAutoDdlRule implements Rule {

    /** Spring Boot's own switch, bound straight to Hibernate's {@code hbm2ddl.auto}; keys in canonical form. */
    private static final String SPRING_DDL_AUTO = "spring.jpa.hibernate.ddlauto";
    /** Hibernate's setting, alone or under a prefix ({@code spring.jpa.properties.}, Micronaut's {@code jpa.default.properties.}). */
    private static final String HBM2DDL_AUTO = "hibernate.hbm2ddl.auto";
    /** The Jakarta Persistence (and older javax) standard setting, alone or under a prefix. */
    private static final List<String> SCHEMA_ACTIONS = List.of(
            "jakarta.persistence.schemageneration.database.action",
            "javax.persistence.schemageneration.database.action");
    /** Quarkus: {@code quarkus.hibernate-orm[.<unit>].database.generation} and its 3.x successor. */
    private static final Pattern QUARKUS_GENERATION = Pattern.compile(
            "quarkus\\.hibernateorm(\\..+)?\\.(database\\.generation|schemamanagement\\.strategy)");

    /** Values that make the ORM write DDL: Hibernate's, Jakarta Persistence's and Quarkus' spellings. */
    private static final Set<String> WRITING = Set.of(
            "update", "create", "create-drop", "create-only", "drop", "drop-and-create", "truncate");
    /**
     * Of those, the ones that delete tables or rows rather than altering them. Hibernate's own
     * {@code create} drops the schema first; the Jakarta Persistence action {@code create} (and
     * Quarkus', which maps to it) only creates, like Hibernate's {@code create-only}.
     */
    private static final Set<String> DELETING = Set.of("create", "create-drop", "drop", "drop-and-create", "truncate");
    private static final Set<String> DELETING_STANDARD = Set.of("drop", "drop-and-create");
    private static final Set<String> CREATING = Set.of("create", "create-only");

    /** Profiles (and their prefixes) that never run against a production database. */
    private static final List<String> DEVELOPER_PROFILE_PREFIXES = List.of("dev", "local", "test");
    private static final Set<String> DEVELOPER_PROFILES = Set.of("it", "ci", "e2e", "integration", "h2", "embedded");

    /** {@code ${DDL_AUTO:update}}: Spring, Quarkus and Micronaut placeholders with a default. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        List<Setting> settings = codebase.config().entries().stream().map(Setting::of).toList();
        for (Setting setting : settings) {
            if (!isSchemaSetting(setting.key) || isDeveloperProfile(setting.profile)
                    || usesInMemoryDatabase(setting.profile, settings)) {
                continue;
            }
            boolean hibernateSpelling = setting.key.equals(SPRING_DDL_AUTO) || endsWithSetting(setting.key, HBM2DDL_AUTO);
            effectiveValue(setting.entry.value())
                    .ifPresent(value -> report(setting.entry, value, hibernateSpelling, findings));
        }
    }

    private static void report(ConfigEntry entry, Value value, boolean hibernateSpelling, FindingCollector findings) {
        String written = entry.value().strip();
        String effect;
        if ((hibernateSpelling ? DELETING : DELETING_STANDARD).contains(value.value)) {
            effect = "drops and recreates the schema, deleting its data, when the application starts or stops";
        } else if (CREATING.contains(value.value)) {
            effect = "creates the tables from the entity mapping when the application starts, so the production "
                    + "schema follows the code unreviewed and unversioned";
        } else {
            effect = "lets Hibernate alter the production schema on every start, unreviewed, unversioned and "
                    + "without a way back";
        }
        String fallback = value.variable == null ? "" : " falls back to `" + value.value + "` when `" + value.variable
                + "` is unset, which";
        String message = "`" + entry.key() + "=" + written + "`" + fallback + " " + effect + "; set it to `validate` "
                + "(or `none`) and change the schema with Flyway or Liquibase migrations, or move the setting to a "
                + "dev profile";
        findings.report(entry.file(), entry.line(), 1, entry.key(), message, entry.key() + "=" + written);
    }

    /** The value that applies, or empty when it writes no DDL or depends on a variable with no default. */
    private static Optional<Value> effectiveValue(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        String variable = null;
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.matches()) {
            variable = placeholder.group(1).strip();
            value = placeholder.group(2).strip();
        }
        value = value.toLowerCase(Locale.ROOT);
        return WRITING.contains(value) ? Optional.of(new Value(value, variable)) : Optional.empty();
    }

    private static boolean isSchemaSetting(String key) {
        if (key.equals(SPRING_DDL_AUTO) || endsWithSetting(key, HBM2DDL_AUTO)) {
            return true;
        }
        return SCHEMA_ACTIONS.stream().anyMatch(action -> endsWithSetting(key, action))
                || QUARKUS_GENERATION.matcher(key).matches();
    }

    private static boolean endsWithSetting(String key, String setting) {
        return key.equals(setting) || key.endsWith("." + setting);
    }

    /** Whether a profile expression ({@code dev}, {@code local,test}, {@code dev | h2}) names only developer profiles. */
    private static boolean isDeveloperProfile(String profile) {
        if (profile.isBlank() || profile.contains("!")) {
            return false;
        }
        for (String name : profile.toLowerCase(Locale.ROOT).split("[\\s,|&()]+")) {
            if (!name.isEmpty() && !DEVELOPER_PROFILES.contains(name)
                    && DEVELOPER_PROFILE_PREFIXES.stream().noneMatch(name::startsWith)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the profile's data source is an in-memory database: its own URLs when it sets any,
     * otherwise those of the default profile.
     */
    private static boolean usesInMemoryDatabase(String profile, List<Setting> settings) {
        List<String> urls = dataSourceUrls(profile, settings);
        if (urls.isEmpty() && !profile.isEmpty()) {
            urls = dataSourceUrls("", settings);
        }
        return !urls.isEmpty() && urls.stream().allMatch(InMemoryDatabases::isInMemory);
    }

    private static List<String> dataSourceUrls(String profile, List<Setting> settings) {
        List<String> urls = new ArrayList<>();
        for (Setting setting : settings) {
            if (setting.profile.equals(profile) && setting.key.contains("datasource") && setting.key.endsWith("url")
                    && setting.entry.value() != null && !setting.entry.value().isBlank()) {
                urls.add(setting.entry.value().strip().toLowerCase(Locale.ROOT));
            }
        }
        return urls;
    }

    /** A flag's value and, for a placeholder's default, the variable that overrides it. */
    private record Value(String value, String variable) {}

    /**
     * A configuration entry with its key in canonical form (Spring's relaxed binding: lower case,
     * no dashes; map brackets and quotes removed) and its profile, taken from a Quarkus
     * {@code %dev.} prefix where there is one.
     */
    private record Setting(ConfigEntry entry, String key, String profile) {

        static Setting of(ConfigEntry entry) {
            String key = entry.key();
            String profile = entry.profile();
            if (key.startsWith("%") && key.contains(".")) {
                profile = key.substring(1, key.indexOf('.'));
                key = key.substring(key.indexOf('.') + 1);
            }
            key = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".").replace("[", ".")
                    .replaceAll("[\\]\"']", "")
                    .replaceAll("\\.{2,}", ".");
            return new Setting(entry, key, profile);
        }
    }
}
