package io.archlint.engine.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.archlint.engine.Codebase;
import io.archlint.engine.migrations.SchemaChange.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseMigrationsTest {

    private static final String RESOURCES = "src/main/resources/";

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

    @Test
    void followsIncludesFromTheDefaultYamlMasterInOrder() throws IOException {
        write(RESOURCES + "db/changelog/db.changelog-master.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/changelog/changes/001-orders.xml
                  - include:
                      file: changes/002-customers.yaml
                      relativeToChangelogFile: true
                  - includeAll:
                      path: db/changelog/later/
                """);
        write(RESOURCES + "db/changelog/changes/001-orders.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="ana">
                        <createTable tableName="orders">
                            <column name="id" type="BIGINT" autoIncrement="true">
                                <constraints primaryKey="true" nullable="false"/>
                            </column>
                            <column name="number" type="VARCHAR(40)">
                                <constraints unique="true" nullable="false"/>
                            </column>
                            <column name="customer_id" type="BIGINT"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="ana">
                        <createIndex indexName="idx_orders_customer"
                                     tableName="orders">
                            <column name="customer_id"/>
                        </createIndex>
                        <addColumn tableName="orders">
                            <column name="status" type="VARCHAR(20)" defaultValue="NEW">
                                <constraints nullable="false"/>
                            </column>
                        </addColumn>
                    </changeSet>
                </databaseChangeLog>
                """);
        write(RESOURCES + "db/changelog/changes/002-customers.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 3
                      author: bo
                      changes:
                        - createTable:
                            tableName: customers
                            columns:
                              - column:
                                  name: id
                                  type: bigint
                                  constraints:
                                    primaryKey: true
                              - column:
                                  name: email
                                  type: varchar(255)
                        - addUniqueConstraint:
                            tableName: customers
                            columnNames: email
                            constraintName: uk_customers_email
                        - renameColumn:
                            tableName: orders
                            oldColumnName: number
                            newColumnName: order_number
                """);
        write(RESOURCES + "db/changelog/later/b-drop.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="5" author="bo">
                        <dropColumn tableName="orders" columnName="status"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write(RESOURCES + "db/changelog/later/a-sql.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="4" author="bo">
                        <sql><![CDATA[
                            UPDATE orders SET status = 'NEW' WHERE status IS NULL;
                            ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
                        ]]></sql>
                        <modifyDataType tableName="orders" columnName="customer_id" newDataType="NUMERIC(20)"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        Codebase codebase = codebase();
        MigrationsFacet facet = codebase.migrations();
        assertThat(facet.migrations()).extracting(Migration::file, Migration::description, Migration::order,
                Migration::version).containsExactly(
                tuple(RESOURCES + "db/changelog/changes/001-orders.xml", "ana:1", 0, null),
                tuple(RESOURCES + "db/changelog/changes/001-orders.xml", "ana:2", 1, null),
                tuple(RESOURCES + "db/changelog/changes/002-customers.yaml", "bo:3", 2, null),
                tuple(RESOURCES + "db/changelog/later/a-sql.xml", "bo:4", 3, null),
                tuple(RESOURCES + "db/changelog/later/b-drop.xml", "bo:5", 4, null));
        assertThat(facet.migrations()).allMatch(m -> m.tool() == Migration.Tool.LIQUIBASE);
        assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::table, SchemaChange::columns,
                SchemaChange::line).containsExactly(
                tuple(Kind.CREATE_TABLE, "orders", List.of("id", "number", "customer_id"), 4),
                tuple(Kind.ADD_PRIMARY_KEY, "orders", List.of("id"), 4),
                tuple(Kind.ADD_UNIQUE, "orders", List.of("number"), 4),
                tuple(Kind.CREATE_INDEX, "orders", List.of("customer_id"), 15),
                tuple(Kind.ADD_COLUMN, "orders", List.of("status"), 19),
                tuple(Kind.CREATE_TABLE, "customers", List.of("id", "email"), 6),
                tuple(Kind.ADD_PRIMARY_KEY, "customers", List.of("id"), 6),
                tuple(Kind.ADD_UNIQUE, "customers", List.of("email"), 17),
                tuple(Kind.RENAME_COLUMN, "orders", List.of("number"), 21),
                tuple(Kind.SET_NOT_NULL, "orders", List.of("customer_id"), 5),
                tuple(Kind.ALTER_COLUMN_TYPE, "orders", List.of("customer_id"), 7),
                tuple(Kind.DROP_COLUMN, "orders", List.of("status"), 3));
        SchemaChange added = facet.changes().get(4);
        assertThat(added).extracting(SchemaChange::columnType, SchemaChange::notNull, SchemaChange::hasDefault)
                .containsExactly("VARCHAR(20)", true, true);
        assertThat(facet.changes().get(9).statement())
                .isEqualTo("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL");
        Schema schema = facet.schema();
        assertThat(schema.tables()).containsExactly("orders", "customers");
        assertThat(schema.columns("orders")).containsExactly("id", "order_number", "customer_id");
        assertThat(schema.isIndexed("orders", "order_number")).isTrue();
        assertThat(schema.isIndexed("orders", "customer_id")).isTrue();
        assertThat(schema.isIndexed("customers", "email")).isTrue();
        assertThat(codebase.skipped()).isEmpty();
    }

    @Test
    void readsTheConfiguredFormattedSqlChangelog() throws IOException {
        write(RESOURCES + "application.properties", "spring.liquibase.change-log=classpath:/db/changes.sql\n");
        write(RESOURCES + "db/changes.sql", """
                --liquibase formatted sql

                --changeset ana:1
                CREATE TABLE orders (
                    id BIGINT PRIMARY KEY,
                    legacy_code VARCHAR(10)
                );
                --rollback DROP TABLE orders;

                --changeset ana:2 splitStatements:true
                ALTER TABLE orders DROP COLUMN legacy_code;
                CREATE INDEX idx_orders_id ON orders (id);
                """);
        MigrationsFacet facet = codebase().migrations();
        assertThat(facet.migrations()).extracting(Migration::description, Migration::file).containsExactly(
                tuple("ana:1", RESOURCES + "db/changes.sql"), tuple("ana:2", RESOURCES + "db/changes.sql"));
        assertThat(facet.migrations().get(1).changes()).extracting(SchemaChange::kind, SchemaChange::line)
                .containsExactly(tuple(Kind.DROP_COLUMN, 11), tuple(Kind.CREATE_INDEX, 12));
        assertThat(facet.changes().get(0).line()).isEqualTo(4);
    }

    @Test
    void readsYamlSqlChangesAndSqlFilesWithTheirLines() throws IOException {
        write(RESOURCES + "db/changelog/db.changelog-master.yml", """
                databaseChangeLog:
                  - changeSet:
                      id: init
                      author: ops
                      changes:
                        - sql:
                            sql: |
                              CREATE TABLE orders (id bigint PRIMARY KEY, note text);
                              ALTER TABLE orders ADD COLUMN channel text NOT NULL;
                        - sqlFile:
                            path: sql/more.sql
                            relativeToChangelogFile: true
                """);
        write(RESOURCES + "db/changelog/sql/more.sql", """
                -- more
                ALTER TABLE orders RENAME COLUMN note TO remark;
                """);
        MigrationsFacet facet = codebase().migrations();
        assertThat(facet.changes()).extracting(SchemaChange::kind, SchemaChange::file, SchemaChange::line)
                .containsExactly(
                        tuple(Kind.CREATE_TABLE, RESOURCES + "db/changelog/db.changelog-master.yml", 8),
                        tuple(Kind.ADD_PRIMARY_KEY, RESOURCES + "db/changelog/db.changelog-master.yml", 8),
                        tuple(Kind.ADD_COLUMN, RESOURCES + "db/changelog/db.changelog-master.yml", 9),
                        tuple(Kind.RENAME_COLUMN, RESOURCES + "db/changelog/sql/more.sql", 2));
    }

    @Test
    void reportsABrokenChangelogAndAMissingIncludeAndReadsTheRest() throws IOException {
        write(RESOURCES + "db/changelog/db.changelog-master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <include file="db/changelog/ok.xml"/>
                    <include file="db/changelog/broken.xml"/>
                    <include file="db/changelog/missing.xml"/>
                </databaseChangeLog>
                """);
        write(RESOURCES + "db/changelog/ok.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a"><dropTable tableName="legacy"/></changeSet>
                </databaseChangeLog>
                """);
        write(RESOURCES + "db/changelog/broken.xml", "<databaseChangeLog><changeSet id=\"2\"></databaseChangeLog>");
        Codebase codebase = codebase();
        assertThat(codebase.migrations().changes()).extracting(SchemaChange::kind).containsExactly(Kind.DROP_TABLE);
        assertThat(codebase.skipped()).extracting(s -> s.file()).containsExactly(
                RESOURCES + "db/changelog/broken.xml", RESOURCES + "db/changelog/db.changelog-master.xml");
        assertThat(codebase.skipped().get(0).reason()).startsWith("changelog not read: ");
        assertThat(codebase.skipped().get(1).reason())
                .isEqualTo("included changelog db/changelog/missing.xml (line 4) not found");
    }

    @Test
    void refusesExternalEntities() throws IOException {
        write("secret.txt", "CREATE TABLE leaked (id int);");
        write(RESOURCES + "db/changelog/db.changelog-master.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE databaseChangeLog [<!ENTITY x SYSTEM "file:../../../secret.txt">]>
                <databaseChangeLog>
                    <changeSet id="1" author="a"><sql>&x;</sql></changeSet>
                </databaseChangeLog>
                """);
        Codebase codebase = codebase();
        assertThat(codebase.migrations().schema().tables()).doesNotContain("leaked");
    }
}
