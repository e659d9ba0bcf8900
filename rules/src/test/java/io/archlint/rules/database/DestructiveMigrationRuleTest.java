package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DestructiveMigrationRuleTest {

    private static final String FLYWAY = "src/main/resources/db/migration/";
    private static final String LIQUIBASE = "src/main/resources/db/changelog/";

    /** {@code -- violation: fragment} (or the XML comment form) on the line above the offending statement. */
    private static final Pattern MARKER = Pattern.compile("^\\s*(?:--|<!--|#) violation: (.+?)(?:\\s*-->)?\\s*$");

    /** Migration files with their expected findings marked inline, like RuleTester's Java markers. */
    private static final class Fixture {
        private final RuleTester tester = RuleTester.of(new DestructiveMigrationRule());
        private final Map<String, String> files = new LinkedHashMap<>();

        Fixture file(String path, String text) {
            files.put(path, text);
            tester.file(path, text);
            return this;
        }

        Fixture flyway(String name, String sql) {
            return file(FLYWAY + name, sql);
        }

        List<Finding> findings() {
            return tester.findings();
        }

        void expectMarkedFindings() {
            List<String> expected = new ArrayList<>();
            files.forEach((path, text) -> {
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher marker = MARKER.matcher(lines[i]);
                    if (marker.matches()) {
                        expected.add(path + ":" + (i + 2) + " " + marker.group(1).strip());
                    }
                }
            });
            List<String> unmatched = new ArrayList<>(expected);
            List<String> unexpected = new ArrayList<>();
            for (Finding finding : tester.findings()) {
                String where = finding.file() + ":" + finding.line() + " ";
                String match = unmatched.stream()
                        .filter(e -> e.startsWith(where) && finding.message().contains(e.substring(where.length())))
                        .findFirst().orElse(null);
                if (match == null) {
                    unexpected.add(where + finding.message());
                } else {
                    unmatched.remove(match);
                }
            }
            assertThat(tester.skipped()).as("skipped input").isEmpty();
            assertThat(unexpected).as("findings without a marker").isEmpty();
            assertThat(unmatched).as("markers without a finding").isEmpty();
            assertThat(expected).as("markers").isNotEmpty();
        }

        void expectNoFindings() {
            tester.expectNoFindings();
        }
    }

    private static final String V1_ORDERS = """
            CREATE TABLE orders (
                id          BIGSERIAL PRIMARY KEY,
                customer_id BIGINT       NOT NULL,
                status      VARCHAR(20)  NOT NULL DEFAULT 'NEW',
                total       NUMERIC(10, 2),
                note        VARCHAR(200),
                legacy_code VARCHAR(10)
            );
            CREATE TABLE order_audit (id BIGSERIAL PRIMARY KEY, order_id BIGINT, payload TEXT);
            """;

    @Nested
    class Violating {

        @Test
        void reportsDroppedColumnsAndTablesInALaterMigration() {
            new Fixture()
                    .flyway("V1__create_orders.sql", V1_ORDERS)
                    .flyway("V2__cleanup.sql", """
                            -- The legacy code is gone from the application.
                            -- violation: `DROP COLUMN` of `orders.legacy_code` in `V2__cleanup.sql` breaks the version still running
                            ALTER TABLE orders DROP COLUMN legacy_code;

                            -- violation: `DROP TABLE` of `order_audit` in `V2__cleanup.sql`
                            DROP TABLE IF EXISTS order_audit CASCADE;
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsRenamesWithTheExpandAndContractAdvice() {
            Fixture fixture = new Fixture()
                    .flyway("V1__create_orders.sql", V1_ORDERS)
                    .flyway("V1_1__rename.sql", """
                            -- violation: `RENAME COLUMN` of `orders.status` to `state`
                            ALTER TABLE orders RENAME COLUMN status TO state;
                            -- violation: `RENAME TO` of table `orders` to `purchase_orders`
                            ALTER TABLE orders RENAME TO purchase_orders;
                            """);
            fixture.expectMarkedFindings();
            assertThat(fixture.findings()).hasSize(2).first().satisfies(f -> {
                assertThat(f.file()).isEqualTo(FLYWAY + "V1_1__rename.sql");
                assertThat(f.line()).isEqualTo(2);
                assertThat(f.message()).isEqualTo("`RENAME COLUMN` of `orders.status` to `state` in `V1_1__rename.sql` "
                        + "breaks the version still running during the deployment; expand and contract: add the new "
                        + "column, backfill it and write both, switch readers to it, and drop the old one in a later "
                        + "release");
            });
        }

        @Test
        void reportsTypeChangesAndNotNullColumnsWithoutDefault() {
            new Fixture()
                    .flyway("V1__create_orders.sql", V1_ORDERS)
                    .flyway("V2__tighten.sql", """
                            -- violation: column type change of `orders.total` to `integer`
                            ALTER TABLE orders ALTER COLUMN total TYPE integer USING total::integer;
                            -- violation: `ADD COLUMN` `orders.channel` NOT NULL without a DEFAULT in `V2__tighten.sql`
                            ALTER TABLE orders ADD COLUMN channel VARCHAR(20) NOT NULL;
                            UPDATE orders SET note = '' WHERE note IS NULL;
                            -- violation: `SET NOT NULL` on `orders.note` without a DEFAULT
                            ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsEachDestructiveActionOfOneStatement() {
            Fixture fixture = new Fixture()
                    .flyway("V1__create_orders.sql", V1_ORDERS)
                    .flyway("V3__shrink.sql", """
                            ALTER TABLE orders
                                DROP COLUMN legacy_code,
                                DROP COLUMN note;
                            """);
            assertThat(fixture.findings())
                    .extracting(Finding::file, Finding::line, Finding::symbol, f -> f.message().substring(0, 40))
                    .containsExactly(
                            tuple(FLYWAY + "V3__shrink.sql", 1, "orders.legacy_code", "`DROP COLUMN` of `orders.legacy_code` in"),
                            tuple(FLYWAY + "V3__shrink.sql", 1, "orders.note", "`DROP COLUMN` of `orders.note` in `V3__s"));
            assertThat(fixture.findings().get(0).fingerprint()).isNotEqualTo(fixture.findings().get(1).fingerprint());
        }

        @Test
        void reportsMySqlModifyThatChangesTheType() {
            new Fixture()
                    .flyway("V1__init.sql", """
                            CREATE TABLE `users` (
                              `id` bigint(20) NOT NULL AUTO_INCREMENT,
                              `age` varchar(3) DEFAULT NULL,
                              `name` varchar(50) DEFAULT NULL,
                              PRIMARY KEY (`id`)
                            ) ENGINE=InnoDB;
                            """)
                    .flyway("V2__types.sql", """
                            -- violation: column type change of `users.age` to `int`
                            ALTER TABLE `users` MODIFY COLUMN `age` int;
                            -- violation: `RENAME COLUMN` of `users.name` to `full_name`
                            ALTER TABLE `users` CHANGE COLUMN `name` `full_name` varchar(50);
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsLiquibaseChangeSetsAfterTheInitialChangelog() {
            new Fixture()
                    .file(LIQUIBASE + "db.changelog-master.xml", """
                            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                                <include file="db/changelog/001-initial.xml"/>
                                <include file="db/changelog/002-orders.xml"/>
                            </databaseChangeLog>
                            """)
                    .file(LIQUIBASE + "001-initial.xml", """
                            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                                <changeSet id="1" author="ana">
                                    <createTable tableName="orders">
                                        <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                                        <column name="coupon" type="VARCHAR(20)"/>
                                    </createTable>
                                </changeSet>
                                <changeSet id="2" author="ana">
                                    <dropColumn tableName="orders" columnName="coupon"/>
                                </changeSet>
                            </databaseChangeLog>
                            """)
                    .file(LIQUIBASE + "002-orders.xml", """
                            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                                <changeSet id="3" author="bo">
                                    <addColumn tableName="orders">
                                        <column name="currency" type="CHAR(3)" defaultValue="EUR">
                                            <constraints nullable="false"/>
                                        </column>
                                    </addColumn>
                                    <!-- violation: `ADD COLUMN` `orders.region` NOT NULL without a DEFAULT -->
                                    <addColumn tableName="orders">
                                        <column name="region" type="VARCHAR(10)">
                                            <constraints nullable="false"/>
                                        </column>
                                    </addColumn>
                                    <!-- currency is new in this changeSet: no running version uses it yet -->
                                    <modifyDataType tableName="orders" columnName="currency" newDataType="VARCHAR(3)"/>
                                    <!-- violation: column type change of `orders.id` to `UUID` -->
                                    <modifyDataType tableName="orders" columnName="id" newDataType="UUID"/>
                                </changeSet>
                            </databaseChangeLog>
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsASuppressionCommentThatNoLongerMatches() {
            Fixture fixture = new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS)
                    .flyway("V2__index.sql", """
                            -- archlint:ignore destructive-migration the drop moved to V3
                            CREATE INDEX idx_orders_status ON orders (status);
                            """);
            assertThat(fixture.findings()).extracting(Finding::ruleId, Finding::file, Finding::line, Finding::message)
                    .containsExactly(tuple("unused-suppression", FLYWAY + "V2__index.sql", 1,
                            "`archlint:ignore destructive-migration` suppresses nothing; remove it"));
        }

        @Test
        void reportsASingleFileYamlChangelogAfterItsFirstChangeSet() {
            new Fixture()
                    .file(LIQUIBASE + "db.changelog-master.yaml", """
                            databaseChangeLog:
                              - changeSet:
                                  id: 1
                                  author: ana
                                  changes:
                                    - createTable:
                                        tableName: customers
                                        columns:
                                          - column: {name: id, type: bigint, constraints: {primaryKey: true}}
                                          - column: {name: phone, type: varchar(30)}
                              - changeSet:
                                  id: 2
                                  author: ana
                                  changes:
                                    # violation: `DROP COLUMN` of `customers.phone` in `db.changelog-master.yaml`
                                    - dropColumn:
                                        tableName: customers
                                        columnName: phone
                            """)
                    .expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresTheFirstMigration() {
            new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS + """
                            ALTER TABLE orders DROP COLUMN legacy_code;
                            DROP TABLE order_audit;
                            ALTER TABLE orders ADD COLUMN channel VARCHAR(20) NOT NULL;
                            ALTER TABLE orders RENAME COLUMN note TO remark;
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresTablesAndColumnsCreatedInTheSameMigration() {
            new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS)
                    .flyway("V2__payments.sql", """
                            CREATE TABLE payments (id BIGSERIAL PRIMARY KEY, amount NUMERIC(10, 2));
                            ALTER TABLE payments ADD COLUMN order_id BIGINT NOT NULL;
                            ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(12, 2);
                            ALTER TABLE payments RENAME COLUMN amount TO amount_eur;
                            CREATE TABLE tmp_import (line TEXT);
                            DROP TABLE tmp_import;
                            ALTER TABLE orders ADD COLUMN tracking VARCHAR(40);
                            ALTER TABLE orders RENAME COLUMN tracking TO tracking_code;
                            ALTER TABLE orders DROP COLUMN tracking_code;
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresAdditiveAndWideningChanges() {
            new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS)
                    .flyway("V2__expand.sql", """
                            ALTER TABLE orders ADD COLUMN channel VARCHAR(20);
                            ALTER TABLE orders ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
                            ALTER TABLE orders ADD COLUMN seq BIGSERIAL NOT NULL;
                            ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(500);
                            ALTER TABLE orders ALTER COLUMN legacy_code TYPE TEXT;
                            ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(14, 2);
                            ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;
                            CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON orders (customer_id);
                            ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);
                            DROP INDEX IF EXISTS idx_orders_status;
                            UPDATE orders SET channel = 'web' WHERE channel IS NULL;
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresSetNotNullOnAColumnWithADefault() {
            new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS)
                    .flyway("V2__priority.sql", """
                            ALTER TABLE orders ADD COLUMN priority INT DEFAULT 0;
                            UPDATE orders SET priority = 0 WHERE priority IS NULL;
                            ALTER TABLE orders ALTER COLUMN priority SET NOT NULL;
                            ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresMySqlModifyThatRestatesTheSameType() {
            new Fixture()
                    .flyway("V1__init.sql", """
                            CREATE TABLE users (id BIGINT(20) NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL,
                              PRIMARY KEY (id));
                            """)
                    .flyway("V2__comment.sql", """
                            ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL COMMENT 'display name';
                            ALTER TABLE users MODIFY id BIGINT NOT NULL AUTO_INCREMENT;
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresTheInitialLiquibaseChangelogFile() {
            new Fixture()
                    .file(LIQUIBASE + "db.changelog-master.yaml", """
                            databaseChangeLog:
                              - include: {file: db/changelog/001-initial.yaml}
                              - include: {file: db/changelog/002-indexes.yaml}
                            """)
                    .file(LIQUIBASE + "001-initial.yaml", """
                            databaseChangeLog:
                              - changeSet:
                                  id: 1
                                  author: ana
                                  changes:
                                    - createTable:
                                        tableName: orders
                                        columns:
                                          - column: {name: id, type: bigint}
                              - changeSet:
                                  id: 2
                                  author: ana
                                  changes:
                                    - addColumn:
                                        tableName: orders
                                        columns:
                                          - column: {name: number, type: varchar(20), constraints: {nullable: false}}
                            """)
                    .file(LIQUIBASE + "002-indexes.yaml", """
                            databaseChangeLog:
                              - changeSet:
                                  id: 3
                                  author: ana
                                  changes:
                                    - createIndex:
                                        tableName: orders
                                        indexName: idx_orders_number
                                        columns:
                                          - column: {name: number}
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresAModuleWithoutMigrationsQuietly() {
            new Fixture()
                    .file("src/main/resources/application.properties", "spring.application.name=orders\n")
                    .expectNoFindings();
        }

        @Test
        void honoursASuppressionCommentAboveTheStatement() {
            new Fixture()
                    .flyway("V1__init.sql", V1_ORDERS)
                    .flyway("V5__contract.sql", """
                            -- archlint:ignore destructive-migration contract step: no release reads legacy_code since 2.3
                            ALTER TABLE orders DROP COLUMN legacy_code;
                            """)
                    .expectNoFindings();
        }
    }
}
