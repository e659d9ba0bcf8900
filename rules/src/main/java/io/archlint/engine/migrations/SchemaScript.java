package io.archlint.engine.migrations;

/**
 * A SQL initialization script and the schema it creates.
 *
 * @param file the script, relative to the module base directory
 * @param schema the tables, columns and indexes it leaves behind
 */
public record SchemaScript(String file, Schema schema) {}
