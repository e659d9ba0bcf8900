package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MissingIndexRuleTest {

    /** A Lombok-style entity with the usual mix of indexed and plain columns. */
    private static final String ORDER = """
            package com.acme.orders;

            import jakarta.persistence.*;
            import java.math.BigDecimal;
            import java.time.Instant;
            import lombok.Getter;
            import lombok.NoArgsConstructor;
            import lombok.Setter;

            @Entity
            @Table(name = "orders", indexes = @Index(name = "idx_orders_warehouse_sku", columnList = "warehouse_code, sku"))
            @Getter
            @Setter
            @NoArgsConstructor
            public class Order {

                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                private Long id;

                @Column(name = "order_number", nullable = false, unique = true)
                private String orderNumber;

                private String customerEmail;

                private String warehouseCode;

                private String sku;

                private String trackingCode;

                @Enumerated(EnumType.STRING)
                private OrderStatus status;

                private boolean archived;

                private BigDecimal total;

                private Instant placedAt;

                @ManyToOne(fetch = FetchType.LAZY)
                private Customer customer;

                @Embedded
                @AttributeOverride(name = "city", column = @Column(name = "ship_city"))
                private Address shippingAddress;

                @OneToMany(mappedBy = "order")
                private java.util.List<OrderLine> lines;
            }
            """;

    private static final String ORDER_STATUS = """
            package com.acme.orders;

            public enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }
            """;

    private static final String ORDER_LINE = """
            package com.acme.orders;

            import jakarta.persistence.*;

            @Entity
            public class OrderLine {
                @Id
                private Long id;
                @ManyToOne
                private Order order;
                private String sku;
            }
            """;

    /** A plain JPA entity with getters and setters, extending a mapped superclass. */
    private static final String CUSTOMER = """
            package com.acme.orders;

            import com.acme.common.BaseEntity;
            import jakarta.persistence.Embedded;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Table;
            import org.hibernate.annotations.NaturalId;

            @Entity
            @Table(name = "customers")
            public class Customer extends BaseEntity {

                @NaturalId
                private String email;

                private String lastName;

                private String firstName;

                private boolean active;

                @Embedded
                private Address address;

                public String getEmail() {
                    return email;
                }

                public void setEmail(String email) {
                    this.email = email;
                }

                public String getLastName() {
                    return lastName;
                }

                public void setLastName(String lastName) {
                    this.lastName = lastName;
                }
            }
            """;

    private static final String BASE_ENTITY = """
            package com.acme.common;

            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.Id;
            import jakarta.persistence.MappedSuperclass;
            import jakarta.persistence.Version;
            import java.time.Instant;

            @MappedSuperclass
            public abstract class BaseEntity {
                @Id
                @GeneratedValue
                private Long id;

                @Version
                private long version;

                private Instant createdAt;

                public Long getId() {
                    return id;
                }
            }
            """;

    private static final String ADDRESS = """
            package com.acme.orders;

            import jakarta.persistence.Embeddable;

            @Embeddable
            public class Address {
                private String street;
                private String city;
                private String postalCode;
            }
            """;

    /** The schema of {@link #ORDER} and {@link #CUSTOMER} as a Flyway migration creates it. */
    private static final String V1_INIT = """
            CREATE TABLE customers (
                id         BIGSERIAL PRIMARY KEY,
                version    BIGINT NOT NULL,
                created_at TIMESTAMP,
                email      VARCHAR(200) NOT NULL,
                last_name  VARCHAR(100),
                first_name VARCHAR(100),
                active     BOOLEAN NOT NULL DEFAULT TRUE,
                street     VARCHAR(200),
                city       VARCHAR(100),
                postal_code VARCHAR(20),
                CONSTRAINT uk_customers_email UNIQUE (email)
            );

            CREATE TABLE orders (
                id             BIGSERIAL PRIMARY KEY,
                order_number   VARCHAR(40) NOT NULL,
                customer_email VARCHAR(200),
                warehouse_code VARCHAR(20),
                sku            VARCHAR(40),
                tracking_code  VARCHAR(40) UNIQUE,
                status         VARCHAR(20) NOT NULL,
                archived       BOOLEAN NOT NULL,
                total          NUMERIC(12, 2),
                placed_at      TIMESTAMP NOT NULL,
                customer_id    BIGINT REFERENCES customers (id),
                street         VARCHAR(200),
                ship_city      VARCHAR(100),
                postal_code    VARCHAR(20)
            );

            CREATE TABLE order_line (
                id       BIGSERIAL PRIMARY KEY,
                order_id BIGINT NOT NULL REFERENCES orders (id),
                sku      VARCHAR(40) NOT NULL
            );
            """;

    /** Hibernate writes the tables from the mapping, so the annotations are the schema (without migrations). */
    private static final String HIBERNATE_WRITES_THE_SCHEMA = "spring.jpa.hibernate.ddl-auto=update\n";

    private static RuleTester tester() {
        return RuleTester.of(new MissingIndexRule())
                .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                .java("com/acme/orders/Order.java", ORDER)
                .java("com/acme/orders/OrderStatus.java", ORDER_STATUS)
                .java("com/acme/orders/OrderLine.java", ORDER_LINE)
                .java("com/acme/orders/Customer.java", CUSTOMER)
                .java("com/acme/common/BaseEntity.java", BASE_ENTITY)
                .java("com/acme/orders/Address.java", ADDRESS);
    }

    private static RuleTester orderRepository(String methods) {
        return tester().java("com/acme/orders/OrderRepository.java", """
                package com.acme.orders;

                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.List;
                import java.util.Optional;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Modifying;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.query.Param;

                public interface OrderRepository extends JpaRepository<Order, Long> {
                """ + methods.indent(4) + "}\n");
    }

    @Nested
    class Violating {

        @Test
        void reportsDerivedQueryOnAColumnWithoutIndex() {
            orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customer_email`, which has no index; add `CREATE INDEX idx_orders_customer_email ON orders (customer_email)` in a migration or `@Index(columnList = "customer_email")` on `Order`
                    List<Order> findByCustomerEmail(String customerEmail);

                    // violation: OrderRepository#findFirst10ByTrackingCodeOrderByPlacedAtDesc queries `orders.tracking_code`
                    List<Order> findFirst10ByTrackingCodeOrderByPlacedAtDesc(String trackingCode);

                    // violation: OrderRepository#existsByTrackingCode queries `orders.tracking_code`
                    boolean existsByTrackingCode(String trackingCode);

                    // violation: OrderRepository#countByCustomerEmail queries `orders.customer_email`
                    long countByCustomerEmail(String customerEmail);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWithoutMigrationsWhenHibernateWritesTheSchema() {
            orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customer_email`, which has no index
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application.yml", """
                            spring:
                              jpa:
                                hibernate:
                                  ddl-auto: update
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsWithoutConfigurationOnAnEmbeddedDatabaseWhereSpringBootCreatesTheTables() {
            Artifact h2 = new Artifact("com.h2database", "h2", "2.3.232");
            orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customer_email`, which has no index
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application.properties", "spring.application.name=orders\n")
                    .dependencies(DependencyGraph.builder(new Artifact("com.acme", "shop", "1.0.0"))
                            .add(new Dependency(h2, "runtime", false, List.of(h2),
                                    new Dependency.Declaration("pom.xml", 40, 9)))
                            .build())
                    .expectMarkedFindings();
        }

        @Test
        void reportsFindingAtTheRepositoryMethodWithItsSymbol() {
            List<Finding> findings = orderRepository("""
                    Page<Order> findByCustomerEmail(String customerEmail, Pageable pageable);
                    """).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.file()).isEqualTo("src/main/java/com/acme/orders/OrderRepository.java");
            assertThat(finding.line()).isEqualTo(15);
            assertThat(finding.symbol()).isEqualTo("com.acme.orders.OrderRepository#findByCustomerEmail");
            assertThat(finding.message()).contains("`orders.customer_email`, which has no index");
        }

        @Test
        void reportsColumnThatIsNotTheLeadingColumnOfACompositeIndex() {
            orderRepository("""
                    // violation: OrderRepository#findBySku queries `orders.sku`, which has no index; add `CREATE INDEX idx_orders_sku ON orders (sku)`
                    List<Order> findBySku(String sku);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsForeignKeyColumnsQueriedWithoutIndex() {
            orderRepository("""
                    // violation: OrderRepository#findByCustomer queries `orders.customer_id`, which has no index; add `CREATE INDEX idx_orders_customer_id ON orders (customer_id)`
                    List<Order> findByCustomer(Customer customer);

                    // violation: OrderRepository#findByCustomerId queries `orders.customer_id`
                    List<Order> findByCustomerId(Long customerId);

                    // violation: OrderRepository#findByCustomer_IdAndPlacedAtAfter queries `orders.customer_id` and `orders.placed_at`, none of which has an index; add `CREATE INDEX idx_orders_customer_id ON orders (customer_id)`
                    List<Order> findByCustomer_IdAndPlacedAtAfter(Long customerId, Instant since);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsEmbeddedColumnsWithTheirOverriddenNames() {
            orderRepository("""
                    // violation: OrderRepository#findByShippingAddressCity queries `orders.ship_city`, which has no index
                    List<Order> findByShippingAddressCity(String city);

                    // violation: OrderRepository#findByShippingAddress_PostalCode queries `orders.postal_code`
                    List<Order> findByShippingAddress_PostalCode(String postalCode);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsNestedPathThroughAnAssociationOnTheTargetTable() {
            orderRepository("""
                    // violation: OrderRepository#findByCustomerAddressCity queries `customers.city`, which has no index; add `CREATE INDEX idx_customers_city ON customers (city)` in a migration or `@Index(columnList = "city")` on `Customer`
                    List<Order> findByCustomerAddressCity(String city);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRangeAndInConditions() {
            orderRepository("""
                    // violation: OrderRepository#findByPlacedAtBetween queries `orders.placed_at`
                    List<Order> findByPlacedAtBetween(Instant from, Instant to);

                    // violation: OrderRepository#findByTotalGreaterThanEqual queries `orders.total`
                    List<Order> findByTotalGreaterThanEqual(BigDecimal minimum);

                    // violation: OrderRepository#findByTrackingCodeIn queries `orders.tracking_code`
                    List<Order> findByTrackingCodeIn(List<String> codes);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsEachOrBranchThatNoIndexServes() {
            orderRepository("""
                    // violation: OrderRepository#findByOrderNumberOrCustomerEmail queries `orders.customer_email`, which has no index
                    List<Order> findByOrderNumberOrCustomerEmail(String orderNumber, String customerEmail);

                    // violation: OrderRepository#findByTrackingCodeOrCustomerEmail queries `orders.tracking_code` and `orders.customer_email`, none of which has an index; add `CREATE INDEX idx_orders_tracking_code ON orders (tracking_code)` and `CREATE INDEX idx_orders_customer_email ON orders (customer_email)` in a migration
                    List<Order> findByTrackingCodeOrCustomerEmail(String trackingCode, String customerEmail);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSelectiveColumnNextToEnumsAndBooleans() {
            orderRepository("""
                    // violation: OrderRepository#findByStatusAndCustomerEmailAndArchivedFalse queries `orders.customer_email`, which has no index
                    List<Order> findByStatusAndCustomerEmailAndArchivedFalse(OrderStatus status, String email);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJpqlQueryWithSimpleWhereClause() {
            orderRepository("""
                    @Query("select o from Order o where o.customerEmail = :email and o.status = :status order by o.placedAt desc")
                    // violation: OrderRepository#recentForCustomer queries `orders.customer_email`, which has no index
                    List<Order> recentForCustomer(@Param("email") String email, @Param("status") OrderStatus status);

                    @Modifying
                    @Query(\"""
                            update Order o
                               set o.status = com.acme.orders.OrderStatus.SHIPPED
                             where o.trackingCode = ?1
                            \""")
                    // violation: OrderRepository#markShipped queries `orders.tracking_code`, which has no index
                    int markShipped(String trackingCode);

                    @Query("select o from #{#entityName} o left join fetch o.lines where o.customer.id = :customerId")
                    // violation: OrderRepository#withLines queries `orders.customer_id`, which has no index
                    List<Order> withLines(@Param("customerId") Long customerId);

                    @Query("from Order where trackingCode in ('A-1', 'A-2') or customer = ?1")
                    // violation: OrderRepository#legacyLookup queries `orders.tracking_code` and `orders.customer_id`, none of which has an index
                    List<Order> legacyLookup(Customer customer);

                    @Query("select count(o) from Order o where o.placedAt >= :from and o.placedAt < :to and o.archived = false")
                    // violation: OrderRepository#countPlacedBetween queries `orders.placed_at`, which has no index
                    long countPlacedBetween(@Param("from") Instant from, @Param("to") Instant to);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsNativeQueryOnOneTable() {
            orderRepository("""
                    @Query(value = "SELECT * FROM orders o WHERE o.customer_email = :email AND o.archived = false", nativeQuery = true)
                    // violation: OrderRepository#findActiveNative queries `orders.customer_email`, which has no index
                    List<Order> findActiveNative(@Param("email") String email);
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSeveralColumnsOfOneConjunction() {
            tester().java("com/acme/orders/CustomerRepository.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.springframework.data.repository.ListCrudRepository;

                    public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

                        // violation: CustomerRepository#findByLastNameAndFirstName queries `customers.last_name` and `customers.first_name`, none of which has an index; add `CREATE INDEX idx_customers_last_name ON customers (last_name)`
                        List<Customer> findByLastNameAndFirstName(String lastName, String firstName);
                    }
                    """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsSnakeCaseTableOfLombokEntityWithMappedSuperclass() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/common/BaseEntity.java", BASE_ENTITY)
                    .java("com/acme/purchasing/PurchaseOrder.java", """
                            package com.acme.purchasing;

                            import com.acme.common.BaseEntity;
                            import jakarta.persistence.Entity;
                            import lombok.Getter;
                            import lombok.Setter;

                            @Entity
                            @Getter
                            @Setter
                            public class PurchaseOrder extends BaseEntity {
                                private String externalReference;
                                private String supplierVatId;
                            }
                            """)
                    .java("com/acme/purchasing/PurchaseOrderRepository.java", """
                            package com.acme.purchasing;

                            import java.time.Instant;
                            import java.util.List;
                            import java.util.Optional;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

                                // violation: PurchaseOrderRepository#findByExternalReference queries `purchase_order.external_reference`, which has no index; add `CREATE INDEX idx_purchase_order_external_reference ON purchase_order (external_reference)` in a migration or `@Index(columnList = "external_reference")` on `PurchaseOrder`
                                Optional<PurchaseOrder> findByExternalReference(String reference);

                                // violation: PurchaseOrderRepository#findByCreatedAtBefore queries `purchase_order.created_at`
                                List<PurchaseOrder> findByCreatedAtBefore(Instant cutOff);

                                // violation: PurchaseOrderRepository#findBySupplierVatId queries `purchase_order.supplier_vat_id`
                                List<PurchaseOrder> findBySupplierVatId(String vatId);
                            }
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsRepositoryBehindAGenericBaseInterfaceWithRecordProjections() {
            tester()
                    .java("com/acme/common/BaseRepository.java", """
                            package com.acme.common;

                            import org.springframework.data.jpa.repository.JpaRepository;
                            import org.springframework.data.repository.NoRepositoryBean;

                            @NoRepositoryBean
                            public interface BaseRepository<T extends BaseEntity, ID> extends JpaRepository<T, ID> {
                            }
                            """)
                    .java("com/acme/orders/CustomerView.java", """
                            package com.acme.orders;

                            public record CustomerView(Long id, String email, String lastName) {}
                            """)
                    .java("com/acme/orders/CustomerRepository.java", """
                            package com.acme.orders;

                            import com.acme.common.BaseRepository;
                            import java.util.List;

                            public interface CustomerRepository extends BaseRepository<Customer, Long> {

                                // violation: CustomerRepository#findByLastNameOrderByFirstName queries `customers.last_name`, which has no index
                                List<CustomerView> findByLastNameOrderByFirstName(String lastName);
                            }
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsRepositoryDeclaredWithRepositoryDefinition() {
            tester().java("com/acme/orders/OrderLookup.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.springframework.data.repository.RepositoryDefinition;

                    @RepositoryDefinition(domainClass = Order.class, idClass = Long.class)
                    public interface OrderLookup {

                        // violation: OrderLookup#readByCustomerEmailAndTotalLessThan queries `orders.customer_email` and `orders.total`, none of which has an index
                        List<Order> readByCustomerEmailAndTotalLessThan(String email, java.math.BigDecimal limit);

                        List<Order> readByWarehouseCodeAndTotalLessThan(String warehouseCode, java.math.BigDecimal limit);
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void usesNamesAsWrittenWhenTheStandardPhysicalNamingStrategyIsConfigured() {
            orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customerEmail`, which has no index; add `CREATE INDEX idx_orders_customerEmail ON orders (customerEmail)`
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA + """
                            spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsColumnsTheMigrationsLeaveWithoutIndexAndSuggestsOnlyAMigration() {
            RuleTester tester = orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customer_email`, which has no index; add `CREATE INDEX idx_orders_customer_email ON orders (customer_email)` in a migration
                    List<Order> findByCustomerEmail(String customerEmail);

                    // violation: OrderRepository#findByCustomerId queries `orders.customer_id`, which has no index
                    List<Order> findByCustomerId(Long customerId);

                    // violation: OrderRepository#findBySku queries `orders.sku`, which has no index
                    List<Order> findBySku(String sku);
                    """)
                    .file("src/main/resources/db/migration/V1__init.sql", V1_INIT)
                    .file("src/main/resources/db/migration/V2__index_sku.sql", """
                            CREATE INDEX idx_orders_placed_sku ON orders (placed_at, sku);
                            """);

            tester.expectMarkedFindings();
            assertThat(tester.findings()).hasSize(3)
                    .allSatisfy(f -> assertThat(f.message()).endsWith("in a migration").doesNotContain("@Index"));
        }

        @Test
        void readsTheSchemaOfSpringSqlInitScriptsWithoutMigrations() {
            // The scripts are the schema, even where the configuration says Hibernate does not write it.
            orderRepository("""
                    // violation: OrderRepository#findByCustomerEmail queries `orders.customer_email`, which has no index; add `CREATE INDEX idx_orders_customer_email ON orders (customer_email)` in a migration
                    List<Order> findByCustomerEmail(String customerEmail);

                    List<Order> findBySku(String sku);
                    """)
                    .file("src/main/resources/application.properties", "spring.jpa.hibernate.ddl-auto=none\n")
                    .file("src/main/resources/schema.sql", "DROP TABLE orders IF EXISTS;\n" + V1_INIT
                            + "CREATE INDEX idx_orders_sku ON orders (sku);\n")
                    .expectMarkedFindings();
        }

        @Test
        void readsTheSchemaOfLiquibaseChangelogs() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/shipping/Shipment.java", """
                            package com.acme.shipping;

                            import jakarta.persistence.*;
                            import java.time.Instant;

                            @Entity
                            @Table(name = "shipments")
                            public class Shipment {
                                @Id
                                private Long id;
                                private String carrierReference;
                                private String orderNumber;
                                private Instant dispatchedAt;
                            }
                            """)
                    .java("com/acme/shipping/ShipmentRepository.java", """
                            package com.acme.shipping;

                            import java.time.Instant;
                            import java.util.List;
                            import java.util.Optional;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            public interface ShipmentRepository extends JpaRepository<Shipment, Long> {
                                Optional<Shipment> findByCarrierReference(String reference);

                                // violation: ShipmentRepository#findByOrderNumberAndDispatchedAtAfter queries `shipments.order_number` and `shipments.dispatched_at`, none of which has an index; add `CREATE INDEX idx_shipments_order_number ON shipments (order_number)` in a migration
                                List<Shipment> findByOrderNumberAndDispatchedAtAfter(String orderNumber, Instant since);
                            }
                            """)
                    .file("src/main/resources/db/changelog/db.changelog-master.yaml", """
                            databaseChangeLog:
                              - changeSet:
                                  id: 1
                                  author: logistics
                                  changes:
                                    - createTable:
                                        tableName: shipments
                                        columns:
                                          - column:
                                              name: id
                                              type: bigint
                                              constraints:
                                                primaryKey: true
                                          - column:
                                              name: carrier_reference
                                              type: varchar(64)
                                          - column:
                                              name: order_number
                                              type: varchar(40)
                                          - column:
                                              name: dispatched_at
                                              type: timestamp
                                    - addUniqueConstraint:
                                        tableName: shipments
                                        columnNames: carrier_reference
                                        constraintName: uk_shipments_carrier_reference
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsOneToOneKeyWhenTheMigrationsGiveItNoUniqueConstraint() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/billing/Invoice.java", """
                            package com.acme.billing;

                            import jakarta.persistence.*;

                            @Entity
                            @Table(name = "invoices")
                            public class Invoice {
                                @Id
                                private Long id;
                                @OneToOne
                                private Payment payment;
                            }
                            """)
                    .java("com/acme/billing/Payment.java", """
                            package com.acme.billing;

                            import jakarta.persistence.*;

                            @Entity
                            @Table(name = "payments")
                            public class Payment {
                                @Id
                                private Long id;
                            }
                            """)
                    .java("com/acme/billing/InvoiceRepository.java", """
                            package com.acme.billing;

                            import java.util.Optional;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            interface InvoiceRepository extends JpaRepository<Invoice, Long> {
                                // violation: InvoiceRepository#findByPaymentId queries `invoices.payment_id`, which has no index; add `CREATE INDEX idx_invoices_payment_id ON invoices (payment_id)` in a migration
                                Optional<Invoice> findByPaymentId(Long paymentId);
                            }
                            """)
                    .file("src/main/resources/db/migration/V1__billing.sql", """
                            create table payments (id bigint not null, primary key (id));
                            create table invoices (
                                id bigint not null,
                                payment_id bigint,
                                primary key (id),
                                constraint fk_invoices_payment foreign key (payment_id) references payments (id)
                            );
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsMongoRepositoryQueriesOnFieldsWithoutIndex() {
            mongo("""
                    // violation: ProfileRepository#findByEmail queries `profiles.email`, which has no index; add `@Indexed` on `Profile.email`
                    Optional<Profile> findByEmail(String email);

                    // violation: ProfileRepository#findByLoyaltyTier queries `profiles.loyalty_tier`, which has no index; add `@Indexed` on `Profile.loyaltyTier`
                    List<Profile> findByLoyaltyTier(String tier);

                    // violation: ProfileRepository#findByAddressCity queries `profiles.address.city`, which has no index; add `@CompoundIndex(def = "{'address.city': 1}")` on `Profile`
                    List<Profile> findByAddressCity(String city);

                    // violation: ProfileRepository#findByCreatedAtAfter queries `profiles.createdAt`
                    List<Profile> findByCreatedAtAfter(Instant since);

                    @Query("{ 'displayName' : ?0, 'active' : true }")
                    // violation: ProfileRepository#named queries `profiles.displayName`, which has no index
                    List<Profile> named(String displayName);
                    """).expectMarkedFindings();
        }
    }

    private static RuleTester mongo(String methods) {
        return RuleTester.of(new MissingIndexRule())
                .java("com/acme/profiles/Profile.java", """
                        package com.acme.profiles;

                        import java.time.Instant;
                        import org.springframework.data.annotation.Id;
                        import org.springframework.data.mongodb.core.index.CompoundIndex;
                        import org.springframework.data.mongodb.core.index.Indexed;
                        import org.springframework.data.mongodb.core.index.TextIndexed;
                        import org.springframework.data.mongodb.core.mapping.Document;
                        import org.springframework.data.mongodb.core.mapping.Field;

                        @Document(collection = "profiles")
                        @CompoundIndex(name = "tenant_country", def = "{'tenantId': 1, 'country': 1}")
                        public class Profile {
                            @Id
                            private String id;
                            private String email;
                            @Indexed(unique = true)
                            private String username;
                            private String tenantId;
                            private String country;
                            @Field("loyalty_tier")
                            private String loyaltyTier;
                            private String displayName;
                            @TextIndexed
                            private String bio;
                            private boolean active;
                            private Address address;
                            private Instant createdAt;
                        }
                        """)
                .java("com/acme/profiles/Address.java", """
                        package com.acme.profiles;

                        import org.springframework.data.mongodb.core.index.Indexed;

                        public record Address(String street, String city, @Indexed String postalCode) {}
                        """)
                .java("com/acme/profiles/ProfileRepository.java", """
                        package com.acme.profiles;

                        import java.time.Instant;
                        import java.util.List;
                        import java.util.Optional;
                        import org.springframework.data.mongodb.repository.MongoRepository;
                        import org.springframework.data.mongodb.repository.Query;

                        public interface ProfileRepository extends MongoRepository<Profile, String> {
                        """ + methods.indent(4) + "}\n");
    }

    @Nested
    class Compliant {

        @Test
        void ignoresUniqueColumnsNaturalIdsAndPrimaryKeys() {
            orderRepository("""
                    Optional<Order> findByOrderNumber(String orderNumber);

                    List<Order> findAllByIdIn(List<Long> ids);

                    Optional<Order> findById(Long id);

                    List<Order> findAll();
                    """)
                    .java("com/acme/orders/CustomerRepository.java", """
                            package com.acme.orders;

                            import java.util.Optional;
                            import org.springframework.data.repository.CrudRepository;

                            public interface CustomerRepository extends CrudRepository<Customer, Long> {
                                Optional<Customer> findByEmail(String email);
                                Optional<Customer> findByEmailIgnoreCase(String email);
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresLeadingColumnOfCompositeIndexAndConjunctionsWithAnIndexedColumn() {
            orderRepository("""
                    List<Order> findByWarehouseCode(String warehouseCode);

                    List<Order> findByWarehouseCodeAndSku(String warehouseCode, String sku);

                    List<Order> findBySkuAndWarehouseCode(String sku, String warehouseCode);

                    Optional<Order> findByCustomerEmailAndOrderNumber(String customerEmail, String orderNumber);

                    List<Order> findByOrderNumberOrWarehouseCode(String orderNumber, String warehouseCode);
                    """).expectNoFindings();
        }

        @Test
        void ignoresQueriesOnlyOnBooleansEnumsAndNullChecks() {
            orderRepository("""
                    List<Order> findByStatus(OrderStatus status);

                    List<Order> findByArchivedFalse();

                    long countByStatusAndArchivedTrue(OrderStatus status);

                    List<Order> findByTrackingCodeIsNull();

                    List<Order> findByStatusIn(List<OrderStatus> statuses);

                    List<Order> findByCustomerEmailOrArchivedTrue(String customerEmail);

                    @Query("select o from Order o where o.customerEmail = ?#{principal.email} or 1 = ?#{hasRole('ADMIN') ? 1 : 0}")
                    List<Order> visibleToCurrentUser();
                    """).expectNoFindings();
        }

        @Test
        void ignoresConditionsAPlainIndexCannotServe() {
            orderRepository("""
                    List<Order> findByCustomerEmailContainingIgnoreCase(String fragment);

                    List<Order> findByCustomerEmailIgnoreCase(String email);

                    List<Order> findByTrackingCodeStartingWith(String prefix);

                    List<Order> findByCustomerEmailNot(String email);

                    List<Order> findByTrackingCodeLike(String pattern);
                    """).expectNoFindings();
        }

        @Test
        void ignoresQueriesTheRuleCannotFollow() {
            orderRepository("""
                    @Query("select o from Order o join o.lines l where l.sku = :sku")
                    List<Order> containingSku(@Param("sku") String sku);

                    @Query("select o from Order o where lower(o.customerEmail) = lower(:email)")
                    List<Order> byEmail(@Param("email") String email);

                    @Query("select o from Order o where o.total > (select avg(x.total) from Order x)")
                    List<Order> aboveAverage();

                    @Query(value = "select o.* from orders o join customers c on c.id = o.customer_id where c.last_name = ?1", nativeQuery = true)
                    List<Order> byCustomerName(String lastName);

                    List<Order> findByLinesSku(String sku);

                    List<Order> search(OrderFilter filter);

                    default List<Order> findByCustomerEmailOrEmpty(String email) {
                        return email == null ? List.of() : findByOrderNumberOrWarehouseCode(email, email);
                    }

                    List<Order> findByOrderNumberOrWarehouseCode(String orderNumber, String warehouseCode);
                    """)
                    .java("com/acme/orders/OrderFilter.java", """
                            package com.acme.orders;

                            public record OrderFilter(String email, OrderStatus status) {}
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresIndexesDeclaredWithPropertyNamesUniqueConstraintsAndOneToOneKeys() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/billing/Invoice.java", """
                            package com.acme.billing;

                            import jakarta.persistence.*;

                            @Entity
                            @Table(
                                    indexes = {
                                            @Index(columnList = "customerEmail"),
                                            @Index(columnList = "issued_on DESC, total")
                                    },
                                    uniqueConstraints = @UniqueConstraint(columnNames = {"tenant_id", "invoice_no"}))
                            public class Invoice {
                                @Id
                                private Long id;
                                private String customerEmail;
                                private java.time.LocalDate issuedOn;
                                private Long tenantId;
                                private String invoiceNo;
                                @OneToOne
                                @JoinColumn(name = "payment_ref")
                                private Payment payment;
                                @Column(name = "external_id")
                                @org.hibernate.annotations.NaturalId
                                private String externalId;
                            }
                            """)
                    .java("com/acme/billing/Payment.java", """
                            package com.acme.billing;

                            import jakarta.persistence.*;

                            @Entity
                            public class Payment {
                                @Id
                                private Long id;
                                @OneToOne(mappedBy = "payment")
                                private Invoice invoice;
                            }
                            """)
                    .java("com/acme/billing/InvoiceRepository.java", """
                            package com.acme.billing;

                            import java.time.LocalDate;
                            import java.util.List;
                            import java.util.Optional;
                            import org.springframework.data.repository.Repository;

                            interface InvoiceRepository extends Repository<Invoice, Long> {
                                List<Invoice> findByCustomerEmail(String email);
                                List<Invoice> findByIssuedOnBetween(LocalDate from, LocalDate to);
                                Optional<Invoice> findByTenantIdAndInvoiceNo(Long tenantId, String invoiceNo);
                                Optional<Invoice> findByPayment(Payment payment);
                                Optional<Invoice> findByExternalId(String externalId);
                            }
                            """)
                    .java("com/acme/billing/PaymentRepository.java", """
                            package com.acme.billing;

                            import java.util.Optional;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            interface PaymentRepository extends JpaRepository<Payment, Long> {
                                Optional<Payment> findByInvoice(Invoice invoice);
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresNamedQueriesAndTypesThatAreNotEntities() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/catalog/Product.java", """
                            package com.acme.catalog;

                            import jakarta.persistence.*;

                            @Entity
                            @NamedQuery(name = "Product.findBySupplierCode", query = "select p from Product p where p.id = ?1")
                            public class Product {
                                @Id
                                private Long id;
                                private String supplierCode;
                            }
                            """)
                    .java("com/acme/catalog/ProductRepository.java", """
                            package com.acme.catalog;

                            import java.util.List;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            interface ProductRepository extends JpaRepository<Product, Long> {
                                List<Product> findBySupplierCode(String code);
                            }
                            """)
                    .java("com/acme/catalog/PriceSnapshot.java", """
                            package com.acme.catalog;

                            public record PriceSnapshot(Long id, String sku) {}
                            """)
                    .java("com/acme/catalog/PriceSnapshotRepository.java", """
                            package com.acme.catalog;

                            import java.util.List;
                            import org.springframework.data.repository.CrudRepository;

                            interface PriceSnapshotRepository extends CrudRepository<PriceSnapshot, Long> {
                                List<PriceSnapshot> findBySku(String sku);
                            }
                            """)
                    .java("com/acme/catalog/LegacyRepository.java", """
                            package com.acme.catalog;

                            import com.acme.external.Shipment;
                            import java.util.List;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            interface LegacyRepository extends JpaRepository<Shipment, Long> {
                                List<Shipment> findByTrackingCode(String code);
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresTenantScopedEntitiesWhoseTenantColumnLeadsAnIndexAndViews() {
            RuleTester.of(new MissingIndexRule())
                    .file("src/main/resources/application.properties", HIBERNATE_WRITES_THE_SCHEMA)
                    .java("com/acme/tickets/Ticket.java", """
                            package com.acme.tickets;

                            import jakarta.persistence.*;
                            import org.hibernate.annotations.TenantId;

                            @Entity
                            @Table(name = "tickets", indexes = @Index(columnList = "tenant_id, reporter_email"))
                            public class Ticket {
                                @Id
                                private Long id;
                                @TenantId
                                private String tenantId;
                                private String reporterEmail;
                            }
                            """)
                    .java("com/acme/tickets/TicketStats.java", """
                            package com.acme.tickets;

                            import jakarta.persistence.Entity;
                            import jakarta.persistence.Id;
                            import org.hibernate.annotations.Immutable;
                            import org.hibernate.annotations.Subselect;

                            @Entity
                            @Immutable
                            @Subselect("select reporter_email, count(*) as total from tickets group by reporter_email")
                            public class TicketStats {
                                @Id
                                private String reporterEmail;
                                private long total;
                            }
                            """)
                    .java("com/acme/tickets/TicketRepository.java", """
                            package com.acme.tickets;

                            import java.util.List;
                            import org.springframework.data.jpa.repository.JpaRepository;
                            import org.springframework.data.jpa.repository.Query;

                            interface TicketRepository extends JpaRepository<Ticket, Long> {
                                List<Ticket> findByReporterEmail(String email);

                                @Query("select t from Ticket t where t.reporterEmail = :email")
                                List<Ticket> byReporter(String email);
                            }
                            """)
                    .java("com/acme/tickets/TicketStatsRepository.java", """
                            package com.acme.tickets;

                            import java.util.List;
                            import org.springframework.data.repository.Repository;

                            interface TicketStatsRepository extends Repository<TicketStats, String> {
                                List<TicketStats> findByTotalGreaterThan(long total);
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresForeignKeysOnMySqlWhereInnoDbIndexesThem() {
            Artifact driver = new Artifact("com.mysql", "mysql-connector-j", "8.4.0");
            orderRepository("""
                    List<Order> findByCustomer(Customer customer);

                    List<Order> findByCustomerIdAndPlacedAtAfter(Long customerId, Instant since);
                    """)
                    .dependencies(DependencyGraph.builder(new Artifact("com.acme", "shop", "1.0.0"))
                            .add(new Dependency(driver, "runtime", false, List.of(driver),
                                    new Dependency.Declaration("pom.xml", 40, 9)))
                            .build())
                    .expectNoFindings();
            orderRepository("""
                    List<Order> findByCustomer(Customer customer);
                    """)
                    .file("src/main/resources/application.yml", """
                            spring:
                              datasource:
                                url: jdbc:mariadb://db:3306/shop
                            """)
                    .expectNoFindings();
        }

        /** Regression: elunez/eladmin, 12 findings on columns its SQL script indexes (ddl-auto: none). */
        @Test
        void staysSilentWithoutMigrationsWhenHibernateDoesNotWriteTheSchema() {
            for (String value : List.of("none", "validate")) {
                orderRepository("""
                        List<Order> findByCustomerEmail(String customerEmail);
                        """)
                        .file("src/main/resources/application.yml", """
                                spring:
                                  jpa:
                                    hibernate:
                                      ddl-auto: %s
                                """.formatted(value))
                        .expectNoFindings();
            }
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application-prod.properties", """
                            spring.jpa.properties.hibernate.hbm2ddl.auto=validate
                            """)
                    .expectNoFindings();
        }

        @Test
        void staysSilentWhenNothingSaysHibernateWritesTheSchema() {
            // elunez/eladmin's library modules: entities and repositories, no configuration, no migrations;
            // the application module that assembles them decides where the tables come from.
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application.properties", "")
                    .expectNoFindings();
            // A server database without a ddl-auto: Spring Boot's default is none.
            Artifact postgres = new Artifact("org.postgresql", "postgresql", "42.7.4");
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .file("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db/shop\n")
                    .dependencies(DependencyGraph.builder(new Artifact("com.acme", "shop", "1.0.0"))
                            .add(new Dependency(postgres, "runtime", false, List.of(postgres),
                                    new Dependency.Declaration("pom.xml", 40, 9)))
                            .build())
                    .expectNoFindings();
        }

        @Test
        void ignoresColumnsTheMigrationsIndex() {
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);

                    List<Order> findByCustomerIdAndPlacedAtAfter(Long customerId, Instant since);

                    Optional<Order> findByTrackingCode(String trackingCode);

                    List<Order> findBySkuAndStatus(String sku, OrderStatus status);

                    Optional<Order> findByOrderNumber(String orderNumber);
                    """)
                    .java("com/acme/orders/CustomerRepository.java", """
                            package com.acme.orders;

                            import java.util.List;
                            import java.util.Optional;
                            import org.springframework.data.jpa.repository.JpaRepository;
                            import org.springframework.data.jpa.repository.Query;

                            public interface CustomerRepository extends JpaRepository<Customer, Long> {
                                Optional<Customer> findByEmail(String email);

                                @Query(value = "select * from customers where last_name = ?1 and first_name = ?2", nativeQuery = true)
                                List<Customer> byName(String lastName, String firstName);
                            }
                            """)
                    .file("src/main/resources/db/migration/V1__init.sql", V1_INIT)
                    .file("src/main/resources/db/migration/V2__indexes.sql", """
                            CREATE INDEX idx_orders_customer_email ON orders (customer_email);
                            CREATE INDEX idx_orders_customer_placed ON orders (customer_id, placed_at DESC);
                            CREATE INDEX idx_orders_sku ON orders USING btree (sku);
                            ALTER TABLE orders ADD CONSTRAINT uk_orders_number UNIQUE (order_number);
                            CREATE INDEX idx_customers_name ON customers (last_name, first_name);
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresColumnsThatOneOfThePerDatabaseSchemaScriptsIndexes() {
            // spring-petclinic-microservices: db/hsqldb/schema.sql indexes visits.pet_id, db/mysql/schema.sql
            // declares a foreign key (which InnoDB indexes); the configuration picks one by a placeholder.
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);

                    List<Order> findBySku(String sku);
                    """)
                    .file("src/main/resources/db/hsqldb/schema.sql", V1_INIT
                            + "CREATE INDEX idx_orders_customer_email ON orders (customer_email);\n")
                    .file("src/main/resources/db/mysql/schema.sql", "DROP TABLE IF EXISTS orders;\n" + V1_INIT)
                    .file("src/main/resources/sql/orders-ddl.sql", "CREATE INDEX idx_orders_sku ON orders (sku);\n")
                    .file("src/main/resources/application.yml", """
                            spring:
                              sql:
                                init:
                                  schema-locations: classpath*:sql/${database}-ddl.sql
                            """)
                    .expectNoFindings();
        }

        @Test
        void staysSilentWhenTheMigrationsDoNotCreateTheTableOrTheColumn() {
            orderRepository("""
                    List<Order> findByCustomerEmail(String customerEmail);
                    """)
                    .java("com/acme/orders/CustomerRepository.java", """
                            package com.acme.orders;

                            import java.util.List;
                            import org.springframework.data.jpa.repository.JpaRepository;

                            public interface CustomerRepository extends JpaRepository<Customer, Long> {
                                List<Customer> findByLastName(String lastName);
                            }
                            """)
                    .file("src/main/resources/db/migration/V1__customers.sql", """
                            CREATE TABLE customers (id BIGINT PRIMARY KEY, surname VARCHAR(100));
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresMongoFieldsWithIndexes() {
            mongo("""
                    Optional<Profile> findByUsername(String username);

                    List<Profile> findByTenantId(String tenantId);

                    List<Profile> findByTenantIdAndCountry(String tenantId, String country);

                    List<Profile> findByAddressPostalCode(String postalCode);

                    List<Profile> findByActiveTrue();

                    List<Profile> findByEmailContaining(String fragment);

                    List<Profile> findByBio(String bio);

                    @Query("{ '$or' : [ { 'email' : ?0 }, { 'displayName' : ?0 } ] }")
                    List<Profile> byEmailOrName(String value);

                    @Query("{ 'email' : { $regex : ?0 } }")
                    List<Profile> byEmailPattern(String regex);
                    """).expectNoFindings();
        }

        @Test
        void ignoresMongoFieldsIndexedInCode() {
            mongo("""
                    Optional<Profile> findByEmail(String email);
                    """)
                    .java("com/acme/profiles/ProfileIndexes.java", """
                            package com.acme.profiles;

                            import org.springframework.boot.context.event.ApplicationReadyEvent;
                            import org.springframework.context.event.EventListener;
                            import org.springframework.data.domain.Sort;
                            import org.springframework.data.mongodb.core.MongoTemplate;
                            import org.springframework.data.mongodb.core.index.Index;
                            import org.springframework.stereotype.Component;

                            @Component
                            class ProfileIndexes {
                                private final MongoTemplate mongo;

                                ProfileIndexes(MongoTemplate mongo) {
                                    this.mongo = mongo;
                                }

                                @EventListener(ApplicationReadyEvent.class)
                                void ensureIndexes() {
                                    mongo.indexOps(Profile.class).ensureIndex(new Index().on("email", Sort.Direction.ASC).unique());
                                }
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void honoursSuppressions() {
            orderRepository("""
                    @SuppressWarnings("archlint:missing-index")
                    List<Order> findByCustomerEmail(String customerEmail);

                    // archlint:ignore missing-index nightly export, a sequential scan is fine
                    List<Order> findByTrackingCode(String trackingCode);
                    """).expectNoFindings();
        }
    }
}
