package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaAutoDdlRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new SchemaAutoDdlRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsDdlAutoUpdateInApplicationProperties() {
            List<Finding> findings = tester().file("src/main/resources/application.properties", """
                    spring.application.name=orders
                    spring.datasource.url=jdbc:postgresql://db:5432/orders
                    spring.datasource.username=orders
                    spring.jpa.hibernate.ddl-auto=update
                    spring.jpa.open-in-view=false
                    """).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/resources/application.properties", 4);
            assertThat(findings.get(0).message()).isEqualTo("`spring.jpa.hibernate.ddl-auto=update` lets Hibernate "
                    + "alter the production schema on every start, unreviewed, unversioned and without a way back; "
                    + "set it to `validate` (or `none`) and change the schema with Flyway or Liquibase migrations, "
                    + "or move the setting to a dev profile");
            assertThat(findings.get(0).symbol()).isEqualTo("spring.jpa.hibernate.ddl-auto");
        }

        @Test
        void reportsYamlDocumentsOfProductionProfilesButNotTheDevDocument() {
            List<Finding> findings = tester().file("src/main/resources/application.yml", """
                    spring:
                      application:
                        name: orders
                      jpa:
                        hibernate:
                          ddl-auto: create-drop
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: dev
                      jpa:
                        hibernate:
                          ddl-auto: create-drop
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: prod
                      jpa:
                        hibernate:
                          ddl-auto: create
                    """).findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application.yml", 6), tuple("src/main/resources/application.yml", 22));
            assertThat(findings.get(0).message()).startsWith("`spring.jpa.hibernate.ddl-auto=create-drop` drops and "
                    + "recreates the schema, deleting its data, when the application starts or stops; set it to");
            assertThat(findings.get(1).message()).startsWith("`spring.jpa.hibernate.ddl-auto=create` drops and recreates");
        }

        @Test
        void reportsHibernateSettingPassedThroughSpringJpaPropertiesAndInAProdProfileFile() {
            List<Finding> findings = tester().file("src/main/resources/application-prod.properties", """
                    spring.datasource.url=jdbc:mysql://orders-db:3306/orders
                    spring.jpa.properties.hibernate.hbm2ddl.auto=update
                    spring.jpa.properties[hibernate.hbm2ddl.auto]=create
                    spring.jpa.properties.jakarta.persistence.schema-generation.database.action=drop-and-create
                    """).findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application-prod.properties", 2),
                    tuple("src/main/resources/application-prod.properties", 3),
                    tuple("src/main/resources/application-prod.properties", 4));
            assertThat(findings.get(0).message()).contains("`spring.jpa.properties.hibernate.hbm2ddl.auto=update` lets");
            assertThat(findings.get(1).message()).contains("`spring.jpa.properties[hibernate.hbm2ddl.auto]=create`");
            assertThat(findings.get(2).message()).contains("database.action=drop-and-create` drops and recreates");
        }

        @Test
        void reportsQuarkusGenerationWithoutProfileAndInTheProdProfile() {
            List<Finding> findings = tester().file("src/main/resources/application.properties", """
                    quarkus.datasource.db-kind=postgresql
                    quarkus.hibernate-orm.database.generation=update
                    %dev.quarkus.hibernate-orm.database.generation=drop-and-create
                    %test.quarkus.hibernate-orm.database.generation=drop-and-create
                    %prod.quarkus.hibernate-orm.database.generation=drop-and-create
                    quarkus.hibernate-orm."inventory".database.generation=create
                    """).findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application.properties", 2),
                    tuple("src/main/resources/application.properties", 5),
                    tuple("src/main/resources/application.properties", 6));
            assertThat(findings.get(1).message())
                    .startsWith("`%prod.quarkus.hibernate-orm.database.generation=drop-and-create` drops and recreates");
            // Quarkus' `create` is the Jakarta Persistence action: it creates, and drops nothing.
            assertThat(findings.get(2).message()).contains("database.generation=create` creates the tables from the "
                    + "entity mapping").doesNotContain("deleting");
        }

        @Test
        void reportsTheDestructiveDefaultOfAPlaceholder() {
            List<Finding> findings = tester().file("src/main/resources/application.yml", """
                    spring:
                      jpa:
                        hibernate:
                          ddl-auto: ${DDL_AUTO:update}
                    """).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/resources/application.yml", 4);
            assertThat(findings.get(0).message()).startsWith("`spring.jpa.hibernate.ddl-auto=${DDL_AUTO:update}` falls "
                    + "back to `update` when `DDL_AUTO` is unset, which lets Hibernate alter the production schema");
        }

        @Test
        void reportsMicronautAndJakartaPersistenceSettings() {
            List<Finding> findings = tester().file("src/main/resources/application.yml", """
                    datasources:
                      default:
                        url: jdbc:postgresql://db:5432/catalog
                    jpa:
                      default:
                        properties:
                          hibernate:
                            hbm2ddl:
                              auto: update
                          jakarta.persistence.schema-generation.database.action: create
                    """).findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application.yml", 9), tuple("src/main/resources/application.yml", 10));
            assertThat(findings.get(0).message()).startsWith("`jpa.default.properties.hibernate.hbm2ddl.auto=update` lets");
            assertThat(findings.get(1).message()).contains("database.action=create` creates the tables from the "
                    + "entity mapping when the application starts");
        }

        @Test
        void reportsAFileDatabaseAndAProfileThatOnlyExcludesProd() {
            List<Finding> findings = tester().file("src/main/resources/application.properties", """
                    spring.datasource.url=jdbc:h2:file:./data/orders
                    spring.jpa.hibernate.ddl-auto=update
                    """).file("src/main/resources/application-staging.yml", """
                    spring:
                      jpa:
                        hibernate:
                          ddl-auto: update
                    """).findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application-staging.yml", 4),
                    tuple("src/main/resources/application.properties", 2));
            assertThat(findings).allSatisfy(f -> assertThat(f.message()).contains("=update` lets Hibernate alter"));
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresValidateAndNone() {
            tester().file("src/main/resources/application.properties", """
                    spring.jpa.hibernate.ddl-auto=validate
                    spring.jpa.properties.hibernate.hbm2ddl.auto=none
                    quarkus.hibernate-orm.database.generation=none
                    jakarta.persistence.schema-generation.database.action=none
                    """).expectNoFindings();
        }

        @Test
        void ignoresDeveloperAndTestProfiles() {
            tester().file("src/main/resources/application-dev.yml", """
                    spring:
                      jpa:
                        hibernate:
                          ddl-auto: create-drop
                    """).file("src/main/resources/application-local.properties", """
                    spring.jpa.hibernate.ddl-auto=update
                    """).file("src/main/resources/application-test.properties", """
                    spring.jpa.hibernate.ddl-auto=create
                    """).file("src/main/resources/application-development.yml", """
                    spring.jpa.hibernate.ddl-auto: update
                    """).file("src/main/resources/application.yml", """
                    spring:
                      jpa:
                        hibernate:
                          ddl-auto: validate
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: local | dev
                      jpa:
                        hibernate:
                          ddl-auto: update
                    """).expectNoFindings();
        }

        @Test
        void ignoresQuarkusDeveloperProfilePrefixes() {
            tester().file("src/main/resources/application.properties", """
                    quarkus.hibernate-orm.database.generation=validate
                    %dev.quarkus.hibernate-orm.database.generation=drop-and-create
                    %test.quarkus.hibernate-orm.database.generation=drop-and-create
                    %dev,test.quarkus.hibernate-orm.sql-load-script=import.sql
                    quarkus.hibernate-orm.database.generation.create-schemas=true
                    """).file("src/main/resources/application.yaml", """
                    "%dev":
                      quarkus:
                        hibernate-orm:
                          database:
                            generation: update
                    """).expectNoFindings();
        }

        @Test
        void ignoresPlaceholdersWithoutADestructiveDefault() {
            tester().file("src/main/resources/application.properties", """
                    spring.jpa.hibernate.ddl-auto=${DDL_AUTO}
                    spring.jpa.properties.hibernate.hbm2ddl.auto=${HBM2DDL:validate}
                    """).expectNoFindings();
        }

        @Test
        void ignoresSchemaGenerationAgainstAnInMemoryDatabase() {
            tester().file("src/main/resources/application.properties", """
                    spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1
                    spring.jpa.hibernate.ddl-auto=create-drop
                    """).file("src/main/resources/application-prod.properties", """
                    spring.jpa.hibernate.ddl-auto=validate
                    """).expectNoFindings();
        }

        @Test
        void ignoresUnrelatedSettingsThatMentionDdlOrSchemas() {
            tester().file("src/main/resources/application.properties", """
                    spring.jpa.generate-ddl=false
                    spring.sql.init.mode=always
                    spring.flyway.baseline-on-migrate=true
                    spring.jpa.properties.hibernate.hbm2ddl.charset_name=UTF-8
                    jakarta.persistence.schema-generation.scripts.action=create
                    app.schema.update=create
                    """).expectNoFindings();
        }

        @Test
        void honoursAnIgnoreCommentWithAReason() {
            tester().file("src/main/resources/application.properties", """
                    spring.datasource.url=jdbc:postgresql://localhost:5432/scratch
                    # archlint:ignore schema-auto-ddl throwaway demo database recreated by the workshop script
                    spring.jpa.hibernate.ddl-auto=create
                    """).expectNoFindings();
        }
    }
}
