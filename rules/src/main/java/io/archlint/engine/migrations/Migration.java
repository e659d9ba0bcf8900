package io.archlint.engine.migrations;

import java.util.List;

/**
 * One migration as the tool applies it: a Flyway script or a Liquibase changeSet.
 *
 * @param file        path relative to the module base directory
 * @param version     the Flyway version ({@code 1.2} for {@code V1_2__x.sql}); null for Liquibase and
 *                    repeatable Flyway scripts
 * @param description the Flyway description, or {@code author:id} of a Liquibase changeSet
 * @param order       0-based position in apply order
 * @param changes     the schema changes it makes, in order
 */
public record Migration(String file, String version, String description, int order, Tool tool,
        List<SchemaChange> changes) {

    /** The migration tool that applies it. */
    public enum Tool { FLYWAY, LIQUIBASE }

    public Migration {
        changes = List.copyOf(changes);
    }
}
