package io.archlint.engine.migrations;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module's Flyway and Liquibase migrations, read for DDL: each migration in apply order, the
 * schema changes it makes, and the schema they leave behind.
 */
public final class MigrationsFacet {

    private final List<Migration> migrations;
    private final List<SchemaChange> changes;
    private final Schema schema;
    private final Map<SchemaChange, String> typesBefore;
    private final List<SchemaScript> schemaScripts;

    MigrationsFacet(List<Migration> migrations, Schema schema, Map<SchemaChange, String> typesBefore,
            List<SchemaScript> schemaScripts) {
        this.migrations = List.copyOf(migrations);
        List<SchemaChange> all = new ArrayList<>();
        migrations.forEach(m -> all.addAll(m.changes()));
        this.changes = List.copyOf(all);
        this.schema = schema;
        this.typesBefore = new IdentityHashMap<>(typesBefore);
        this.schemaScripts = List.copyOf(schemaScripts);
    }

    /**
     * In a module without migrations, the SQL initialization scripts Spring Boot runs at startup
     * ({@code schema.sql}, {@code schema-hsqldb.sql}, {@code db/mysql/schema.sql}), each read into
     * a schema of its own: which one runs depends on the database. Not migrations: they are not
     * versioned and run whole on every start.
     */
    public List<SchemaScript> schemaScripts() {
        return schemaScripts;
    }

    /**
     * The migrations in apply order: Flyway's versioned scripts by version ({@code V1 < V1.1 < V2 <
     * V10}), then its repeatable ones; Liquibase changeSets in changelog order, includes followed.
     */
    public List<Migration> migrations() {
        return migrations;
    }

    /** Every change of every migration, in order. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /** The schema after every migration has run. */
    public Schema schema() {
        return schema;
    }

    /** For an {@code ALTER_COLUMN_TYPE} change, the column's type before it, when the migrations declared it. */
    public Optional<String> typeBefore(SchemaChange change) {
        return Optional.ofNullable(typesBefore.get(change));
    }

    /** The migration files read, relative to the module base directory, in apply order. */
    public List<String> files() {
        return migrations.stream().map(Migration::file).distinct().toList();
    }
}
