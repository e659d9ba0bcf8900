package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

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

class NoSchemaMigrationsRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "orders-service", "1.0.0");

    private static final String CUSTOMER = """
            package com.acme.orders.domain;

            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            // violation: module `orders-service` maps 2 JPA entities (first `Customer`) but has neither Flyway nor Liquibase on the runtime classpath; add `org.flywaydb:flyway-core` (or `org.liquibase:liquibase-core`), which Spring Boot runs at startup, and change the schema only through versioned migrations
            @Entity
            @Table(name = "customers")
            public class Customer {
                @Id
                @GeneratedValue
                private Long id;

                @Column(nullable = false, unique = true)
                private String email;

                protected Customer() {}

                public Customer(String email) {
                    this.email = email;
                }
            }
            """;

    private static final String ORDER = """
            package com.acme.orders.domain;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;
            import java.math.BigDecimal;

            @Entity
            @Table(name = "orders")
            public class Order {
                @Id
                private Long id;

                @ManyToOne
                private Customer customer;

                private BigDecimal total;
            }
            """;

    private static final String ORDER_REPOSITORY = """
            package com.acme.orders.domain;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, Long> {}
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NoSchemaMigrationsRule());
    }

    private static Dependency direct(String coordinates, String scope, int line) {
        Artifact artifact = artifact(coordinates);
        return new Dependency(artifact, scope, false, List.of(artifact), new Dependency.Declaration("pom.xml", line, 9));
    }

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

    private static List<Dependency> springDataJpa() {
        Dependency starter = direct("org.springframework.boot:spring-boot-starter-data-jpa:3.3.5", "compile", 30);
        return List.of(starter, through(starter, "org.hibernate.orm:hibernate-core:6.5.3.Final"),
                through(starter, "com.zaxxer:HikariCP:5.1.0"),
                direct("org.postgresql:postgresql:42.7.4", "runtime", 34));
    }

    private static DependencyGraph springDataJpaWith(Dependency... more) {
        List<Dependency> all = new ArrayList<>(springDataJpa());
        all.addAll(List.of(more));
        return graph(all.toArray(Dependency[]::new));
    }

    @Nested
    class Violating {

        @Test
        void reportsSpringBootModuleOnceAtTheFirstEntity() {
            tester().dependencies(springDataJpaWith())
                    .java("com/acme/orders/domain/Customer.java", CUSTOMER)
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .java("com/acme/orders/domain/OrderRepository.java", ORDER_REPOSITORY)
                    .expectMarkedFindings();
        }

        @Test
        void reportsWhenFlywayIsOnlyOnTheTestClasspath() {
            List<Finding> findings = tester()
                    .dependencies(springDataJpaWith(direct("org.flywaydb:flyway-core:10.10.0", "test", 40)))
                    .java("com/acme/orders/domain/Customer.java", CUSTOMER)
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/java/com/acme/orders/domain/Customer.java", 10);
            assertThat(findings.get(0).message()).contains("maps 2 JPA entities (first `Customer`) but has neither");
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.orders.domain.Customer");
        }

        @Test
        void reportsJavaxEntitiesWithHibernateFive() {
            tester().dependencies(graph(direct("org.hibernate:hibernate-core:5.6.15.Final", "compile", 22)))
                    .java("com/acme/billing/Invoice.java", """
                            package com.acme.billing;

                            import javax.persistence.*;

                            // violation: module `orders-service` maps 1 JPA entity (first `Invoice`)
                            @Entity
                            @Table(name = "invoices")
                            public class Invoice {
                                @Id
                                @GeneratedValue(strategy = GenerationType.IDENTITY)
                                private Long id;
                                private String number;
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsQuarkusPanacheEntityAndSuggestsTheQuarkusExtension() {
            Dependency orm = direct("io.quarkus:quarkus-hibernate-orm-panache:3.15.1", "compile", 28);
            tester().dependencies(graph(direct("io.quarkus:quarkus-rest:3.15.1", "compile", 24), orm,
                            through(orm, "io.quarkus:quarkus-hibernate-orm:3.15.1"),
                            through(orm, "org.hibernate.orm:hibernate-core:6.6.1.Final")))
                    .java("org/acme/fruits/Fruit.java", """
                            package org.acme.fruits;

                            import io.quarkus.hibernate.orm.panache.PanacheEntity;
                            import jakarta.persistence.Cacheable;
                            import jakarta.persistence.Column;
                            import jakarta.persistence.Entity;

                            // violation: add `io.quarkus:quarkus-flyway` (or `quarkus-liquibase`) with `quarkus.flyway.migrate-at-start=true`
                            @Entity
                            @Cacheable
                            public class Fruit extends PanacheEntity {
                                @Column(length = 40, unique = true)
                                public String name;
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsMicronautDataJpaAndSuggestsMicronautFlyway() {
            Dependency data = direct("io.micronaut.data:micronaut-data-hibernate-jpa:4.9.3", "compile", 31);
            tester().dependencies(graph(data, through(data, "org.hibernate.orm:hibernate-core:6.5.2.Final")))
                    .java("com/acme/catalog/Product.java", """
                            package com.acme.catalog;

                            import io.micronaut.serde.annotation.Serdeable;
                            import jakarta.persistence.Entity;
                            import jakarta.persistence.GeneratedValue;
                            import jakarta.persistence.Id;

                            // violation: add `io.micronaut.flyway:micronaut-flyway` (or `micronaut-liquibase`)
                            @Serdeable
                            @Entity
                            public class Product {
                                @Id
                                @GeneratedValue
                                private Long id;
                                private String sku;
                            }
                            """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresModuleWithFlyway() {
            tester().dependencies(springDataJpaWith(direct("org.flywaydb:flyway-core:10.10.0", "compile", 40),
                            direct("org.flywaydb:flyway-database-postgresql:10.10.0", "runtime", 44)))
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .expectNoFindings();
        }

        @Test
        void ignoresModuleWithLiquibaseBroughtByAFrameworkExtension() {
            Dependency liquibase = direct("io.quarkus:quarkus-liquibase:3.15.1", "compile", 36);
            tester().dependencies(springDataJpaWith(liquibase, through(liquibase, "org.liquibase:liquibase-core:4.29.2")))
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .expectNoFindings();
            tester().dependencies(springDataJpaWith(direct("io.micronaut.flyway:micronaut-flyway:7.4.0", "compile", 36)))
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .expectNoFindings();
        }

        @Test
        void ignoresALibraryOfEntitiesWithOnlyTheJpaApi() {
            tester().dependencies(graph(direct("jakarta.persistence:jakarta.persistence-api:3.1.0", "compile", 20)))
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .expectNoFindings();
        }

        @Test
        void ignoresModuleWithoutJpaEntities() {
            tester().dependencies(springDataJpaWith())
                    .java("com/acme/orders/domain/Auditable.java", """
                            package com.acme.orders.domain;

                            import jakarta.persistence.MappedSuperclass;
                            import java.time.Instant;

                            @MappedSuperclass
                            public abstract class Auditable {
                                private Instant createdAt;
                            }
                            """).java("com/acme/orders/domain/Money.java", """
                            package com.acme.orders.domain;

                            import jakarta.persistence.Embeddable;
                            import java.math.BigDecimal;

                            @Embeddable
                            public record Money(BigDecimal amount, String currency) {}
                            """).java("com/acme/orders/ddd/Shipment.java", """
                            package com.acme.orders.ddd;

                            import com.acme.shared.ddd.Entity;

                            @Entity
                            public class Shipment {
                                private String trackingNumber;
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresModuleWhoseMigrationScriptsRunOutsideTheApplication() {
            tester().dependencies(springDataJpaWith())
                    .java("com/acme/orders/domain/Order.java", ORDER)
                    .file("src/main/resources/db/migration/V1__create_orders.sql", """
                            create table orders (id bigint primary key, total numeric(12, 2));
                            """)
                    .expectNoFindings();
        }

        @Test
        void honoursAnIgnoreCommentAboveTheEntity() {
            tester().dependencies(springDataJpaWith())
                    .java("com/acme/orders/domain/Order.java", """
                            package com.acme.orders.domain;

                            import jakarta.persistence.Entity;
                            import jakarta.persistence.Id;

                            // archlint:ignore no-schema-migrations the schema is owned by the orders-migrations job
                            @Entity
                            public class Order {
                                @Id
                                private Long id;
                            }
                            """).expectNoFindings();
        }
    }
}
