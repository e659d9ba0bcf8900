package io.archlint.engine.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.Skipped;
import io.archlint.engine.migrations.SchemaChange.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayMigrationsTest {

    @TempDir
    Path base;

    private Codebase codebase() {
        return Codebase.builder(base).resourceRoot(base.resolve("src/main/resources")).build();
    }

    private void write(String path, String text) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void migration(String name, String sql) throws IOException {
        write("src/main/resources/db/migration/" + name, sql);
    }

    private MigrationsFacet read() {
        return codebase().migrations();
    }

    @Nested
    class Discovery {

        @Test
        void ordersVersionsNumericallyThenRepeatables() throws IOException {
            for (String name : List.of("V10__ten.sql", "V2__two.sql", "V1_1__one_one.sql", "V1__init.sql",
                    "R__views.sql", "U2__undo_two.sql", "V1.2__one_two.sql", "README.md")) {
                migration(name, "SELECT 1;");
            }
            assertThat(read().migrations())
                    .extracting(Migration::version, Migration::description, Migration::order)
                    .containsExactly(tuple("1", "init", 0), tuple("1.1", "one one", 1), tuple("1.2", "one two", 2),
                            tuple("2", "two", 3), tuple("10", "ten", 4), tuple(null, "views", 5));
            assertThat(read().migrations().get(0).file()).isEqualTo("src/main/resources/db/migration/V1__init.sql");
            assertThat(read().migrations()).allMatch(m -> m.tool() == Migration.Tool.FLYWAY);
        }

        @Test
        void readsConfiguredLocationsOnTheClasspathAndTheFileSystem() throws IOException {
            write("src/main/resources/application.yml", """
                    spring:
                      flyway:
                        locations: classpath:db/schema, filesystem:sql/extra
                    """);
            write("src/main/resources/db/schema/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            write("sql/extra/V2__more.sql", "ALTER TABLE orders ADD COLUMN note text;");
            migration("V3__ignored_default_location.sql", "DROP TABLE orders;");
            assertThat(read().migrations()).extracting(Migration::file)
                    .containsExactly("src/main/resources/db/schema/V1__init.sql", "sql/extra/V2__more.sql");
        }

        @Test
        void expandsTheVendorPlaceholder() throws IOException {
            write("src/main/resources/application.properties", "spring.flyway.locations=classpath:db/migration/{vendor}\n");
            write("src/main/resources/db/migration/postgresql/V1__init.sql", "CREATE TABLE orders (id bigint);");
            assertThat(read().schema().tables()).containsExactly("orders");
        }

        @Test
        void aModuleWithoutMigrationsHasTheFacetUnavailable() {
            assertThat(read().migrations()).isEmpty();
            assertThat(codebase().unavailable(Facet.MIGRATIONS)).contains("no Flyway or Liquibase migrations found");
        }
    }

    @Nested
    class PostgreSql {

        @Test
        void readsTablesColumnsAndIndexesWithTheirLines() throws IOException {
            migration("V1__init.sql", """
                    -- The order tables
                    CREATE TABLE public."Orders" (
                        id BIGSERIAL PRIMARY KEY,
                        customer_id BIGINT NOT NULL REFERENCES customers (id),
                        email VARCHAR(255) UNIQUE,
                        status VARCHAR(20) NOT NULL DEFAULT 'NEW'
                    );

                    /* indexes */
                    CREATE INDEX idx_orders_customer ON orders (customer_id);
                    CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_orders_status ON orders USING btree (status, email);
                    CREATE INDEX idx_lower_email ON orders (lower(email));
                    """);
            MigrationsFacet facet = read();
            Schema schema = facet.schema();
            assertThat(schema.tables()).containsExactly("orders");
            assertThat(schema.columns("ORDERS")).containsExactly("id", "customer_id", "email", "status");
            assertThat(schema.isIndexed("orders", "id")).isTrue();
            assertThat(schema.isIndexed("orders", "\"customer_id\"")).isTrue();
            assertThat(schema.isIndexed("public.orders", "email")).isTrue();
            assertThat(schema.isIndexed("orders", "status")).isTrue();
            assertThat(schema.indexes("orders")).extracting(Index::name, Index::columns, Index::unique, Index::primaryKey)
                    .containsExactly(tuple(null, List.of("id"), true, true), tuple(null, List.of("email"), true, false),
                            tuple("idx_orders_customer", List.of("customer_id"), false, false),
                            tuple("ux_orders_status", List.of("status", "email"), true, false),
                            tuple("idx_lower_email", List.of("lower(email)"), false, false));
            assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::line)
                    .containsExactly(tuple(Kind.CREATE_TABLE, 2), tuple(Kind.ADD_PRIMARY_KEY, 2),
                            tuple(Kind.ADD_FOREIGN_KEY, 2), tuple(Kind.ADD_UNIQUE, 2), tuple(Kind.CREATE_INDEX, 10),
                            tuple(Kind.CREATE_INDEX, 11), tuple(Kind.CREATE_INDEX, 12));
            assertThat(facet.changes().get(0).columns()).containsExactly("id", "customer_id", "email", "status");
            assertThat(facet.changes().get(4).statement())
                    .isEqualTo("CREATE INDEX idx_orders_customer ON orders (customer_id)");
        }

        @Test
        void readsAlterTableForms() throws IOException {
            migration("V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2), legacy text, "
                    + "status text, note text DEFAULT '');");
            migration("V2__change.sql", """
                    ALTER TABLE orders ADD COLUMN IF NOT EXISTS channel TEXT NOT NULL;
                    ALTER TABLE orders ADD COLUMN created_at timestamp with time zone NOT NULL DEFAULT now();
                    ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric;
                    ALTER TABLE orders ALTER COLUMN status SET DATA TYPE varchar(40);
                    ALTER TABLE orders ALTER COLUMN status SET NOT NULL, ALTER COLUMN note SET NOT NULL;
                    ALTER TABLE orders DROP COLUMN IF EXISTS legacy CASCADE;
                    ALTER TABLE orders RENAME COLUMN status TO state;
                    ALTER TABLE orders RENAME TO purchase_orders;
                    ALTER TABLE purchase_orders ADD CONSTRAINT uk_channel UNIQUE (channel, state) DEFERRABLE INITIALLY DEFERRED;
                    ALTER TABLE ONLY purchase_orders ADD CONSTRAINT fk_x FOREIGN KEY (channel) REFERENCES channels (code);
                    """);
            MigrationsFacet facet = read();
            List<SchemaChange> changes = facet.migrations().get(1).changes();
            assertThat(changes).extracting(SchemaChange::kind, SchemaChange::table, SchemaChange::columns,
                    SchemaChange::newName, SchemaChange::line).containsExactly(
                    tuple(Kind.ADD_COLUMN, "orders", List.of("channel"), null, 1),
                    tuple(Kind.ADD_COLUMN, "orders", List.of("created_at"), null, 2),
                    tuple(Kind.ALTER_COLUMN_TYPE, "orders", List.of("total"), null, 3),
                    tuple(Kind.ALTER_COLUMN_TYPE, "orders", List.of("status"), null, 4),
                    tuple(Kind.SET_NOT_NULL, "orders", List.of("status"), null, 5),
                    tuple(Kind.SET_NOT_NULL, "orders", List.of("note"), null, 5),
                    tuple(Kind.DROP_COLUMN, "orders", List.of("legacy"), null, 6),
                    tuple(Kind.RENAME_COLUMN, "orders", List.of("status"), "state", 7),
                    tuple(Kind.RENAME_TABLE, "orders", List.of(), "purchase_orders", 8),
                    tuple(Kind.ADD_UNIQUE, "purchase_orders", List.of("channel", "state"), null, 9),
                    tuple(Kind.ADD_FOREIGN_KEY, "purchase_orders", List.of("channel"), null, 10));
            assertThat(changes.get(0)).extracting(SchemaChange::columnType, SchemaChange::notNull,
                    SchemaChange::hasDefault).containsExactly("TEXT", true, false);
            assertThat(changes.get(1)).extracting(SchemaChange::notNull, SchemaChange::hasDefault)
                    .containsExactly(true, true);
            assertThat(changes.get(2).columnType()).isEqualTo("numeric(12, 2)");
            assertThat(facet.typeBefore(changes.get(2))).contains("numeric(10, 2)");
            assertThat(changes.get(4).hasDefault()).isFalse();
            assertThat(changes.get(5).hasDefault()).isTrue();
            Schema schema = facet.schema();
            assertThat(schema.tables()).containsExactly("purchase_orders");
            assertThat(schema.columns("purchase_orders"))
                    .containsExactly("id", "total", "state", "note", "channel", "created_at");
            assertThat(schema.isIndexed("purchase_orders", "channel")).isTrue();
            assertThat(schema.isIndexed("purchase_orders", "state")).isFalse();
        }

        @Test
        void passesOverFunctionsExtensionsAndDataChanges() throws IOException {
            migration("V1__init.sql", """
                    CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                    CREATE TABLE orders (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, updated_at timestamptz);
                    CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
                    BEGIN
                        NEW.updated_at := now();
                        ALTER TABLE nothing_real DROP COLUMN x;
                        RETURN NEW;
                    END;
                    $$ LANGUAGE plpgsql;
                    CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
                    INSERT INTO orders (id) VALUES ('6c1b1c2e-0000-0000-0000-000000000000');
                    UPDATE orders SET updated_at = now() WHERE updated_at IS NULL;
                    GRANT SELECT ON orders TO reporting;
                    DROP INDEX CONCURRENTLY IF EXISTS idx_old;
                    """);
            MigrationsFacet facet = read();
            assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::line).containsExactly(
                    tuple(Kind.CREATE_TABLE, 2), tuple(Kind.ADD_PRIMARY_KEY, 2), tuple(Kind.DROP_INDEX, 14));
            assertThat(codebase().skipped()).isEmpty();
        }

        @Test
        void readsIdentityAndPartitionedTablesJSqlParserRejects() throws IOException {
            migration("V1__init.sql", """
                    CREATE TABLE events (
                        id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 1) NOT NULL,
                        at timestamptz NOT NULL,
                        CONSTRAINT events_pk PRIMARY KEY (id, at)
                    ) PARTITION BY RANGE (at);
                    DROP TABLE IF EXISTS legacy_a, legacy_b CASCADE;
                    """);
            MigrationsFacet facet = read();
            assertThat(facet.schema().columns("events")).containsExactly("id", "at");
            assertThat(facet.schema().indexes("events")).extracting(Index::name, Index::columns)
                    .containsExactly(tuple("events_pk", List.of("id", "at")));
            assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::table).containsExactly(
                    tuple(Kind.CREATE_TABLE, "events"), tuple(Kind.ADD_PRIMARY_KEY, "events"),
                    tuple(Kind.DROP_TABLE, "legacy_a"), tuple(Kind.DROP_TABLE, "legacy_b"));
        }
    }

    @Nested
    class OtherDialects {

        @Test
        void readsPlaceholdersSqlServerAndH2Renames() throws IOException {
            migration("V1__init.sql", """
                    CREATE TABLE ${flyway:defaultSchema}.orders (id INT NOT NULL, status VARCHAR(20), note VARCHAR(20));
                    CREATE TABLE [dbo].[customers] ([id] INT NOT NULL, [name] NVARCHAR(50), CONSTRAINT [pk_customers] PRIMARY KEY CLUSTERED ([id]));
                    GO
                    EXEC sp_rename 'dbo.orders.status', 'state', 'COLUMN';
                    ALTER TABLE orders ALTER COLUMN note RENAME TO remark;
                    ALTER TABLE customers ALTER COLUMN name NVARCHAR(100) NOT NULL;
                    """);
            MigrationsFacet facet = read();
            assertThat(facet.schema().columns("orders")).containsExactly("id", "state", "remark");
            assertThat(facet.schema().isIndexed("customers", "id")).isTrue();
            assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::line).containsExactly(
                    tuple(Kind.CREATE_TABLE, 1), tuple(Kind.CREATE_TABLE, 2), tuple(Kind.ADD_PRIMARY_KEY, 2),
                    tuple(Kind.RENAME_COLUMN, 4), tuple(Kind.RENAME_COLUMN, 5), tuple(Kind.ALTER_COLUMN_TYPE, 6),
                    tuple(Kind.SET_NOT_NULL, 6));
            assertThat(facet.changes().get(0).statement()).startsWith("CREATE TABLE ${flyway:defaultSchema}.orders");
        }
    }

    @Nested
    class MySql {

        @Test
        void readsInlineKeysModifyAndChange() throws IOException {
            migration("V1__init.sql", """
                    CREATE TABLE `users` (
                      `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
                      `email` varchar(100) NOT NULL,
                      `name` varchar(50) DEFAULT NULL,
                      `key` varchar(20),
                      PRIMARY KEY (`id`),
                      UNIQUE KEY `uk_email` (`email`),
                      KEY `idx_name` (`name`(10)),
                      INDEX idx_key_name (`key`, name)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                    """);
            migration("V2__change.sql", """
                    ALTER TABLE users MODIFY COLUMN name varchar(50) NOT NULL;
                    ALTER TABLE users MODIFY email varchar(200) NOT NULL;
                    ALTER TABLE users CHANGE COLUMN `key` api_key varchar(20);
                    ALTER TABLE users ADD INDEX idx_api_key (api_key), ADD UNIQUE KEY uk_name (name);
                    DELIMITER $$
                    CREATE TRIGGER users_bi BEFORE INSERT ON users FOR EACH ROW
                    BEGIN
                      SET NEW.name = TRIM(NEW.name);
                    END$$
                    DELIMITER ;
                    RENAME TABLE users TO accounts;
                    """);
            MigrationsFacet facet = read();
            assertThat(facet.schema().columns("users")).isEmpty();
            assertThat(facet.schema().columns("accounts")).containsExactly("id", "email", "name", "api_key");
            assertThat(facet.schema().indexes("accounts")).extracting(Index::name, Index::columns).containsExactly(
                    tuple(null, List.of("id")), tuple("uk_email", List.of("email")),
                    tuple("idx_name", List.of("name")), tuple("idx_key_name", List.of("api_key", "name")),
                    tuple("idx_api_key", List.of("api_key")), tuple("uk_name", List.of("name")));
            assertThat(facet.migrations().get(1).changes()).extracting(SchemaChange::kind, SchemaChange::columns,
                    SchemaChange::line).containsExactly(
                    tuple(Kind.SET_NOT_NULL, List.of("name"), 1),
                    tuple(Kind.ALTER_COLUMN_TYPE, List.of("email"), 2),
                    tuple(Kind.RENAME_COLUMN, List.of("key"), 3),
                    tuple(Kind.CREATE_INDEX, List.of("api_key"), 4),
                    tuple(Kind.ADD_UNIQUE, List.of("name"), 4),
                    tuple(Kind.RENAME_TABLE, List.of(), 11));
            assertThat(codebase().skipped()).isEmpty();
        }
    }

    @Nested
    class BrokenInput {

        @Test
        void reportsDdlNeitherParserUnderstandsOnceAndReadsTheRest() throws IOException {
            migration("V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            migration("V2__broken.sql", """
                    ALTER TABLE orders ADD COLUMN note text;
                    ALTER TABLE orders ADD COLUMN ;
                    CREATE INDEX idx_broken ON ;
                    """);
            migration("V3__more.sql", "ALTER TABLE orders DROP COLUMN note;");
            Codebase codebase = codebase();
            MigrationsFacet facet = codebase.migrations();
            assertThat(facet.changes()).extracting(SchemaChange::kind).containsExactly(Kind.CREATE_TABLE,
                    Kind.ADD_PRIMARY_KEY, Kind.ADD_COLUMN, Kind.DROP_COLUMN);
            assertThat(codebase.skipped()).containsExactly(new Skipped("src/main/resources/db/migration/V2__broken.sql",
                    "2 DDL statements not understood and left out of the schema (first at line 2: "
                            + "ALTER TABLE orders ADD COLUMN)"));
        }

        @Test
        void reportsAScriptThatCannotBeRead() throws IOException {
            migration("V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            Files.write(base.resolve("src/main/resources/db/migration/V2__latin1.sql"),
                    new byte[] {'-', '-', ' ', (byte) 0xE9, (byte) 0xFF, '\n'});
            Codebase codebase = codebase();
            assertThat(codebase.migrations().migrations()).hasSize(1);
            assertThat(codebase.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("src/main/resources/db/migration/V2__latin1.sql");
                assertThat(s.reason()).startsWith("migration not read: ");
            });
        }
    }
}
