package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.archlint.engine.Finding;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.testing.RuleTester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NoConnectionPoolRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "app", "1.0.0");
    private static final String POSTGRES_MESSAGE = "JDBC driver `org.postgresql:postgresql:42.7.4` is on the runtime "
            + "classpath (app -> org.postgresql:postgresql:42.7.4) but no connection pool is; add HikariCP "
            + "(`com.zaxxer:HikariCP`, which `spring-boot-starter-jdbc` brings) and configure the data source through it";

    private static RuleTester tester() {
        return RuleTester.of(new NoConnectionPoolRule());
    }

    /** A direct dependency declared in pom.xml at the given line. */
    private static Dependency direct(String coordinates, String scope, int line) {
        Artifact artifact = artifact(coordinates);
        return new Dependency(artifact, scope, false, List.of(artifact), new Dependency.Declaration("pom.xml", line, 9));
    }

    /** An artifact brought in by {@code via}, with its scope and declaration. */
    private static Dependency through(Dependency via, String coordinates) {
        List<Artifact> path = new ArrayList<>(via.path());
        path.add(artifact(coordinates));
        return new Dependency(path.get(path.size() - 1), via.scope(), false, path, via.declaredAt());
    }

    private static Artifact artifact(String coordinates) {
        String[] parts = coordinates.split(":");
        return new Artifact(parts[0], parts[1], parts[2]);
    }

    private static DependencyGraph graph(Dependency... dependencies) {
        DependencyGraph.Builder builder = DependencyGraph.builder(APP);
        Arrays.stream(dependencies).forEach(builder::add);
        return builder.build();
    }

    private static DependencyGraph springBootJdbc() {
        Dependency starter = direct("org.springframework.boot:spring-boot-starter-jdbc:3.3.5", "compile", 30);
        return graph(starter, through(starter, "com.zaxxer:HikariCP:5.1.0"),
                through(starter, "org.springframework:spring-jdbc:6.1.14"),
                direct("org.postgresql:postgresql:42.7.4", "runtime", 34));
    }

    @Nested
    class Violating {

        @Test
        void reportsDriverWithoutPoolAtItsDeclarationWithThePath() {
            Dependency web = direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile", 22);
            Dependency jdbc = direct("org.springframework:spring-jdbc:6.1.14", "compile", 26);
            List<Finding> findings = tester().dependencies(graph(web, jdbc,
                    through(web, "org.springframework:spring-webmvc:6.1.14"),
                    direct("org.postgresql:postgresql:42.7.4", "runtime", 30))).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("pom.xml", 30, 9);
            assertThat(finding.message()).isEqualTo(POSTGRES_MESSAGE);
            assertThat(finding.symbol()).isEqualTo("org.postgresql:postgresql");
        }

        @Test
        void reportsEachDriverOnceIncludingH2OnTheRuntimeClasspath() {
            Dependency jooq = direct("org.jooq:jooq:3.19.15", "compile", 18);
            List<Finding> findings = tester().dependencies(graph(jooq,
                    direct("com.mysql:mysql-connector-j:9.1.0", "runtime", 23),
                    direct("com.h2database:h2:2.3.232", "compile", 28),
                    direct("com.zaxxer:HikariCP:5.1.0", "test", 33))).findings();

            assertThat(findings).extracting(Finding::file, Finding::line)
                    .containsExactly(tuple("pom.xml", 23), tuple("pom.xml", 28));
            assertThat(findings.get(0).message()).contains("`com.mysql:mysql-connector-j:9.1.0`");
            assertThat(findings.get(1).message()).contains("`com.h2database:h2:2.3.232`", "but no connection pool is");
        }

        @Test
        void reportsDriverBroughtByAQuarkusExtensionAtTheExtensionAndSuggestsAgroal() {
            Dependency extension = direct("io.quarkus:quarkus-jdbc-postgresql:3.15.1", "compile", 41);
            List<Finding> findings = tester().dependencies(graph(
                    direct("io.quarkus:quarkus-rest:3.15.1", "compile", 37), extension,
                    through(extension, "org.postgresql:postgresql:42.7.4"))).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line).containsExactly("pom.xml", 41);
            assertThat(findings.get(0).message())
                    .contains("(app -> io.quarkus:quarkus-jdbc-postgresql:3.15.1 -> org.postgresql:postgresql:42.7.4)")
                    .contains("add Agroal (`io.quarkus:quarkus-agroal`)");
            assertThat(findings.get(0).symbol()).isEqualTo("io.quarkus:quarkus-jdbc-postgresql");
        }

        @Test
        void reportsAtLineZeroOfThePomWhenTheDeclarationIsUnknown() {
            Artifact oracle = artifact("com.oracle.database.jdbc:ojdbc11:23.5.0.24.07");
            List<Finding> findings = tester().dependencies(graph(
                    new Dependency(oracle, "compile", false, List.of(oracle), null))).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("pom.xml", 0, 0);
            assertThat(findings.get(0).message()).contains("`com.oracle.database.jdbc:ojdbc11:23.5.0.24.07`");
        }

        @Test
        void reportsDriverManagerCallsEvenWithAPoolOnTheClasspath() {
            tester().dependencies(springBootJdbc()).java("com/acme/reports/ReportDao.java", """
                    package com.acme.reports;

                    import java.sql.Connection;
                    import java.sql.DriverManager;
                    import java.sql.ResultSet;
                    import java.sql.SQLException;
                    import org.springframework.beans.factory.annotation.Value;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class ReportDao {

                        private final String url;

                        public ReportDao(@Value("${spring.datasource.url}") String url) {
                            this.url = url;
                        }

                        public long countOrders() throws SQLException {
                            // violation: `ReportDao#countOrders` opens a connection with `DriverManager.getConnection`
                            try (Connection connection = DriverManager.getConnection(url, "report", "report");
                                    ResultSet rows = connection.createStatement().executeQuery("select count(*) from orders")) {
                                rows.next();
                                return rows.getLong(1);
                            }
                        }

                        public Connection raw() throws SQLException {
                            // violation: inject a pooled `DataSource` (HikariCP) and take connections from it
                            return java.sql.DriverManager.getConnection(url);
                        }
                    }
                    """).java("com/acme/reports/ExportJob.java", """
                    package com.acme.reports;

                    import static java.sql.DriverManager.getConnection;

                    import java.sql.Connection;
                    import java.sql.SQLException;

                    public class ExportJob {

                        public void export(String url) throws SQLException {
                            // violation: `ExportJob#export` opens a connection with `DriverManager.getConnection`
                            try (Connection connection = getConnection(url)) {
                                connection.setReadOnly(true);
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsNonPoolingSpringDataSources() {
            tester().java("com/acme/config/DataConfig.java", """
                    package com.acme.config;

                    import javax.sql.DataSource;
                    import org.springframework.boot.jdbc.DataSourceBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.jdbc.datasource.DriverManagerDataSource;
                    import org.springframework.jdbc.datasource.SimpleDriverDataSource;

                    @Configuration
                    public class DataConfig {

                        @Bean
                        DataSource dataSource() {
                            // violation: `DataConfig#dataSource` creates a `DriverManagerDataSource`, which opens a new physical connection for every `getConnection()`
                            DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:postgresql://db/orders", "app", "secret");
                            dataSource.setDriverClassName("org.postgresql.Driver");
                            return dataSource;
                        }

                        @Bean
                        DataSource reportingDataSource() {
                            return DataSourceBuilder.create()
                                    .url("jdbc:postgresql://replica/orders")
                                    // violation: `DataConfig#reportingDataSource` builds the data source as `SimpleDriverDataSource`
                                    .type(SimpleDriverDataSource.class)
                                    .build();
                        }
                    }
                    """).java("com/acme/audit/AuditStore.java", """
                    package com.acme.audit;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.jdbc.datasource.*;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class AuditStore {

                        public void write(String url, String event) {
                            // violation: `AuditStore#write` creates a `SingleConnectionDataSource`, which shares one unpooled connection
                            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "audit", "audit", true));
                            jdbc.update("insert into audit(event) values (?)", event);
                        }

                        public JdbcTemplate archive(String url) {
                            // violation: `AuditStore#archive` creates a `SimpleDriverDataSource`
                            return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsNonPoolingDataSourceTypeInAnyProfileOfTheConfiguration() {
            List<Finding> findings = tester().dependencies(springBootJdbc())
                    .file("src/main/resources/application.properties", """
                            spring.application.name=orders
                            spring.datasource.url=jdbc:postgresql://db/orders
                            spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource
                            """)
                    .file("src/main/resources/application-prod.yml", """
                            spring:
                              datasource:
                                url: jdbc:postgresql://prod-db/orders
                                type: org.postgresql.ds.PGSimpleDataSource
                            """)
                    .findings();

            assertThat(findings).extracting(Finding::file, Finding::line).containsExactly(
                    tuple("src/main/resources/application-prod.yml", 4),
                    tuple("src/main/resources/application.properties", 3));
            assertThat(findings.get(0).message()).isEqualTo("`spring.datasource.type` is "
                    + "`org.postgresql.ds.PGSimpleDataSource`, which pools no connections; remove the property so "
                    + "Spring Boot uses HikariCP, or name a pooling data source");
            assertThat(findings.get(1).message())
                    .contains("`org.springframework.jdbc.datasource.SimpleDriverDataSource`, which pools no connections");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresDriverWhenSpringBootJdbcStarterBringsHikari() {
            tester().dependencies(springBootJdbc()).expectNoFindings();
        }

        @Test
        void ignoresDriverWithAnyKnownPoolEvenTransitively() {
            List<String> pools = List.of("com.mchange:c3p0:0.10.1", "org.apache.commons:commons-dbcp2:2.12.0",
                    "org.apache.tomcat:tomcat-jdbc:10.1.31", "com.alibaba:druid-spring-boot-starter:1.2.23",
                    "io.agroal:agroal-pool:2.5", "org.vibur:vibur-dbcp:25.0", "com.oracle.database.jdbc:ucp11:23.5.0.24.07",
                    "com.zaxxer:HikariCP-java7:2.4.13");
            for (String pool : pools) {
                Dependency hibernate = direct("org.hibernate.orm:hibernate-core:6.5.3.Final", "compile", 20);
                tester().dependencies(graph(hibernate, direct("org.mariadb.jdbc:mariadb-java-client:3.4.1", "runtime", 25),
                        through(hibernate, pool))).expectNoFindings();
            }
            Dependency quarkusOrm = direct("io.quarkus:quarkus-hibernate-orm:3.15.1", "compile", 30);
            Dependency extension = direct("io.quarkus:quarkus-jdbc-mssql:3.15.1", "compile", 34);
            tester().dependencies(graph(quarkusOrm, extension, through(quarkusOrm, "io.quarkus:quarkus-agroal:3.15.1"),
                    through(extension, "com.microsoft.sqlserver:mssql-jdbc:12.8.1.jre11"))).expectNoFindings();
        }

        @Test
        void ignoresTestScopedDriversAndDriversTheContainerProvides() {
            Dependency testcontainers = direct("org.testcontainers:postgresql:1.20.3", "test", 50);
            tester().dependencies(graph(direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile", 20),
                    direct("com.h2database:h2:2.3.232", "test", 45), testcontainers,
                    through(testcontainers, "org.postgresql:postgresql:42.7.4"),
                    direct("org.xerial:sqlite-jdbc:3.47.0.0", "provided", 55))).expectNoFindings();
            tester().dependencies(graph(direct("jakarta.platform:jakarta.jakartaee-api:10.0.0", "provided", 20),
                    direct("com.ibm.db2:jcc:11.5.9.0", "compile", 25))).expectNoFindings();
        }

        @Test
        void ignoresDriverWhenTheConfigurationNamesAPoolingDataSourceType() {
            tester().dependencies(graph(direct("org.mariadb.jdbc:mariadb-java-client:3.4.1", "runtime", 25)))
                    .file("src/main/resources/application.yaml", """
                            spring:
                              datasource:
                                type: org.mariadb.jdbc.MariaDbPoolDataSource
                                url: jdbc:mariadb://db/shop
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresPooledDataSourcesAndConfigurationThatIsNotTheDataSourceType() {
            tester().dependencies(springBootJdbc()).java("com/acme/config/DataConfig.java", """
                    package com.acme.config;

                    import com.zaxxer.hikari.HikariConfig;
                    import com.zaxxer.hikari.HikariDataSource;
                    import javax.sql.DataSource;
                    import org.springframework.boot.jdbc.DataSourceBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;

                    @Configuration
                    public class DataConfig {

                        @Bean
                        DataSource dataSource() {
                            HikariConfig config = new HikariConfig();
                            config.setJdbcUrl("jdbc:postgresql://db/orders");
                            config.setMaximumPoolSize(20);
                            return new HikariDataSource(config);
                        }

                        @Bean
                        DataSource reporting() {
                            return DataSourceBuilder.create().type(HikariDataSource.class).url("jdbc:postgresql://replica/orders").build();
                        }
                    }
                    """).java("com/acme/orders/OrderDao.java", """
                    package com.acme.orders;

                    import java.sql.Connection;
                    import java.sql.SQLException;
                    import javax.sql.DataSource;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class OrderDao {
                        private final DataSource dataSource;

                        public OrderDao(DataSource dataSource) {
                            this.dataSource = dataSource;
                        }

                        public boolean healthy() throws SQLException {
                            try (Connection connection = dataSource.getConnection()) {
                                return connection.isValid(1);
                            }
                        }
                    }
                    """).file("src/main/resources/application.properties", """
                    spring.datasource.type=com.zaxxer.hikari.HikariDataSource
                    spring.datasource.hikari.maximum-pool-size=20
                    legacy.datasource.type=org.springframework.jdbc.datasource.DriverManagerDataSource
                    """).expectNoFindings();
        }

        @Test
        void ignoresCommandLineMainMethodsForASingleConnection() {
            tester().java("com/acme/tools/SchemaDump.java", """
                    package com.acme.tools;

                    import java.sql.Connection;
                    import java.sql.DriverManager;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.jdbc.datasource.SingleConnectionDataSource;

                    public final class SchemaDump {

                        public static void main(String[] args) throws Exception {
                            try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
                                System.out.println(connection.getMetaData().getDatabaseProductVersion());
                            }
                            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(args[0], args[1], args[2], true));
                            jdbc.queryForList("select table_name from information_schema.tables").forEach(System.out::println);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTypesAndMethodsOfTheSameNameThatAreNotJdbcs() {
            tester().java("com/acme/db/DriverManager.java", """
                    package com.acme.db;

                    import java.sql.Connection;
                    import javax.sql.DataSource;

                    public final class DriverManager {
                        private static DataSource pool;

                        public static Connection getConnection(String name) throws java.sql.SQLException {
                            return pool.getConnection();
                        }
                    }
                    """).java("com/acme/db/Accounts.java", """
                    package com.acme.db;

                    import java.sql.*;

                    public class Accounts {
                        public int count() throws SQLException {
                            try (Connection connection = DriverManager.getConnection("accounts")) {
                                return 1;
                            }
                        }
                    }
                    """).java("com/acme/db/Ledger.java", """
                    package com.acme.db;

                    import static java.sql.DriverManager.*;

                    import java.sql.Connection;
                    import javax.sql.DataSource;

                    public class Ledger {
                        private final DataSource dataSource;

                        public Ledger(DataSource dataSource) {
                            this.dataSource = dataSource;
                        }

                        public void touch() throws java.sql.SQLException {
                            try (Connection connection = getConnection()) {
                                connection.setAutoCommit(false);
                            }
                        }

                        private Connection getConnection() throws java.sql.SQLException {
                            return dataSource.getConnection();
                        }
                    }
                    """).java("com/acme/legacy/Wiring.java", """
                    package com.acme.legacy;

                    import com.acme.legacy.datasource.DriverManagerDataSource;

                    public class Wiring {
                        public Object dataSource() {
                            return new DriverManagerDataSource();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
